package rules

import (
	"regexp"
	"regexp/syntax"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/hirelint/hirelint/linter"
)

// A regexpRule is a compiled regular expression with a prefilter: a set of
// lower-case strings at least one of which must occur in any text it
// matches. Most patterns never match most ads, so a pattern whose literals
// are all absent is skipped, and one whose literals occur is run only on
// the blocks that hold them. The literals of all patterns are found in one
// pass over the ad (see literalIndex).
type regexpRule struct {
	*lazyRegexp
	lits []int32 // ids in the literal table; nil: no prefilter
}

// A lazyRegexp is compiled on first use. Expressions of the built-in rule
// set are known to compile (see prepared), so a process that lints one ad
// compiles only the few its literals call for; any other expression is
// compiled when its config is loaded, so that errors are reported then.
type lazyRegexp struct {
	expr string
	once sync.Once
	re   *regexp.Regexp
}

// Regexp returns the compiled expression.
func (l *lazyRegexp) Regexp() *regexp.Regexp {
	l.once.Do(func() {
		if l.re == nil {
			l.re = regexp.MustCompile(l.expr)
		}
	})
	return l.re
}

func (l *lazyRegexp) MatchString(s string) bool { return l.Regexp().MatchString(s) }

func (l *lazyRegexp) FindAllStringIndex(s string, n int) [][]int {
	return l.Regexp().FindAllStringIndex(s, n)
}

// literalTable holds the literals of every pattern compiled in the process,
// and the matcher over them, rebuilt when patterns with new literals are
// compiled (that is, when a config is loaded).
var literalTable struct {
	sync.Mutex
	ids     map[string]int32
	list    []string
	matcher *acMatcher
}

func registerLiterals(ls []string) []int32 {
	literalTable.Lock()
	defer literalTable.Unlock()
	if literalTable.ids == nil {
		literalTable.ids = map[string]int32{}
	}
	out := make([]int32, 0, len(ls))
	for _, l := range ls {
		id, ok := literalTable.ids[l]
		if !ok {
			id = int32(len(literalTable.list))
			literalTable.ids[l] = id
			literalTable.list = append(literalTable.list, l)
			literalTable.matcher = nil
		}
		out = append(out, id)
	}
	return out
}

func currentMatcher() *acMatcher {
	literalTable.Lock()
	defer literalTable.Unlock()
	if literalTable.matcher == nil {
		literalTable.matcher = newACMatcher(literalTable.list)
	}
	return literalTable.matcher
}

// literalIndex maps each literal found in a document to the sorted blocks
// it occurs in.
type literalIndex map[int32][]int

// literals returns the literal index of d, computed once per document (and
// matcher).
func literals(d *linter.Document) literalIndex {
	m := currentMatcher()
	return d.Memo(m, func() any {
		idx := literalIndex{}
		lower := d.LowerText()
		bi := 0
		m.scan(lower, func(id int32, end int) {
			at := end - 1
			for bi < len(d.Blocks) && d.Blocks[bi].End <= at {
				bi++
			}
			if bi >= len(d.Blocks) || d.Blocks[bi].Start > at {
				return // in a separator between blocks
			}
			bs := idx[id]
			if len(bs) == 0 || bs[len(bs)-1] != bi {
				idx[id] = append(bs, bi)
			}
		})
		return idx
	}).(literalIndex)
}

// mayMatch reports whether re can match somewhere in d.
func (r regexpRule) mayMatch(d *linter.Document) bool {
	if r.lits == nil || d.FoldTraps() {
		return true
	}
	idx := literals(d)
	for _, id := range r.lits {
		if len(idx[id]) > 0 {
			return true
		}
	}
	return false
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
	idx := literals(d)
	var out []int
	for _, id := range r.lits {
		out = append(out, idx[id]...)
	}
	sort.Ints(out)
	n := 0
	for i, b := range out {
		if i == 0 || b != out[n-1] {
			out[n] = b
			n++
		}
	}
	return out[:n]
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

// withPrefilter returns expr, compiled (re) or to be compiled on first use
// (re nil: expr is in the prepared table), with its prefilter.
func withPrefilter(re *regexp.Regexp, expr string) regexpRule {
	r := regexpRule{lazyRegexp: &lazyRegexp{expr: expr, re: re}}
	lits, ok := prepared[expr]
	if !ok {
		lits = prefilterLiterals(expr)
	}
	if lits != nil {
		r.lits = registerLiterals(lits)
	}
	return r
}

// prefilterLiterals returns the prefilter literals of expr, nil when it has
// none that are useful.
func prefilterLiterals(expr string) []string {
	p, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil
	}
	if lits, ok := requiredLiterals(p.Simplify()); ok && usefulLiterals(lits) {
		return lits
	}
	return nil
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
