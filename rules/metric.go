package rules

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hirelint/hirelint/linter"
)

// MetricOptions configure a metric rule. Metric is one of:
//   - "words": the number of words of prose in the ad (one finding per ad);
//   - "sentence-words": words per sentence (one finding per sentence);
//   - "paragraph-words": words per paragraph (one finding per paragraph),
//     and, with ListsOver, a finding for an ad longer than that many words
//     with no list at all;
//   - "reading-ease": Flesch reading ease over the prose (one per ad);
//   - "ratio": matches of Words per match of Per, over the ad (one per ad).
//
// A finding is reported when the value leaves [Min, Max], with the rule's
// severity or that of the most severe band it also leaves.
type MetricOptions struct {
	// Context cancels sentence-words findings by what the sentence says.
	Context
	Metric string   `toml:"metric"`
	Min    *float64 `toml:"min"`
	Max    *float64 `toml:"max"`
	Bands  []Band   `toml:"bands"`
	// MinWords skips documents (for reading-ease and ratio) with fewer
	// words.
	MinWords int `toml:"min_words"`
	// ListsOver: see "paragraph-words"; ListsMessage is the message of that
	// finding ({value} is the word count).
	ListsOver    int    `toml:"lists_over"`
	ListsMessage string `toml:"lists_message"`
	// Words and Per are the phrases a "ratio" compares.
	Words []string `toml:"words"`
	Per   []string `toml:"per"`
}

type metricKind struct{}

func (metricKind) Name() string { return "metric" }
func (metricKind) Summary() string {
	return "measures word count, words per sentence or Flesch reading ease, with min/max and severity bands"
}
func (metricKind) NewOptions() any { return &MetricOptions{} }

type metricRule struct {
	opts       *MetricOptions
	ctx        context
	words, per *linter.PhraseSet
}

func (metricKind) Build(o any) (linter.Rule, error) {
	opts := o.(*MetricOptions)
	r := &metricRule{opts: opts}
	var err error
	if r.ctx, err = opts.Context.compile(); err != nil {
		return nil, err
	}
	switch opts.Metric {
	case "words", "sentence-words", "paragraph-words", "reading-ease":
	case "ratio":
		if len(opts.Words) == 0 || len(opts.Per) == 0 {
			return nil, linter.OptErr("words", fmt.Errorf("metric \"ratio\" needs words and per"))
		}
		if r.words, err = phraseSet("words", opts.Words, linter.Inflect{}); err != nil {
			return nil, err
		}
		if r.per, err = phraseSet("per", opts.Per, linter.Inflect{}); err != nil {
			return nil, err
		}
	case "":
		return nil, linter.OptErr("metric", fmt.Errorf("missing metric (%s)", metricNames))
	default:
		return nil, linter.OptErr("metric", fmt.Errorf("unknown metric %q (want %s)", opts.Metric, metricNames))
	}
	if opts.Min == nil && opts.Max == nil {
		return nil, linter.OptErr("max", fmt.Errorf("a metric rule needs min or max"))
	}
	if (opts.ListsOver > 0) != (opts.ListsMessage != "") {
		return nil, linter.OptErr("lists_message", fmt.Errorf("lists_over and lists_message go together"))
	}
	return r, checkBands(opts.Bands)
}

const metricNames = "words, sentence-words, paragraph-words, reading-ease or ratio"

// phraseSet returns a set of phrases, each matching with the inflections
// inf and reporting its index; an error names option key.
func phraseSet(key string, phrases []string, inf linter.Inflect) (*linter.PhraseSet, error) {
	set := linter.NewPhraseSet()
	set.Grow(len(phrases))
	for i, ph := range phrases {
		if err := set.Add(ph, i, inf); err != nil {
			return nil, linter.OptErr(key, err)
		}
	}
	return set, nil
}

