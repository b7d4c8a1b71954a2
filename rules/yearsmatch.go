package rules

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
)

// yearsExpr returns the expression that finds a years requirement; group 1
// is the (lower) number of years, and the match ends where the thing the
// years are of may start.
// Connectors repeat at most three times and adjectives six ("of relevant
// professional hands-on production experience with" has four): with no
// bound, a match could reach to the end of its block, so the expression
// would be run over whole blocks, not around each "year".
//
// It is the head, which ends at "years", and a tail of optional words.
// The head alone is run as an expression (see yearsFindAll): the repeated
// lists of words make the whole compile to some 1,400 instructions, too
// many for Go's backtracking matcher, so it would run on the slower
// general one at every offset of a window.
//
// It is built on each call, which only yearsPattern (once, to find its
// entry in the prepared table) and tests make.
func yearsExpr() string { return yearsHeadExpr + yearsTailExpr() }

// yearsHeadExpr is yearsExpr up to "years"; group 1 is the number.
const yearsHeadExpr = `(?i)\b(?:(?:at least|minimum(?: of)?|min\.?|over|more than)\s+)?(\d{1,2})(?:\.\d)?\s*(?:\+|plus)?\s*(?:(?:-|–|to)\s*\d{1,2}\s*\+?\s*)?(?:years?|yrs?)[’']?(?:\s*\+)?`

// The words of the tail, each list in the order the expression tries
// them: the first that fits and ends a word (\b) is taken, so no word is
// read at the start of a longer one ("on" in "ONNX", "as" in "ASP.NET",
// "in" in "industry", "exp" in "expertise"). \b knows only ASCII letters,
// digits and "_" as word bytes: "with" is still read in "withé".
var (
	yearsConnectors = []string{"of", "in", "with", "using", "working with", "on", "at", "as", "building", "developing", "across"}
	yearsAdjectives = []string{"professional", "commercial", "industry", "industrial", "relevant", "proven", "practical", "production", "hands-on", "real-world", "demonstrable", "solid", "working", "applied", "direct", "progressive"}
	// A final full stop is optional: "exp." is "exp" or "exp.".
	yearsNouns = []string{"experience", "exp.", "expertise"}
)

// Bounds on the repeats of the tail's lists.
const (
	yearsMaxConnectors = 3
	yearsMaxAdjectives = 6
)

// yearsTailExpr is the tail of yearsExpr, written from the lists above.
func yearsTailExpr() string {
	upTo := func(n int) string { return "{0," + strconv.Itoa(n) + "}" }
	return yearsAlt(yearsConnectors) + upTo(yearsMaxConnectors) +
		yearsAlt(yearsAdjectives) + upTo(yearsMaxAdjectives) +
		yearsAlt(yearsNouns) + "?" +
		yearsAlt(yearsConnectors) + upTo(yearsMaxConnectors) + `\s*`
}

// yearsAlt returns an expression for white space and one of words, which
// must end a word (a final full stop, optional, follows that end).
func yearsAlt(words []string) string {
	q := make([]string, len(words))
	for i, w := range words {
		if base, dot := strings.CutSuffix(w, "."); dot {
			q[i] = regexp.QuoteMeta(base) + `\b\.?`
		} else {
			q[i] = regexp.QuoteMeta(w) + `\b`
		}
	}
	return `(?:\s+(?:` + strings.Join(q, "|") + `))`
}

// yearsHead is yearsHeadExpr, compiled once.
var yearsHead = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(yearsHeadExpr) })

// trailingConnector finds the connectors that end a years requirement
// ("5 years of experience in").
var trailingConnector = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)` + yearsAlt(yearsConnectors) + `+\s*$`)
})

// yearsFindAll returns what regexp.MustCompile(yearsExpr()).
// FindAllStringSubmatchIndex(text, n) returns, finding each head with
// the expression and reading its tail by hand. The tail is optional, so
// the expression matches wherever its head does, and its first choice of
// head is kept whatever follows: the match is the head's, lengthened by
// the tail read greedily, each list's first fitting word taken.
func yearsFindAll(text string, n int) [][]int {
	head := yearsHead()
	var out [][]int
	for pos := 0; pos < len(text) && (n < 0 || len(out) < n); {
		// The expression starts with \b and a word byte, so no match
		// starts inside a word. After a match that ended inside one,
		// a search of the rest would see a word's start there: go on
		// past its end.
		if pos > 0 && isWordByte(text[pos-1]) {
			for pos < len(text) && isWordByte(text[pos]) {
				pos++
			}
		}
		m := head.FindStringSubmatchIndex(text[pos:])
		if m == nil {
			break
		}
		for i := range m {
			if m[i] >= 0 {
				m[i] += pos
			}
		}
		m[1] = yearsTail(text, m[1])
		out = append(out, m)
		pos = m[1]
	}
	return out
}

// yearsTail returns where the tail of yearsExpr that starts at text[i:]
// ends.
func yearsTail(text string, i int) int {
	i = yearsWords(text, i, yearsConnectors, yearsMaxConnectors)
	i = yearsWords(text, i, yearsAdjectives, yearsMaxAdjectives)
	i = yearsWords(text, i, yearsNouns, 1)
	i = yearsWords(text, i, yearsConnectors, yearsMaxConnectors)
	for i < len(text) && isSpace[text[i]] {
		i++
	}
	return i
}

// yearsWords reads up to limit times white space and one of words (the
// first that fits, see yearsWord) from text[i:], and returns where it
// stopped.
func yearsWords(text string, i int, words []string, limit int) int {
	for k := 0; k < limit; k++ {
		j := i
		for j < len(text) && isSpace[text[j]] {
			j++
		}
		if j == i {
			return i
		}
		n := 0
		for _, w := range words {
			if n = yearsWord(text[j:], w); n > 0 {
				break
			}
		}
		if n == 0 {
			return i
		}
		i = j + n
	}
	return i
}

// yearsWord returns the length of the prefix of s that is word w of the
// tail as yearsAlt's expression for it matches: w, in any case, where it
// ends a word as \b has it (the bytes on either side of the end are not
// both word bytes or both not); then the full stop that ends w, if it
// does, when s has one. It returns 0 when w does not fit.
func yearsWord(s, w string) int {
	base, dot := strings.CutSuffix(w, ".")
	n := foldPrefix(s, base)
	if n == 0 || isWordByte(s[n-1]) == (n < len(s) && isWordByte(s[n])) {
		return 0
	}
	if dot && n < len(s) && s[n] == '.' {
		n++
	}
	return n
}

// foldPrefix returns the length of the prefix of s that matches w (lower
// case ASCII) as a (?i) expression would match it, 0 if none does. Case
// folding also takes the Kelvin sign for k and the long s for s.
func foldPrefix(s, w string) int {
	i := 0
	for k := 0; k < len(w); k++ {
		c := w[k]
		if i >= len(s) {
			return 0
		}
		switch b := s[i]; {
		case b == c || 'a' <= c && c <= 'z' && b == c-'a'+'A':
			i++
		case c == 'k' && strings.HasPrefix(s[i:], "\u212a"):
			i += len("\u212a")
		case c == 's' && strings.HasPrefix(s[i:], "\u017f"):
			i += len("\u017f")
		default:
			return 0
		}
	}
	return i
}
