package rules

import (
	"regexp"
	"regexp/syntax"
	"strings"

	"github.com/hirelint/hirelint/linter"
)

// A regexp is a compiled regular expression with a prefilter: a set of
// lower-case strings at least one of which must occur in any text it
// matches. Most patterns never match most ads, and looking for a few
// literals in the lower-cased text is far cheaper than running the regexp,
// so a pattern whose literals are all absent is skipped for the document.
type regexpRule struct {
	*regexp.Regexp
	lits []string // nil: no prefilter
}

// mayMatch reports whether re can match somewhere in d.
func (r regexpRule) mayMatch(d *linter.Document) bool {
	if r.lits == nil {
		return true
	}
	lower := d.LowerText()
	for _, l := range r.lits {
		if strings.Contains(lower, l) {
			return true
		}
	}
	return false
}

// possible returns the regexps of res that may match in d.
func possible(d *linter.Document, res []regexpRule) []regexpRule {
	var out []regexpRule
	for _, r := range res {
		if r.mayMatch(d) {
			out = append(out, r)
		}
	}
	return out
}

func withPrefilter(re *regexp.Regexp, expr string) regexpRule {
	r := regexpRule{Regexp: re}
	if p, err := syntax.Parse(expr, syntax.Perl); err == nil {
		if lits, ok := requiredLiterals(p.Simplify()); ok && minLen(lits) >= 2 {
			r.lits = lits
		}
	}
	return r
}

func minLen(ls []string) int {
	m := -1
	for _, l := range ls {
		if m < 0 || len(l) < m {
			m = len(l)
		}
	}
	return m
}

// requiredLiterals returns lower-case strings one of which occurs in every
// match of re; ok is false when no such set is known.
func requiredLiterals(re *syntax.Regexp) ([]string, bool) {
	switch re.Op {
	case syntax.OpLiteral:
		return []string{strings.ToLower(string(re.Rune))}, true
	case syntax.OpCapture:
		return requiredLiterals(re.Sub[0])
	case syntax.OpPlus:
		return requiredLiterals(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return requiredLiterals(re.Sub[0])
		}
	case syntax.OpConcat:
		// Any child's set will do; keep the most selective one.
		var best []string
		for _, s := range re.Sub {
			if ls, ok := requiredLiterals(s); ok && (best == nil || minLen(ls) > minLen(best)) {
				best = ls
			}
		}
		return best, best != nil
	case syntax.OpAlternate:
		var all []string
		for _, s := range re.Sub {
			ls, ok := requiredLiterals(s)
			if !ok {
				return nil, false
			}
			all = append(all, ls...)
		}
		return all, true
	}
	return nil, false
}
