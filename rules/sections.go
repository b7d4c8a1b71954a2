package rules

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/hirelint/hirelint/linter"
)

// SectionsOptions configure a sections rule, which checks what an ad's
// sections hold as a whole. It works in one of two ways:
//
// Groups (e.g. role archetypes: research, engineering, platform,
// analytics) map a name to phrases. The rule reports with its message when
// fewer than MinGroups groups are named at all (one phrase is enough), and
// with MessageOver when more than MaxGroups groups each have MinHits
// distinct phrases (within Scope): an ad that mixes too many.
//
// IfSections/RequireSections: when a section whose heading matches
// IfSections has more than IfItemsOver top-level list items and no heading
// matches RequireSections, the rule reports on that section (e.g. many
// requirements and no nice-to-have list).
type SectionsOptions struct {
	Scope
	Groups    map[string][]string `toml:"groups"`
	MinHits   int                 `toml:"min_hits"`
	MinGroups *int                `toml:"min_groups"`
	MaxGroups *int                `toml:"max_groups"`
	// MessageOver is the message when more than MaxGroups are present
	// ({count} groups: {groups}).
	MessageOver string `toml:"message_over"`

	IfSections      []string `toml:"if_sections"`
	IfItemsOver     int      `toml:"if_items_over"`
	RequireSections []string `toml:"require_sections"`
}

type sectionsKind struct{}

func (sectionsKind) Name() string { return "sections" }
func (sectionsKind) Summary() string {
	return "checks the ad's sections as a whole: how many groups of duties it mixes, or a section that needs a companion"
}
func (sectionsKind) NewOptions() any { return &SectionsOptions{MinHits: 1} }

type sectionsRule struct {
	opts            *SectionsOptions
	scope           scope
	set             *linter.PhraseSet
	groupOf         []int // phrase id -> group index
	groups          []string
	ifSecs, reqSecs []regexpRule
}

func (sectionsKind) Build(o any) (linter.Rule, error) {
	opts := o.(*SectionsOptions)
	r := &sectionsRule{opts: opts}
	var err error
	if r.scope, err = opts.Scope.compile(); err != nil {
		return nil, err
	}
	byGroups := len(opts.Groups) > 0
	bySections := len(opts.IfSections) > 0 || len(opts.RequireSections) > 0
	switch {
	case byGroups && bySections:
		return nil, linter.OptErr("groups", fmt.Errorf("use either groups or if_sections/require_sections in one rule"))
	case byGroups:
		if opts.MinGroups == nil && opts.MaxGroups == nil {
			return nil, linter.OptErr("max_groups", fmt.Errorf("groups need min_groups or max_groups"))
		}
		if opts.MaxGroups != nil && opts.MessageOver == "" {
			return nil, linter.OptErr("message_over", fmt.Errorf("max_groups needs message_over"))
		}
		if opts.MinHits < 1 {
			return nil, linter.OptErr("min_hits", fmt.Errorf("min_hits must be at least 1"))
		}
		r.set = linter.NewPhraseSet()
		for gi, g := range sortedKeys(opts.Groups) {
			r.groups = append(r.groups, g)
			for _, ph := range opts.Groups[g] {
				if err := r.set.Add(ph, len(r.groupOf), linter.Inflect{Plural: true}); err != nil {
					return nil, linter.OptErr("groups", fmt.Errorf("group %q: %v", g, err))
				}
				r.groupOf = append(r.groupOf, gi)
			}
		}
	case bySections:
		if len(opts.IfSections) == 0 || len(opts.RequireSections) == 0 {
			return nil, linter.OptErr("require_sections", fmt.Errorf("if_sections and require_sections go together"))
		}
		if r.ifSecs, err = compileAll("if_sections", opts.IfSections); err != nil {
			return nil, err
		}
		if r.reqSecs, err = compileAll("require_sections", opts.RequireSections); err != nil {
			return nil, err
		}
	default:
		return nil, linter.OptErr("groups", fmt.Errorf("a sections rule needs groups or if_sections/require_sections"))
	}
	return r, nil
}

func (r *sectionsRule) Check(p *linter.Pass) {
	if r.set != nil {
		r.checkGroups(p)
		return
	}
	d := p.Doc
	for i := range d.Blocks {
		if d.Blocks[i].Kind == linter.Heading && matchAny(r.reqSecs, d, i) {
			return
		}
	}
	for hi, h := range d.Blocks {
		if h.Kind != linter.Heading || !matchAny(r.ifSecs, d, hi) {
			continue
		}
		if n := topItems(d, hi); n > r.opts.IfItemsOver {
			p.Report(linter.Finding{Span: d.SourceSpan(h.Start, h.End), Area: true,
				Message: p.Message("count", strconv.Itoa(n), "section", d.BlockText(hi))})
		}
	}
}

func (r *sectionsRule) checkGroups(p *linter.Pass) {
	d := p.Doc
	words := d.Words()
	hits := make([]map[int]bool, len(r.groups))
	r.set.Longest(d, func(m linter.PhraseMatch) {
		if !r.scope.all() && !r.scope.in(d, words[m.Start].Block) {
			return
		}
		g := r.groupOf[m.ID]
		if hits[g] == nil {
			hits[g] = map[int]bool{}
		}
		hits[g][m.ID] = true
	})
	var named, strong []string
	for gi, h := range hits {
		if len(h) > 0 {
			named = append(named, r.groups[gi])
		}
		if len(h) >= r.opts.MinHits {
			strong = append(strong, r.groups[gi])
		}
	}
	switch {
	case r.opts.MinGroups != nil && len(named) < *r.opts.MinGroups:
		p.ReportDoc(p.Message("count", strconv.Itoa(len(named)), "groups", strings.Join(named, ", ")))
	case r.opts.MaxGroups != nil && len(strong) > *r.opts.MaxGroups:
		p.ReportDoc(linter.ExpandMessage(r.opts.MessageOver, "count", strconv.Itoa(len(strong)), "groups", strings.Join(strong, ", ")))
	}
}

// topItems counts the top-level list items directly under heading hi.
func topItems(d *linter.Document, hi int) int {
	n, top := 0, 0
	for i := hi + 1; i < len(d.Blocks) && d.Blocks[i].Section == hi; i++ {
		b := d.Blocks[i]
		if b.Kind != linter.ListItem || !b.ItemStart {
			continue
		}
		switch {
		case top == 0 || b.Level < top:
			top, n = b.Level, 1
		case b.Level == top:
			n++
		}
	}
	return n
}
