package rules

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"sync"

	"github.com/hirelint/hirelint/linter"
)

// PatternOptions configure a pattern rule.
type PatternOptions struct {
	Scope
	Context
	// Patterns are RE2 regular expressions, matched in each block of prose,
	// case-insensitively unless CaseSensitive, with ^ and $ matching at line
	// breaks.
	Patterns []string `toml:"patterns"`
	// Exceptions are regular expressions that cancel a match they overlap.
	Exceptions []string `toml:"exceptions"`
	// Replace holds rewrite templates ($1, ${name}); a template is offered
	// only when every group it names took part in the match.
	Replace []string `toml:"replace"`
	// Report names a capture group whose text is reported instead of the
	// whole match.
	Report        string `toml:"report"`
	CaseSensitive bool   `toml:"case_sensitive"`
	// DeleteLine suggests deleting the line the match is on when the match
	// is all that is on it, else the matched text.
	DeleteLine bool `toml:"delete_line"`
	// MinMatches reports matches of Patterns only when there are at least
	// this many in the ad ("three or more expert claims"); matches of Alone
	// are reported whatever their number.
	MinMatches int      `toml:"min_matches"`
	Alone      []string `toml:"alone"`
}

type patternKind struct{}

func (patternKind) Name() string { return "pattern" }
func (patternKind) Summary() string {
	return "flags matches of RE2 regular expressions in the prose, with rewrite templates and exceptions"
}
func (patternKind) NewOptions() any { return &PatternOptions{} }

type patternRule struct {
	opts              *PatternOptions
	scope             scope
	ctx               context
	res, excep, alone []regexpRule
}

func (patternKind) Build(o any) (linter.Rule, error) {
	opts := o.(*PatternOptions)
	r := &patternRule{opts: opts}
	var err error
	if r.scope, err = opts.Scope.compile(); err != nil {
		return nil, err
	}
	if r.ctx, err = opts.Context.compile(); err != nil {
		return nil, err
	}
	if len(opts.Patterns) == 0 {
		return nil, linter.OptErr("patterns", fmt.Errorf("a pattern rule needs at least one pattern"))
	}
	if r.res, err = compileAll("patterns", opts.Patterns, opts.CaseSensitive); err != nil {
		return nil, err
	}
	if r.excep, err = compileAll("exceptions", opts.Exceptions, opts.CaseSensitive); err != nil {
		return nil, err
	}
	if r.alone, err = compileAll("alone", opts.Alone, opts.CaseSensitive); err != nil {
		return nil, err
	}
	if len(opts.Alone) > 0 && opts.MinMatches < 2 {
		return nil, linter.OptErr("alone", fmt.Errorf("alone only makes sense with min_matches of 2 or more"))
	}
	if opts.Report != "" {
		for i, re := range r.res {
			if !hasGroup(re, opts.Report) {
				return nil, linter.OptErr("report", fmt.Errorf("pattern %q has no group named %q", opts.Patterns[i], opts.Report))
			}
		}
	}
	return r, nil
}

type patternMatch struct {
	re   *regexp.Regexp
	text string
	base int
	m    []int
	// counted is false for matches of Alone patterns.
	counted bool
}

