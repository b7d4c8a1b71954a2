package rules

import (
	"errors"
	"fmt"
	"regexp"
	"regexp/syntax"
	"sort"
	"strings"

	"github.com/hirelint/hirelint/linter"
)

// Scope limits where a rule looks. Blocks names block kinds ("heading",
// "paragraph", "list-item"); Sections are regular expressions matched,
// case-insensitively, against the heading a block is under. Empty means
// everywhere.
type Scope struct {
	Blocks   []string `toml:"blocks"`
	Sections []string `toml:"sections"`
}

type scope struct {
	kinds    map[linter.BlockKind]bool
	sections []regexpRule
}

func (s Scope) compile() (scope, error) {
	var sc scope
	if len(s.Blocks) > 0 {
		sc.kinds = map[linter.BlockKind]bool{}
		for _, b := range s.Blocks {
			switch b {
			case "heading":
				sc.kinds[linter.Heading] = true
			case "paragraph":
				sc.kinds[linter.Paragraph] = true
			case "list-item":
				sc.kinds[linter.ListItem] = true
			default:
				return sc, linter.OptErr("blocks", fmt.Errorf("unknown block kind %q (want heading, paragraph or list-item)", b))
			}
		}
	}
	var err error
	sc.sections, err = compileAll("sections", s.Sections)
	return sc, err
}

// in reports whether block i of d is in scope.
func (sc scope) in(d *linter.Document, i int) bool {
	b := d.Blocks[i]
	if sc.kinds != nil && !sc.kinds[b.Kind] {
		return false
	}
	if len(sc.sections) > 0 {
		return matchAny(sc.sections, d, b.Section)
	}
	return true
}

func (sc scope) all() bool { return sc.kinds == nil && len(sc.sections) == 0 }

// matchAny reports whether one of res matches the text of block bi of d
// (none: bi < 0). An expression runs, and is compiled, only when one of
// its literals occurs in the block.
func matchAny(res []regexpRule, d *linter.Document, bi int) bool {
	if bi < 0 {
		return false
	}
	b := d.Blocks[bi]
	if b.Start == b.End {
		return false
	}
	for i := range res {
		if res[i].matchIn(d, b.Start, b.End) {
			return true
		}
	}
	return false
}

// recordExpr, when set, sees every expression compileAll compiles (to
// generate the prepared table).
var recordExpr func(expr string)

// compileAll compiles regular expressions case-insensitively and in
// multi-line mode (^ and $ match at line breaks) unless caseSensitive.
func compileAll(key string, pats []string, caseSensitive ...bool) ([]regexpRule, error) {
	flags := "(?im)"
	if len(caseSensitive) > 0 && caseSensitive[0] {
		flags = "(?m)"
	}
	if len(pats) == 0 {
		return nil, nil
	}
	out := make([]regexpRule, 0, len(pats))
	for i, p := range pats {
		r, err := prefiltered(flags, foldApostrophes(p), func(expr string) (*regexp.Regexp, error) {
			if strings.TrimSpace(p) == "" {
				return nil, fmt.Errorf("pattern %d is empty", i+1)
			}
			if err := linter.CheckRegexpSize(p); err != nil {
				return nil, err
			}
			re, err := regexp.Compile(expr)
			if err != nil {
				// Report the error without the flags prepended here.
				msg := err.Error()
				var se *syntax.Error
				if errors.As(err, &se) {
					msg = string(se.Code)
				}
				return nil, fmt.Errorf("bad regular expression %q: %s", p, msg)
			}
			return re, nil
		})
		if err != nil {
			return nil, linter.OptErr(key, err)
		}
		out = append(out, r)
	}
	return out, nil
}

// Band is a range outside which a count or metric is reported with the
// band's severity; the most severe band violated wins.
type Band struct {
	Min      *float64        `toml:"min"`
	Max      *float64        `toml:"max"`
	Severity linter.Severity `toml:"severity"`
}

func (b Band) violated(v float64) bool {
	return (b.Min != nil && v < *b.Min) || (b.Max != nil && v > *b.Max)
}

// severityFor returns the severity for value v: the rule's own severity
// (none) when only the primary range [min, max] is violated, a band's when
// that is more severe, and ok=false when nothing is violated.
func severityFor(v float64, min, max *float64, bands []Band, own linter.Severity) (linter.Severity, bool) {
	best, ok := linter.SeverityNone, false
	if primary := (Band{Min: min, Max: max, Severity: own}); primary.violated(v) && own > best {
		best, ok = own, true
	}
	for _, b := range bands {
		if b.violated(v) && b.Severity > best {
			best, ok = b.Severity, true
		}
	}
	return best, ok
}

func checkBands(bands []Band) error {
	for i, b := range bands {
		if b.Severity == linter.SeverityNone {
			return linter.OptErr("bands", fmt.Errorf("band %d has no severity", i+1))
		}
		if b.Min == nil && b.Max == nil {
			return linter.OptErr("bands", fmt.Errorf("band %d has neither min nor max", i+1))
		}
	}
	return nil
}

// Context holds options that cancel a match by the text around it.
type Context struct {
	// UnlessInSentence holds regular expressions that cancel a match when
	// they match anywhere in its sentence ("or equivalent experience" next
	// to a degree requirement).
	UnlessInSentence []string `toml:"unless_in_sentence"`
}

type context struct{ unless []regexpRule }

func (c Context) compile() (context, error) {
	res, err := compileAll("unless_in_sentence", c.UnlessInSentence)
	return context{res}, err
}

// cancels reports whether the sentence around Text[start:end] cancels it.
func (c context) cancels(d *linter.Document, start, end int) bool {
	if len(c.unless) == 0 {
		return false
	}
	s := sentenceAround(d, start, end)
	for i := range c.unless {
		re := &c.unless[i]
		if re.matchIn(d, s[0], s[1]) {
			return true
		}
	}
	return false
}

// sentenceAround returns the Text range of the sentence holding [start,
// end), or of its block when the match spans sentences.
func sentenceAround(d *linter.Document, start, end int) [2]int {
	ss := d.Sentences()
	i := sort.Search(len(ss), func(i int) bool { return ss[i].End > start })
	if i < len(ss) && ss[i].Start <= start && end <= ss[i].End {
		return [2]int{ss[i].Start, ss[i].End}
	}
	bs := d.Blocks
	j := sort.Search(len(bs), func(j int) bool { return bs[j].End >= end })
	if j < len(bs) && bs[j].Start <= start {
		return [2]int{bs[j].Start, bs[j].End}
	}
	return [2]int{start, end}
}

// foldApostrophes makes a straight apostrophe in a pattern also match the
// typographic ones (’ and ʼ), which scraped and word-processed ads use as
// often as the straight one: "you'll" matches "you’ll". Apostrophes inside
// a character class or escaped are left as they are.
func foldApostrophes(p string) string {
	if !strings.ContainsRune(p, '\'') {
		return p
	}
	var b strings.Builder
	inClass := false
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case c == '\\' && i+1 < len(p):
			b.WriteByte(c)
			i++
			b.WriteByte(p[i])
			continue
		case inClass && c == ']':
			inClass = false
		case !inClass && c == '[':
			inClass = true
			b.WriteByte(c)
			// A "]" or "^]" right after "[" is a literal.
			if i+1 < len(p) && p[i+1] == '^' {
				i++
				b.WriteByte(p[i])
			}
			if i+1 < len(p) && p[i+1] == ']' {
				i++
				b.WriteByte(p[i])
			}
			continue
		case !inClass && c == '\'':
			b.WriteString("['’ʼ]")
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}
