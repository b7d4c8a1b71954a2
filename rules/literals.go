package rules

import (
	"regexp"
	"regexp/syntax"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

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

// mayMatch reports whether re can match somewhere in d (computed once per
// document).
func (r regexpRule) mayMatch(d *linter.Document) bool {
	if r.lits == nil {
		return true
	}
	return d.Memo(r.Regexp, func() any {
		if d.FoldTraps() {
			return true
		}
		lower := d.LowerText()
		for _, l := range r.lits {
			if strings.Contains(lower, l) {
				return true
			}
		}
		return false
	}).(bool)
}

// blocks returns the indices of the blocks of d in which re may match: the
// blocks holding one of its literals, or all blocks.
func (r regexpRule) blocks(d *linter.Document) []int {
	if r.lits == nil || d.FoldTraps() {
		all := make([]int, len(d.Blocks))
		for i := range all {
			all[i] = i
		}
		return all
	}
	lower := d.LowerText()
	seen := map[int]bool{}
	var out []int
	for _, l := range r.lits {
		for off := 0; ; {
			i := strings.Index(lower[off:], l)
			if i < 0 {
				break
			}
			at := off + i
			bi := sort.Search(len(d.Blocks), func(j int) bool { return d.Blocks[j].End > at })
			if bi < len(d.Blocks) && d.Blocks[bi].Start <= at && !seen[bi] {
				seen[bi] = true
				out = append(out, bi)
			}
			// Skip to the end of this block: one hit is enough.
			if bi < len(d.Blocks) && d.Blocks[bi].End > at {
				off = d.Blocks[bi].End
			} else {
				off = at + len(l)
			}
		}
	}
	sort.Ints(out)
	return out
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
		if lits, ok := requiredLiterals(p.Simplify()); ok && usefulLiterals(lits) {
			r.lits = lits
		}
	}
	return r
}

// usefulLiterals reports whether lits can serve as a prefilter: they are
// searched in text lower-cased in ASCII only, so a literal with a non-ASCII
// letter that has case cannot be used; and single letters or digits filter
// nothing.
func usefulLiterals(lits []string) bool {
	for _, l := range lits {
		for _, c := range l {
			if c >= utf8.RuneSelf && unicode.ToUpper(c) != unicode.ToLower(c) {
				return false
			}
		}
		if len(l) < 2 {
			c := rune(l[0])
			if unicode.IsLetter(c) || unicode.IsDigit(c) || unicode.IsSpace(c) {
				return false
			}
		}
	}
	return len(lits) > 0
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
	case syntax.OpCharClass:
		// A small class of symbols ("[$£€]") is a set of one-rune literals.
		var out []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			if re.Rune[i+1]-re.Rune[i] > 8 || len(out) > 16 {
				return nil, false
			}
			for c := re.Rune[i]; c <= re.Rune[i+1]; c++ {
				if unicode.IsLetter(c) || unicode.IsDigit(c) || unicode.IsSpace(c) {
					return nil, false
				}
				out = append(out, string(c))
			}
		}
		return out, len(out) > 0
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