func (r *metricRule) Check(p *linter.Pass) {
	d := p.Doc
	o := r.opts
	words := countWords(d)
	switch o.Metric {
	case "words":
		r.report(p, float64(words), nil)
	case "sentence-words":
		ws := d.Words()
		wi := 0
		for _, s := range d.Sentences() {
			n := 0
			for wi < len(ws) && ws[wi].Start < s.End {
				if ws[wi].Start >= s.Start && isCountedWord(ws[wi].Norm) {
					n++
				}
				wi++
			}
			// The context is looked at only for a sentence that would be
			// reported: most are within bounds.
			if r.violated(p, float64(n)) && !r.ctx.cancels(d, s.Start, s.End) {
				r.report(p, float64(n), &s)
			}
		}
	case "paragraph-words":
		ws := d.Words()
		n, lists := 0, false
		for wi, bi := 0, 0; bi < len(d.Blocks); bi++ {
			b := d.Blocks[bi]
			lists = lists || b.Kind == linter.ListItem
			n = 0
			for wi < len(ws) && ws[wi].Block <= bi {
				if ws[wi].Block == bi && isCountedWord(ws[wi].Norm) {
					n++
				}
				wi++
			}
			if b.Kind == linter.Paragraph {
				r.report(p, float64(n), &linter.Sentence{Start: b.Start, End: b.End, Block: bi})
			}
		}
		if o.ListsOver > 0 && !lists && words > o.ListsOver {
			p.ReportDoc(linter.ExpandMessage(o.ListsMessage, "value", strconv.Itoa(words)))
		}
	case "reading-ease":
		if words == 0 || words < o.MinWords {
			return
		}
		r.report(p, FleschReadingEase(d), nil)
	case "ratio":
		if words < o.MinWords {
			return
		}
		count := func(set *linter.PhraseSet) int {
			n := 0
			set.Longest(d, func(linter.PhraseMatch) { n++ })
			return n
		}
		r.report(p, float64(count(r.words))/math.Max(1, float64(count(r.per))), nil)
	}
}

// violated reports whether v leaves the rule's bounds.
func (r *metricRule) violated(p *linter.Pass, v float64) bool {
	_, bad := severityFor(v, r.opts.Min, r.opts.Max, r.opts.Bands, p.Rule.Severity)
	return bad
}

func (r *metricRule) report(p *linter.Pass, v float64, s *linter.Sentence) {
	sev, bad := severityFor(v, r.opts.Min, r.opts.Max, r.opts.Bands, p.Rule.Severity)
	if !bad {
		return
	}
	f := linter.Finding{Severity: sev, Doc: s == nil,
		Message: p.Message("value", strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64),
			"min", fmtLimit(r.opts.Min), "max", fmtLimit(r.opts.Max))}
	if s != nil {
		f.Span, f.Area = p.Doc.SourceSpan(s.Start, s.End), true
	}
	p.Report(f)
}

// isCountedWord leaves out tokens that are only digits ("2024", "5").
func isCountedWord(w string) bool {
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
			return true
		case c >= utf8.RuneSelf:
			return strings.IndexFunc(w[i:], unicode.IsLetter) >= 0
		}
	}
	return false
}

// countedWordsKey is the memo key of the number of counted words of a
// document, which every metric rule asks for.
type countedWordsKey struct{}

// countWords returns the number of counted words of d, computed once.
func countWords(d *linter.Document) int {
	return d.Memo(countedWordsKey{}, func() any {
		n := 0
		for _, w := range d.Words() {
			if isCountedWord(w.Norm) {
				n++
			}
		}
		return n
	}).(int)
}

// FleschReadingEase computes 206.835 - 1.015 (words/sentences) - 84.6
// (syllables/words) over the prose. Headings and list items count as
// sentences; words with digits and all-capital acronyms count as one
// syllable so tech terms do not inflate the score.
func FleschReadingEase(d *linter.Document) float64 {
	sents := len(d.Sentences())
	words, syl := 0, 0
	for _, w := range d.Words() {
		orig := d.Text[w.Start:w.End]
		if letter, digit, lower, ok := classifyASCII(orig); ok {
			// Most words: one pass over the bytes, the same answers.
			switch {
			case !letter:
			case digit || len(orig) > 1 && !lower:
				words++
				syl++
			default:
				words++
				syl += syllablesASCII(w.Norm)
			}
			continue
		}
		if !isCountedWord(w.Norm) {
			continue
		}
		words++
		if strings.IndexFunc(orig, unicode.IsDigit) >= 0 || (len(orig) > 1 && isUpper(orig)) {
			syl++
			continue
		}
		syl += Syllables(w.Norm)
	}
	if words == 0 || sents == 0 {
		return 100
	}
	return 206.835 - 1.015*float64(words)/float64(sents) - 84.6*float64(syl)/float64(words)
}

