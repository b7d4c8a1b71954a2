package rules

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/hirelint/hirelint/linter"
)

// BalanceOptions configure a balance rule: two word lists (a trailing "*"
// accepts any ending), each distinct word counted once per ad; the rule
// reports once per ad when the first list outweighs the second by at least
// Threshold words. Exceptions are phrases (domain terms such as "decision
// tree") whose words are not counted.
type BalanceOptions struct {
	Words      []string `toml:"words"`
	Against    []string `toml:"against"`
	Exceptions []string `toml:"exceptions"`
	Threshold  int      `toml:"threshold"`
}

type balanceKind struct{}

func (balanceKind) Name() string { return "balance" }
func (balanceKind) Summary() string {
	return "weighs two word lists (e.g. masculine- and feminine-coded words) and reports a skew once per ad"
}
func (balanceKind) NewOptions() any { return &BalanceOptions{Threshold: 3} }

// stemList matches words exactly or by prefix ("compet*").
type stemList struct {
	exact    map[string]bool
	prefixes map[string]bool
	lens     []int
}

func newStemList(key string, ws []string) (stemList, error) {
	l := stemList{exact: map[string]bool{}, prefixes: map[string]bool{}}
	seen := map[int]bool{}
	for _, w := range ws {
		w = strings.ToLower(strings.TrimSpace(w))
		if p, ok := strings.CutSuffix(w, "*"); ok {
			if p == "" {
				return l, linter.OptErr(key, fmt.Errorf("empty stem"))
			}
			l.prefixes[p] = true
			if !seen[len(p)] {
				seen[len(p)] = true
				l.lens = append(l.lens, len(p))
			}
			continue
		}
		if w == "" {
			return l, linter.OptErr(key, fmt.Errorf("empty word"))
		}
		l.exact[w] = true
	}
	return l, nil
}

func (l stemList) match(w string) bool {
	if l.exact[w] {
		return true
	}
	for _, n := range l.lens {
		if len(w) >= n && l.prefixes[w[:n]] {
			return true
		}
	}
	return false
}

type balanceRule struct {
	opts       *BalanceOptions
	words, vs  stemList
	exceptions *linter.PhraseSet
}

func (balanceKind) Build(o any) (linter.Rule, error) {
	opts := o.(*BalanceOptions)
	r := &balanceRule{opts: opts, exceptions: linter.NewPhraseSet()}
	var err error
	if len(opts.Words) == 0 {
		return nil, linter.OptErr("words", fmt.Errorf("a balance rule needs words"))
	}
	if r.words, err = newStemList("words", opts.Words); err != nil {
		return nil, err
	}
	if r.vs, err = newStemList("against", opts.Against); err != nil {
		return nil, err
	}
	for i, e := range opts.Exceptions {
		if err := r.exceptions.Add(e, i, linter.Inflect{Plural: true}); err != nil {
			return nil, linter.OptErr("exceptions", err)
		}
	}
	if opts.Threshold < 1 {
		return nil, linter.OptErr("threshold", fmt.Errorf("threshold must be at least 1"))
	}
	return r, nil
}

func (r *balanceRule) Check(p *linter.Pass) {
	words := p.Doc.Words()
	skip := make([]bool, len(words))
	r.exceptions.Longest(p.Doc, func(m linter.PhraseMatch) {
		for i := m.Start; i < m.End; i++ {
			skip[i] = true
		}
	})
	found, against := map[string]bool{}, map[string]bool{}
	for i, w := range words {
		if skip[i] {
			continue
		}
		switch {
		case r.words.match(w.Norm):
			found[w.Norm] = true
		case r.vs.match(w.Norm):
			against[w.Norm] = true
		}
	}
	if len(found)-len(against) < r.opts.Threshold {
		return
	}
	list := sortedKeys(found)
	shown := list
	if len(shown) > 12 {
		shown = append(shown[:12:12], "…")
	}
	p.ReportDoc(p.Message("count", strconv.Itoa(len(found)), "against", strconv.Itoa(len(against)),
		"words", strings.Join(shown, ", "), "against_words", strings.Join(sortedKeys(against), ", ")))
}