func (r *patternRule) Check(p *linter.Pass) {
	d := p.Doc
	// The Alone patterns that may match, then the others.
	all := possible(d, nil, r.alone)
	alone := len(all)
	all = possible(d, all, r.res)
	if len(all) == 0 {
		return
	}
	excep := possible(d, nil, r.excep)
	// Where each pattern may match, and the blocks holding such spans.
	spans := make([][]span, len(all))
	var blocks []int
	for i, re := range all {
		spans[i] = re.spans(d)
		for _, sp := range spans[i] {
			blocks = append(blocks, sp.block)
		}
	}
	sort.Ints(blocks)
	blocks = slices.Compact(blocks)
	exSpans := make([][]span, len(excep))
	for j, re := range excep {
		exSpans[j] = re.spans(d)
	}
	var found []patternMatch
	counted := 0
	for _, bi := range blocks {
		if !r.scope.all() && !r.scope.in(d, bi) {
			continue
		}
		// Exceptions are looked for only in blocks with a match.
		var ex [][2]int
		exDone := false
		exceptions := func() [][2]int {
			if !exDone {
				exDone = true
				for j, re := range excep {
					for _, sp := range inBlock(exSpans[j], bi) {
						base, _, ms := re.find(d, sp, false)
						for _, m := range ms {
							ex = append(ex, [2]int{base + m[0], base + m[1]})
						}
					}
				}
			}
			return ex
		}
		var taken [][2]int
		for i, re := range all {
			for _, sp := range inBlock(spans[i], bi) {
				base, text, ms := re.find(d, sp, len(r.opts.Replace) > 0 || r.opts.Report != "")
				for _, m := range ms {
					s, e := base+m[0], base+m[1]
					if e == s || overlaps(exceptions(), s, e) || overlaps(taken, s, e) || r.ctx.cancels(d, s, e) {
						continue
					}
					taken = append(taken, [2]int{s, e})
					pm := patternMatch{re: re.Regexp(), text: text, base: base, m: m, counted: i >= alone}
					if pm.counted {
						counted++
					}
					found = append(found, pm)
				}
			}
		}
	}
	for _, f := range found {
		if !f.counted || counted >= r.opts.MinMatches {
			r.report(p, f.re, f.text, f.base, f.m)
		}
	}
}

func (r *patternRule) report(p *linter.Pass, re *regexp.Regexp, text string, base int, m []int) {
	s, e := m[0], m[1]
	if r.opts.Report != "" {
		g := re.SubexpIndex(r.opts.Report)
		if m[2*g] >= 0 {
			s, e = m[2*g], m[2*g+1]
		}
	}
	match := text[s:e]
	var fixes []linter.Fix
	sugg := ""
	for _, tmpl := range r.opts.Replace {
		if !groupsTookPart(re, tmpl, m) {
			continue
		}
		repl := string(re.ExpandString(nil, tmpl, text, m))
		if sugg == "" {
			sugg = linter.MatchCase(match, repl)
		}
		if f, ok := p.ReplaceFix(base+m[0], base+m[1], repl); ok {
			fixes = append(fixes, f)
		}
	}
	if r.opts.DeleteLine {
		if f, ok := p.DeleteLinesFix(base+s, base+e); ok {
			fixes = append(fixes, f)
		}
	}
	p.ReportText(base+s, base+e, p.Message("match", match, "suggestion", sugg), fixes...)
}

var groupRefRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\$(\{(\w+)\}|(\d+)|([A-Za-z_]\w*))`) })

// groupsTookPart reports whether every group a template names matched.
func groupsTookPart(re *regexp.Regexp, tmpl string, m []int) bool {
	for _, ref := range groupRefRe().FindAllStringSubmatch(tmpl, -1) {
		name := ref[2] + ref[3] + ref[4]
		idx := -1
		if n, err := fmt.Sscanf(name, "%d", &idx); err != nil || n != 1 || fmt.Sprint(idx) != name {
			idx = re.SubexpIndex(name)
		}
		if idx < 0 || 2*idx+1 >= len(m) || m[2*idx] < 0 {
			return false
		}
	}
	return true
}

func overlaps(spans [][2]int, s, e int) bool {
	for _, x := range spans {
		if x[0] < e && s < x[1] {
			return true
		}
	}
	return false
}

// hasGroup reports whether re has a group named name, without compiling a
// prepared expression for it: the names come from the parsed expression
// (so an escaped "\(?P<name>" is no group), for the built-in rules when
// the prepared table was generated.
func hasGroup(re regexpRule, name string) bool {
	return slices.Contains(re.groups, name)
}

// inBlock returns the spans of block bi among spans (sorted by position).
func inBlock(spans []span, bi int) []span {
	i := sort.Search(len(spans), func(i int) bool { return spans[i].block >= bi })
	j := i
	for j < len(spans) && spans[j].block == bi {
		j++
	}
	return spans[i:j]
}
