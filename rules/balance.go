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

// stemList matches words exactly or by prefix ("compet*"): a trie over
// the bytes of its words and stems, walked once per word. Its nodes and
// edges are elements of two slices, so that a list of hundreds of words
// is built with a few allocations.
type stemList struct {
	nodes []stemNode // nodes[0] is the root
	edges []stemEdge
	// root holds the root's child for each byte (-1: none): most words
	// fail there, and the root has the most children.
	root []int32
}

type stemNode struct {
	head        int32 // the newest edge out, -1: none
	exact, stem bool  // a word ends here; a stem ends here
}

// A stemEdge leads on byte c to the node made with it: edge e leads to
// node e+1 (nodes[0] is the root, and each node after it comes with the
// edge into it).
type stemEdge struct {
	c    byte
	next int32 // the next edge out of the same node, -1: none
}

func (l *stemList) child(n int32, c byte) int32 {
	for e := l.nodes[n].head; e >= 0; e = l.edges[e].next {
		if l.edges[e].c == c {
			return e + 1
		}
	}
	return -1
}

func (l *stemList) add(w string, stem bool) {
	n := int32(0)
	for i := 0; i < len(w); i++ {
		c := l.child(n, w[i])
		if c < 0 {
			c = int32(len(l.nodes))
			l.nodes = append(l.nodes, stemNode{head: -1})
			l.edges = append(l.edges, stemEdge{c: w[i], next: l.nodes[n].head})
			l.nodes[n].head = int32(len(l.edges) - 1)
		}
		n = c
	}
	if stem {
		l.nodes[n].stem = true
	} else {
		l.nodes[n].exact = true
	}
}

func newStemList(key string, ws []string) (stemList, error) {
	size := 1
	for _, w := range ws {
		size += len(w)
	}
	l := stemList{nodes: make([]stemNode, 1, size), edges: make([]stemEdge, 0, size)}
	l.nodes[0].head = -1
	for _, w := range ws {
		w = strings.ToLower(strings.TrimSpace(w))
		if p, ok := strings.CutSuffix(w, "*"); ok {
			if p == "" {
				return l, linter.OptErr(key, fmt.Errorf("empty stem"))
			}
			l.add(p, true)
			continue
		}
		if w == "" {
			return l, linter.OptErr(key, fmt.Errorf("empty word"))
		}
		l.add(w, false)
	}
	l.root = make([]int32, 256)
	for c := range l.root {
		l.root[c] = l.child(0, byte(c))
	}
	return l, nil
}

func (l *stemList) match(w string) bool {
	n := int32(0)
	for i := 0; i < len(w); i++ {
		if i == 0 {
			n = l.root[w[0]]
		} else {
			n = l.child(n, w[i])
		}
		if n < 0 {
			return false
		}
		if l.nodes[n].stem {
			return true
		}
	}
	return l.nodes[n].exact
}

type balanceRule struct {
	opts       *BalanceOptions
	words, vs  stemList
	exceptions *linter.PhraseSet
}

func (balanceKind) Build(o any) (linter.Rule, error) {
	opts := o.(*BalanceOptions)
	r := &balanceRule{opts: opts}
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
	if r.exceptions, err = phraseSet("exceptions", opts.Exceptions, linter.Inflect{Plural: true}); err != nil {
		return nil, err
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
