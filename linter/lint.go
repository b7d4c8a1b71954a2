package linter

import (
	"fmt"
	"slices"
	"sort"
)

type selection struct {
	id string
	on bool
}

// Select returns a copy of c with rules (by id or family) turned on or off
// after everything the config files say, as --enable and --disable do.
func (c *Config) Select(ids []string, on bool) (*Config, error) {
	n := *c
	n.selects = append([]selection(nil), c.selects...)
	for _, id := range ids {
		if !c.known(id) {
			return nil, fmt.Errorf("no rule or family %q (see `hirelint rules`)", id)
		}
		n.selects = append(n.selects, selection{id, on})
	}
	// The command line wins over per-path overrides too.
	n.Overrides = nil
	for _, o := range c.Overrides {
		oc, err := o.Config.Select(ids, on)
		if err != nil {
			return nil, err
		}
		o.Config = oc
		n.Overrides = append(n.Overrides, o)
	}
	return &n, nil
}

// Active returns the rules that run, in definition order.
func (c *Config) Active() []*RuleConfig {
	var out []*RuleConfig
	for _, r := range c.Rules {
		if c.IsActive(r) {
			out = append(out, r)
		}
	}
	return out
}

// IsActive reports whether rule r runs under this config.
func (c *Config) IsActive(r *RuleConfig) bool {
	on := r.IsEnabled()
	for _, s := range c.selects {
		if s.id == r.ID || s.id == r.Family {
			on = s.on
		}
	}
	return on
}

// Lint runs the active rules over doc and returns the findings sorted by
// position. Rules that active rules require run too, silently, when they
// are not active themselves. A rule whose findings would be dropped, as a
// rule it requires found nothing, is not run, unless another rule
// requires it in turn. A rule that panics is reported as an error
// finding of that rule instead of stopping the run.
func (c *Config) Lint(doc *Document) []Finding {
	// The passes, and whether each rule was visited (run, or skipped
	// when a rule it requires found nothing), by position in c.Rules.
	passes := make([]Pass, len(c.Rules))
	ran := make([]bool, len(c.Rules))
	var run func(i int)
	run = func(i int) {
		if ran[i] {
			return
		}
		ran[i] = true
		r := c.Rules[i]
		for _, dep := range r.Requires {
			run(c.position(dep))
		}
		// A rule whose findings would be dropped, because a rule it
		// requires found nothing, is not run, unless another rule
		// requires it in turn: that one's findings depend on whether it
		// found anything. (The loop above has run the rules it requires,
		// except one still running in a cycle; a rule in a cycle is
		// required by another.)
		if !c.depsFound(r, passes) && !c.required(r.ID) {
			return
		}
		p := &passes[i]
		*p = Pass{Doc: doc, Rule: r, Corpus: c.corpus}
		func() {
			defer func() {
				if v := recover(); v != nil {
					p.out = []Finding{{Rule: r.ID, Family: r.Family, Severity: Error, Doc: true,
						Message: fmt.Sprintf("internal error in rule %s: %v", r.ID, v)}}
				}
			}()
			r.Rule.Check(p)
		}()
		// The document conditions are checked only when there is something
		// to keep: most rules find nothing in most ads.
		if len(p.out) > 0 && !r.AppliesTo(doc) {
			p.out = nil
		}
	}
	// An active rule's findings are kept when the rules it requires have
	// findings too (a rule that is not active ran only for those).
	keep, n := make([]bool, len(c.Rules)), 0
	for i, r := range c.Rules {
		if keep[i] = c.IsActive(r); keep[i] {
			run(i)
		}
	}
	for i, r := range c.Rules {
		if keep[i] = keep[i] && c.depsFound(r, passes); keep[i] {
			n += len(passes[i].out)
		}
	}
	var out []Finding
	if n > 0 {
		out = make([]Finding, 0, n)
		for i := range passes {
			if keep[i] {
				out = append(out, passes[i].out...)
			}
		}
	}
	out = dropOverlaps(out, c.Rules)
	out = c.applyDirectives(doc, out)
	SortFindings(out)
	return out
}

// position returns the position in c.Rules of rule id, which exists.
func (c *Config) position(id string) int {
	for i, r := range c.Rules {
		if r.ID == id {
			return i
		}
	}
	panic("linter: no rule " + id)
}

// depsFound reports whether every rule r requires has findings in passes
// (by position in c.Rules).
func (c *Config) depsFound(r *RuleConfig, passes []Pass) bool {
	for _, dep := range r.Requires {
		if len(passes[c.position(dep)].out) == 0 {
			return false
		}
	}
	return true
}

// required reports whether some rule requires rule id.
func (c *Config) required(id string) bool {
	for _, r := range c.Rules {
		if slices.Contains(r.Requires, id) {
			return true
		}
	}
	return false
}

// dropOverlaps keeps one finding per problem: when word-level findings of
// different rules overlap, the more specific one wins (the longer match,
// then the more severe, then the rule defined first in rules).
func dropOverlaps(fs []Finding, rules []*RuleConfig) []Finding {
	var order map[string]int // made when first needed: overlaps are rare
	better := func(a, b Finding) bool {
		if a.Span.Len() != b.Span.Len() {
			return a.Span.Len() > b.Span.Len()
		}
		if a.Severity != b.Severity {
			return a.Severity > b.Severity
		}
		if order == nil {
			order = make(map[string]int, len(rules))
			for i, r := range rules {
				order[r.ID] = i
			}
		}
		return order[a.Rule] < order[b.Rule]
	}
	var words []int
	for i, f := range fs {
		if !f.Doc && !f.Area && f.Span.Len() > 0 {
			words = append(words, i)
		}
	}
	sort.Slice(words, func(i, j int) bool { return fs[words[i]].Span.Start < fs[words[j]].Span.Start })
	drop := map[int]bool{}
	for x := 0; x < len(words); x++ {
		a := fs[words[x]]
		for y := x + 1; y < len(words) && fs[words[y]].Span.Start < a.Span.End; y++ {
			b := fs[words[y]]
			if a.Rule == b.Rule || drop[words[x]] || drop[words[y]] {
				continue
			}
			if better(a, b) {
				drop[words[y]] = true
			} else {
				drop[words[x]] = true
			}
		}
	}
	if len(drop) == 0 {
		return fs
	}
	out := fs[:0:0]
	for i, f := range fs {
		if !drop[i] {
			out = append(out, f)
		}
	}
	return out
}
