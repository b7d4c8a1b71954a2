package rules

import (
	"fmt"
	"strconv"

	"github.com/hirelint/hirelint/linter"
)

// CountOptions configure a count rule: under every heading matching one of
// Sections, count the top-level list items (or, with Phrases or Patterns,
// their matches) and report when the count leaves [Min, Max]. Without
// Sections, the matches of Phrases or Patterns in the whole ad are counted
// and reported once per ad.
type CountOptions struct {
	Sections []string `toml:"sections"`
	Phrases  []string `toml:"phrases"`
	Patterns []string `toml:"patterns"`
	// Distinct counts each phrase once, however often it appears.
	Distinct bool     `toml:"distinct"`
	Min      *float64 `toml:"min"`
	Max      *float64 `toml:"max"`
	Bands    []Band   `toml:"bands"`
}

type countKind struct{}

func (countKind) Name() string { return "count" }
func (countKind) Summary() string {
	return "counts the list items (or matches) under matching headings, with min/max and severity bands"
}
func (countKind) NewOptions() any { return &CountOptions{} }

type countRule struct {
	opts     *CountOptions
	sections []regexpRule
	set      *linter.PhraseSet
	res      []regexpRule
}

func (countKind) Build(o any) (linter.Rule, error) {
	opts := o.(*CountOptions)
	r := &countRule{opts: opts}
	var err error
	if len(opts.Sections) == 0 && len(opts.Phrases)+len(opts.Patterns) == 0 {
		return nil, linter.OptErr("sections", fmt.Errorf("a count rule needs sections (heading patterns), or phrases or patterns to count in the whole ad"))
	}
	if r.sections, err = compileAll("sections", opts.Sections); err != nil {
		return nil, err
	}
	if r.res, err = compileAll("patterns", opts.Patterns); err != nil {
		return nil, err
	}
	if len(opts.Phrases) > 0 {
		if r.set, err = phraseSet("phrases", opts.Phrases, linter.Inflect{Plural: true}); err != nil {
			return nil, err
		}
	}
	if opts.Min == nil && opts.Max == nil {
		return nil, linter.OptErr("max", fmt.Errorf("a count rule needs min or max"))
	}
	return r, checkBands(opts.Bands)
}

func (r *countRule) Check(p *linter.Pass) {
	d := p.Doc
	if len(r.sections) == 0 {
		n := r.countRange(d, 0, len(d.Blocks), 0, len(d.Text))
		if sev, bad := severityFor(float64(n), r.opts.Min, r.opts.Max, r.opts.Bands, p.Rule.Severity); bad {
			p.Report(linter.Finding{Doc: true, Severity: sev, Message: p.Message("count", strconv.Itoa(n),
				"min", fmtLimit(r.opts.Min), "max", fmtLimit(r.opts.Max))})
		}
		return
	}
	for hi, h := range d.Blocks {
		if h.Kind != linter.Heading || !matchAny(r.sections, d, hi) {
			continue
		}
		n := r.count(d, hi)
		sev, bad := severityFor(float64(n), r.opts.Min, r.opts.Max, r.opts.Bands, p.Rule.Severity)
		if !bad {
			continue
		}
		p.Report(linter.Finding{
			Span:     d.SourceSpan(h.Start, h.End),
			Area:     true,
			Severity: sev,
			Message: p.Message("count", strconv.Itoa(n), "section", d.BlockText(hi),
				"min", fmtLimit(r.opts.Min), "max", fmtLimit(r.opts.Max)),
		})
	}
}

// count counts in the section under heading hi: its top-level list items,
// or the matches of the phrases and patterns.
func (r *countRule) count(d *linter.Document, hi int) int {
	if r.set == nil && len(r.res) == 0 {
		return topItems(d, hi)
	}
	last, end := hi+1, len(d.Text)
	for last < len(d.Blocks) && d.Blocks[last].Section == hi {
		last++
	}
	if last < len(d.Blocks) {
		end = d.Blocks[last].Start
	}
	return r.countRange(d, hi+1, last, d.Blocks[hi].End, end)
}

// countRange counts the matches in blocks [first, last), which span Text
// [start, end).
func (r *countRule) countRange(d *linter.Document, first, last, start, end int) int {
	n := 0
	for i := range r.res {
		re := &r.res[i]
		if !re.mayMatch(d) {
			continue
		}
		for _, sp := range re.spans(d) {
			if sp.block >= first && sp.block < last {
				_, _, ms := re.find(d, sp, false)
				n += len(ms)
			}
		}
	}
	if r.set != nil {
		words := d.Words()
		seen := map[int]bool{}
		r.set.Longest(d, func(m linter.PhraseMatch) {
			if w := words[m.Start]; w.Start >= start && w.Start < end && !(r.opts.Distinct && seen[m.ID]) {
				seen[m.ID] = true
				n++
			}
		})
	}
	return n
}

func fmtLimit(v *float64) string {
	if v == nil {
		return ""
	}
	return strconv.FormatFloat(*v, 'f', -1, 64)
}
