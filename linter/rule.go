package linter

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Rule is a compiled rule instance. Check inspects the document of the pass
// and reports findings through it; it never prints, reads files or decides
// its own severity.
type Rule interface {
	Check(p *Pass)
}

// Kind is a rule kind: Go code that turns typed options from TOML into a
// Rule. NewOptions returns a pointer to a fresh options struct holding the
// defaults; the config loader decodes a rule's TOML table into it (unknown
// keys are errors) and passes it to Build.
type Kind interface {
	Name() string
	Summary() string
	NewOptions() any
	Build(opts any) (Rule, error)
}

// OptionError is returned by Kind.Build for a bad option value; Key names
// the option.
type OptionError struct {
	Key string
	Err error
}

func (e *OptionError) Error() string { return fmt.Sprintf("%s: %v", e.Key, e.Err) }
func (e *OptionError) Unwrap() error { return e.Err }

// OptErr wraps err as an OptionError for key.
func OptErr(key string, err error) error { return &OptionError{Key: key, Err: err} }

// Docs is a rule's documentation, written once and shown by `hirelint
// explain`, the README's rule table and machine formats.
type Docs struct {
	Title  string `toml:"title"`
	Why    string `toml:"why"`
	Before string `toml:"before"`
	After  string `toml:"after"`
	Source string `toml:"source"`
}

// Pass is what a rule sees while checking one document.
type Pass struct {
	Doc  *Document
	Rule *RuleConfig
	// Corpus indexes the paragraphs of all files of the run, for rules
	// that look across files; nil when there is none (standard input,
	// batch mode). Such rules implement UsesCorpus().
	Corpus *Corpus
	out    []Finding
}

// Report records a finding. Severity, family and rule id are filled in from
// the rule's configuration unless set (a rule may set Severity only from
// severities given in its own options).
func (p *Pass) Report(f Finding) {
	f.Rule = p.Rule.ID
	f.Family = p.Rule.Family
	if f.Severity == SeverityNone {
		f.Severity = p.Rule.Severity
	}
	p.out = append(p.out, f)
}

// ReportText reports a finding on Text[start:end] of the document.
func (p *Pass) ReportText(start, end int, msg string, fixes ...Fix) {
	p.Report(Finding{Span: p.Doc.SourceSpan(start, end), Message: msg, Fixes: fixes})
}

// ReportDoc reports a document-level finding.
func (p *Pass) ReportDoc(msg string, fixes ...Fix) {
	p.Report(Finding{Doc: true, Message: msg, Fixes: fixes})
}

// Message expands the rule's message template: each {name} is replaced by
// the value given for it. Values for "match" and "suggestion" are quoted.
func (p *Pass) Message(vars ...string) string {
	return ExpandMessage(p.Rule.Message, vars...)
}

// ExpandMessage replaces {name} placeholders in tmpl with values given as
// name, value pairs (a name given twice takes its last value; a name
// without a value after it is ignored). "match" and "suggestion" values
// are quoted; a match is shown on one line and shortened when long.
// {name|text} gives text when the value is empty or not given.
func ExpandMessage(tmpl string, vars ...string) string {
	i := strings.IndexByte(tmpl, '{')
	if i < 0 {
		return tmpl
	}
	var b strings.Builder
	b.Grow(len(tmpl) + 32)
	for i >= 0 {
		end, name, def, hasDef := placeholderAt(tmpl, i)
		if end < 0 {
			b.WriteString(tmpl[:i+1])
			tmpl = tmpl[i+1:]
		} else {
			b.WriteString(tmpl[:i])
			b.WriteString(expandOne(tmpl[i:end], name, def, hasDef, vars))
			tmpl = tmpl[end:]
		}
		i = strings.IndexByte(tmpl, '{')
	}
	b.WriteString(tmpl)
	return b.String()
}