// classifyASCII reports whether s, when all ASCII (ok), holds a letter, a
// digit and a lower-case letter.
func classifyASCII(s string) (letter, digit, lower, ok bool) {
	var f uint8 // the bytes' asciiKinds, or-ed: no branch per byte
	for i := 0; i < len(s); i++ {
		f |= asciiKinds[s[i]]
	}
	if f&kindNonASCII != 0 {
		return false, false, false, false
	}
	return f&kindLetter != 0, f&kindDigit != 0, f&kindLower != 0, true
}

// Kinds of bytes for classifyASCII.
const (
	kindLetter = 1 << iota
	kindDigit
	kindLower
	kindNonASCII // not ASCII
)

// asciiKinds holds the kinds of each byte.
var asciiKinds = func() (t [256]uint8) {
	for c := range t {
		switch {
		case c >= utf8.RuneSelf:
			t[c] = kindNonASCII
		case 'a' <= c && c <= 'z':
			t[c] = kindLetter | kindLower
		case 'A' <= c && c <= 'Z':
			t[c] = kindLetter
		case '0' <= c && c <= '9':
			t[c] = kindDigit
		}
	}
	return t
}()

// isUpper reports whether upper-casing s leaves it unchanged (an acronym).
func isUpper(s string) bool {
	for _, r := range s {
		if r < utf8.RuneSelf {
			if 'a' <= r && r <= 'z' {
				return false
			}
		} else if unicode.ToUpper(r) != r {
			return false
		}
	}
	return true
}

// Syllables estimates the syllables of a lower-case English word by counting
// vowel groups, with the usual silent-e adjustments.
func Syllables(w string) int {
	var buf [32]rune
	rs := buf[:0]
	for _, r := range w {
		rs = append(rs, r)
	}
	vowel := func(r rune) bool {
		return r == 'a' || r == 'e' || r == 'i' || r == 'o' || r == 'u' || r == 'y'
	}
	n, prev := 0, false
	for _, r := range rs {
		v := vowel(r)
		if v && !prev {
			n++
		}
		prev = v
	}
	if l := len(rs); l > 2 && rs[l-1] == 'e' && !vowel(rs[l-2]) && !(rs[l-2] == 'l' && !vowel(rs[l-3])) {
		n--
	}
	if l := len(rs); l > 2 && rs[l-2] == 'e' && (rs[l-1] == 'd' || rs[l-1] == 's') && !strings.ContainsRune("tdcsgzx", rs[l-3]) && n > 1 {
		n--
	}
	if n < 1 {
		n = 1
	}
	return n
}

// syllablesASCII is Syllables of an ASCII word, whose bytes are its
// characters: the same rules over bytes, with a table for the vowels
// (reading ease counts the syllables of every word of an ad).
func syllablesASCII(w string) int {
	// Without branches: whether a letter starts a vowel group is as hard
	// to foresee as the spelling.
	n, prev := 0, uint8(0)
	for i := 0; i < len(w); i++ {
		v := asciiVowelBit[w[i]]
		n += int(v &^ prev)
		prev = v
	}
	if l := len(w); l > 2 {
		if w[l-1] == 'e' && asciiVowelBit[w[l-2]] == 0 && !(w[l-2] == 'l' && asciiVowelBit[w[l-3]] == 0) {
			n--
		}
		if w[l-2] == 'e' && (w[l-1] == 'd' || w[l-1] == 's') && !strings.ContainsRune("tdcsgzx", rune(w[l-3])) && n > 1 {
			n--
		}
	}
	return max(n, 1)
}

// asciiVowelBit is 1 for the bytes Syllables counts as vowels.
var asciiVowelBit = [256]uint8{'a': 1, 'e': 1, 'i': 1, 'o': 1, 'u': 1, 'y': 1}
