package rules

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"

	"github.com/hirelint/hirelint/linter"
)

// MetricOptions configure a metric rule. Metric is one of:
//   - "words": the number of words of prose in the ad (one finding per ad);
//   - "sentence-words": words per sentence (one finding per sentence);
//   - "reading-ease": Flesch reading ease over the prose (one per ad).
//
// A finding is reported when the value leaves [Min, Max], with the rule's
// severity or that of the most severe band it also leaves.
type MetricOptions struct {
	Metric string   `toml:"metric"`
	Min    *float64 `toml:"min"`
	Max    *float64 `toml:"max"`
	Bands  []Band   `toml:"bands"`
	// MinWords skips documents (for reading-ease) with fewer words.
	MinWords int `toml:"min_words"`
}

type metricKind struct{}

func (metricKind) Name() string { return "metric" }
func (metricKind) Summary() string {
	return "measures word count, words per sentence or Flesch reading ease, with min/max and severity bands"
}
func (metricKind) NewOptions() any { return &MetricOptions{} }

type metricRule struct{ opts *MetricOptions }

func (metricKind) Build(o any) (linter.Rule, error) {
	opts := o.(*MetricOptions)
	switch opts.Metric {
	case "words", "sentence-words", "reading-ease":
	case "":
		return nil, linter.OptErr("metric", fmt.Errorf("missing metric (words, sentence-words or reading-ease)"))
	default:
		return nil, linter.OptErr("metric", fmt.Errorf("unknown metric %q (want words, sentence-words or reading-ease)", opts.Metric))
	}
	if opts.Min == nil && opts.Max == nil {
		return nil, linter.OptErr("max", fmt.Errorf("a metric rule needs min or max"))
	}
	return &metricRule{opts}, checkBands(opts.Bands)
}

func (r *metricRule) Check(p *linter.Pass) {
	d := p.Doc
	o := r.opts
	words := countWords(d.Words())
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
			r.report(p, float64(n), &s)
		}
	case "reading-ease":
		if words == 0 || words < o.MinWords {
			return
		}
		r.report(p, FleschReadingEase(d), nil)
	}
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
	return strings.IndexFunc(w, unicode.IsLetter) >= 0
}

func countWords(ws []linter.Word) int {
	n := 0
	for _, w := range ws {
		if isCountedWord(w.Norm) {
			n++
		}
	}
	return n
}

// FleschReadingEase computes 206.835 - 1.015 (words/sentences) - 84.6
// (syllables/words) over the prose. Headings and list items count as
// sentences; words with digits and all-capital acronyms count as one
// syllable so tech terms do not inflate the score.
func FleschReadingEase(d *linter.Document) float64 {
	sents := len(d.Sentences())
	words, syl := 0, 0
	for _, w := range d.Words() {
		if !isCountedWord(w.Norm) {
			continue
		}
		words++
		orig := d.Text[w.Start:w.End]
		if strings.IndexFunc(orig, unicode.IsDigit) >= 0 || (len(orig) > 1 && strings.ToUpper(orig) == orig) {
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

// Syllables estimates the syllables of a lower-case English word by counting
// vowel groups, with the usual silent-e adjustments.
func Syllables(w string) int {
	vowel := func(r rune) bool { return strings.ContainsRune("aeiouy", r) }
	rs := []rune(w)
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
