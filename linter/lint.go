package linter

import (
	"fmt"
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
// are not active themselves. A rule that panics is reported as an error
// finding of that rule instead of stopping the run.
func (c *Config) Lint(doc *Document) []Finding {
	active := c.Active()
	results := map[string][]Finding{}
	ran := map[string]bool{}
	var run func(r *RuleConfig)
	run = func(r *RuleConfig) {
		if ran[r.ID] {
			return
		}
		ran[r.ID] = true
		for _, dep := range r.Requires {
			run(c.byID[dep])
		}
		p := &Pass{Doc: doc, Rule: r}
		func() {
			defer func() {
				if v := recover(); v != nil {
					p.out = []Finding{{Rule: r.ID, Family: r.Family, Severity: Error, Doc: true,
						Message: fmt.Sprintf("internal error in rule %s: %v", r.ID, v)}}
				}
			}()
			r.Rule.Check(p)
		}()
		results[r.ID] = p.out
	}
	var out []Finding
	for _, r := range active {
		run(r)
	}
	for _, r := range active {
		keep := true
		for _, dep := range r.Requires {
			if len(results[dep]) == 0 {
				keep = false
			}
		}
		if keep {
			out = append(out, results[r.ID]...)
		}
	}
	SortFindings(out)
	return out
}