// placeholderAt reads the placeholder that starts at s[i] ('{'): a name
// of lower-case letters and '_', then '}' or '|', a default without
// braces and '}'. end is where it ends, -1 when there is none there.
func placeholderAt(s string, i int) (end int, name, def string, hasDef bool) {
	j := i + 1
	for j < len(s) && (s[j] >= 'a' && s[j] <= 'z' || s[j] == '_') {
		j++
	}
	if j == i+1 || j == len(s) {
		return -1, "", "", false
	}
	switch s[j] {
	case '}':
		return j + 1, s[i+1 : j], "", false
	case '|':
		if r := strings.IndexAny(s[j+1:], "{}"); r >= 0 && s[j+1+r] == '}' {
			k := j + 1 + r
			return k + 1, s[i+1 : j], s[j+1 : k], true
		}
	}
	return -1, "", "", false
}

// expandOne gives the text of placeholder ph: the value of name in vars
// (the last one given), else the default, else ph itself.
func expandOne(ph, name, def string, hasDef bool, vars []string) string {
	v, ok := "", false
	for i := len(vars) - 2 - len(vars)%2; i >= 0; i -= 2 {
		if vars[i] == name {
			v, ok = vars[i+1], true
			break
		}
	}
	switch {
	case ok && v != "":
		if name == "match" || name == "suggestion" {
			return quote(v)
		}
		return v
	case hasDef:
		return def
	case ok:
		return v
	}
	return ph
}

func quote(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) > 60 {
		r := []rune(s)
		s = string(r[:57]) + "…"
	}
	return strconv.Quote(s)
}

// ReplaceFix returns a fix that replaces Text[start:end] with repl, keeping
// the case of the matched text's first letter. ok is false when the match is
// not a verbatim stretch of the source (it spans markup), since an edit
// there would change more than the words.
func (p *Pass) ReplaceFix(start, end int, repl string) (Fix, bool) {
	if !p.Doc.Contiguous(start, end) {
		return Fix{}, false
	}
	old := p.Doc.Text[start:end]
	repl = MatchCase(old, repl)
	sp := p.Doc.SourceSpan(start, end)
	msg := fmt.Sprintf("replace %s with %s", quote(old), quote(repl))
	if repl == "" {
		msg = fmt.Sprintf("delete %s", quote(old))
	}
	return Fix{Message: msg, Edits: []TextEdit{{Span: sp, NewText: repl}}, Safe: true}, true
}

// MatchCase gives repl the capitalisation of old: all capitals stay all
// capitals, a capital first letter stays a capital first letter.
func MatchCase(old, repl string) string {
	if repl == "" || old == "" {
		return repl
	}
	letters, upper := 0, 0
	for _, r := range old {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	if letters > 1 && upper == letters {
		return strings.ToUpper(repl)
	}
	or, _ := utf8.DecodeRuneInString(old)
	rr, n := utf8.DecodeRuneInString(repl)
	if unicode.IsUpper(or) && unicode.IsLower(rr) {
		return string(unicode.ToUpper(rr)) + repl[n:]
	}
	return repl
}

// DeleteLinesFix returns a fix that deletes the whole source lines holding
// Text[start:end] when the match is all that is on them, or else just the
// matched text.
func (p *Pass) DeleteLinesFix(start, end int) (Fix, bool) {
	d := p.Doc
	sp := d.SourceSpan(start, end)
	l1, _ := d.Position(sp.Start)
	l2, _ := d.Position(sp.End)
	first, last := d.LineSpan(l1), d.LineSpan(l2)
	before := strings.TrimSpace(string(d.Source[first.Start:sp.Start]))
	after := strings.TrimSpace(string(d.Source[sp.End:last.End]))
	if before == "" && after == "" {
		del := Span{first.Start, last.End}
		// Take the line ending too, so no blank line is left behind.
		if l2 < d.LineCount() {
			del.End = d.LineSpan(l2 + 1).Start
		} else if l1 > 1 {
			del.Start = d.LineSpan(l1 - 1).End
		}
		return Fix{Message: fmt.Sprintf("delete the line %s", quote(d.Text[start:end])), Edits: []TextEdit{{Span: del}}, Safe: true}, true
	}
	if !d.Contiguous(start, end) {
		return Fix{}, false
	}
	return Fix{Message: fmt.Sprintf("delete %s", quote(d.Text[start:end])), Edits: []TextEdit{{Span: sp}}, Safe: true}, true
}
