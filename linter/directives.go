package linter

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
)

// Inline directives turn rules off for part of a document:
//
//	<!-- hirelint-disable rule-id other-rule -- reason -->
//	...
//	<!-- hirelint-enable rule-id -->
//	<!-- hirelint-disable-next-line rule-id -- reason -->
//
// In plain text the same words may stand in a "#" comment line. Rule ids
// may be family names, or "all". A disable needs a reason after "--"; a
// directive without one, or naming no known rule, is reported by the rule
// InvalidDirective, and one that suppresses nothing by UnusedDirective,
// when those rules are active.

// Ids of the rules that report problems with directives.
const (
	InvalidDirective = "invalid-directive"
	UnusedDirective  = "unused-directive"
)

// Directive is one parsed inline directive.
type Directive struct {
	Kind   string // "disable", "enable" or "disable-next-line"
	Rules  []string
	Reason string
	Span   Span // the whole comment in the source
	// Line is the comment's first line; Target the line a
	// disable-next-line applies to (the next non-blank line).
	Line, Target int
	used         bool
}

var directiveRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(?:<!--|#)\s*hirelint-(disable-next-line|disable|enable)\b([\s\S]*?)(?:-->)?\s*$`)
})

// Directives parses the document's inline directives. Comments that do not
// start with "hirelint-" are ignored; malformed directives come back as
// problems (message and span).
func (d *Document) Directives() (ds []Directive, problems []Finding) {
	for _, sp := range d.Comments {
		text := strings.TrimSpace(string(d.Source[sp.Start:sp.End]))
		m := directiveRe().FindStringSubmatch(text)
		if m == nil {
			if strings.Contains(text, "hirelint-") {
				problems = append(problems, Finding{Span: sp, Message: fmt.Sprintf("unknown directive %s: use hirelint-disable, hirelint-enable or hirelint-disable-next-line", quote(text))})
			}
			continue
		}
		dir := Directive{Kind: m[1], Span: sp}
		body := m[2]
		if ids, reason, ok := strings.Cut(body, "--"); ok {
			body, dir.Reason = ids, strings.TrimSpace(reason)
		}
		dir.Rules = strings.FieldsFunc(body, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' || r == '\r' })
		dir.Line, _ = d.Position(sp.Start)
		endLine, _ := d.Position(sp.End)
		dir.Target = endLine + 1
		for dir.Target <= d.LineCount() {
			ls := d.LineSpan(dir.Target)
			if strings.TrimSpace(string(d.Source[ls.Start:ls.End])) != "" {
				break
			}
			dir.Target++
		}
		switch {
		case len(dir.Rules) == 0:
			problems = append(problems, Finding{Span: sp, Message: fmt.Sprintf("hirelint-%s names no rule: give rule ids (or families, or \"all\")", dir.Kind)})
			continue
		case dir.Kind != "enable" && dir.Reason == "":
			problems = append(problems, Finding{Span: sp, Message: fmt.Sprintf("hirelint-%s %s needs a reason: add \"-- why\" before the end of the comment", dir.Kind, strings.Join(dir.Rules, " "))})
			continue
		}
		ds = append(ds, dir)
	}
	return ds, problems
}

func (dir *Directive) names(f Finding) bool {
	for _, r := range dir.Rules {
		if r == f.Rule || r == f.Family || r == "all" {
			return true
		}
	}
	return false
}

// applyDirectives drops the findings the directives suppress and adds
// findings for invalid and unused directives (when those rules are
// active).
func (c *Config) applyDirectives(doc *Document, fs []Finding) []Finding {
	if len(doc.Comments) == 0 {
		return fs
	}
	ds, problems := doc.Directives()
	for i := range ds {
		for _, id := range ds[i].Rules {
			if id != "all" && !c.known(id) {
				problems = append(problems, Finding{Span: ds[i].Span, Message: fmt.Sprintf("hirelint-%s names %q, which is no rule or family", ds[i].Kind, id)})
			}
		}
	}
	var out []Finding
	for _, f := range fs {
		if !c.suppressed(doc, ds, f) {
			out = append(out, f)
		}
	}
	report := func(id string, f Finding, vars ...string) {
		r := c.byID[id]
		if r == nil || !c.IsActive(r) {
			return
		}
		f.Rule, f.Family, f.Severity = r.ID, r.Family, r.Severity
		f.Message = ExpandMessage(r.Message, append([]string{"problem", f.Message}, vars...)...)
		out = append(out, f)
	}
	for _, p := range problems {
		report(InvalidDirective, p)
	}
	for _, dir := range ds {
		if !dir.used && dir.Kind != "enable" {
			report(UnusedDirective, Finding{Span: dir.Span}, "match", strings.TrimSpace(string(doc.Source[dir.Span.Start:dir.Span.End])))
		}
	}
	return out
}

// suppressed reports whether a directive turns f off, marking it used.
func (c *Config) suppressed(doc *Document, ds []Directive, f Finding) bool {
	if f.Rule == InvalidDirective || f.Rule == UnusedDirective {
		return false
	}
	line := 0
	if !f.Doc {
		line, _ = doc.Position(f.Span.Start)
	}
	hit := -1
	for i := range ds {
		dir := &ds[i]
		if !dir.names(f) {
			continue
		}
		switch dir.Kind {
		case "disable-next-line":
			if !f.Doc && line == dir.Target {
				hit = i
			}
		case "disable":
			// A document-level finding is off when any disable names it;
			// a finding with a place, from the directive to a matching
			// enable (or the end).
			if f.Doc || (dir.Line < line && !c.enabledBetween(ds, f, dir.Line, line)) {
				hit = i
			}
		}
	}
	if hit < 0 {
		return false
	}
	ds[hit].used = true
	return true
}

func (c *Config) enabledBetween(ds []Directive, f Finding, from, to int) bool {
	for i := range ds {
		if ds[i].Kind == "enable" && ds[i].Line > from && ds[i].Line < to && ds[i].names(f) {
			ds[i].used = true
			return true
		}
	}
	return false
}
