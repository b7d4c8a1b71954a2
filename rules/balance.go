package rules

import (
	"fmt"
	"slices"
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

// stemLists matches a word against the two lists of a balance rule at
// once, exactly or by prefix ("compet*"): one trie over the bytes of the
// words and stems of both, walked once per word of the ad. It is stored
// flat, its nodes numbered breadth-first with the children of a node in
// the order of their labels, so that the children of node n are the nodes
// first[n] to first[n+1]-1 and are looked for in a few contiguous bytes.
type stemLists struct {
	first []int32
	label string  // label[n]: the byte on the edge into node n
	mark  []uint8 // what ends at node n: exact words and stems of each list
	// root holds the root's child for each byte (-1: none): most words
	// fail there, and the root has the most children.
	root [256]int32
}

// Marks of a node: a word of the first list ends there, a stem of it ends
// there, and the same for the second list.
const (
	markWord = 1 << iota
	markStem
	markAgainstWord
	markAgainstStem
)

// Results of stemLists.match.
const (
	matchNone = iota
	matchWords
	matchAgainst
)

// newStemLists builds the trie of words (options key "words") and against
// ("against").
func newStemLists(words, against []string) (*stemLists, error) {
	type entry struct {
		s    string
		mark uint8
	}
	es := make([]entry, 0, len(words)+len(against))
	for i, ws := range [][]string{words, against} {
		key, shift := "words", uint8(0)
		if i == 1 {
			key, shift = "against", 2
		}
		for _, w := range ws {
			w = strings.ToLower(strings.TrimSpace(w))
			mark := uint8(markWord)
			if p, ok := strings.CutSuffix(w, "*"); ok {
				if p == "" {
					return nil, linter.OptErr(key, fmt.Errorf("empty stem"))
				}
				w, mark = p, markStem
			} else if w == "" {
				return nil, linter.OptErr(key, fmt.Errorf("empty word"))
			}
			es = append(es, entry{w, mark << shift})
		}
	}
	slices.SortFunc(es, func(a, b entry) int { return strings.Compare(a.s, b.s) })
	key := func(i int) string { return es[i].s }
	l := &stemLists{mark: make([]uint8, 0, trieSize(len(es), key))}
	first, label := trieLevels(len(es), key, func(lo, eq int) {
		mark := uint8(0)
		for i := lo; i < eq; i++ {
			mark |= es[i].mark
		}
		l.mark = append(l.mark, mark)
	})
	l.first, l.label = first, string(label)
	for c := range l.root {
		l.root[c] = l.child(0, byte(c))
	}
	return l, nil
}

// child returns n's child labelled c, or -1.
func (l *stemLists) child(n int32, c byte) int32 { return childOf(l.first, l.label, n, c) }

// match tells which list w (lower-case) belongs to: the first list if it
// is one of its words or starts with one of its stems, else the second
// if it is one of that list's, else none.
func (l *stemLists) match(w string) int {
	if w == "" {
		return matchNone
	}
	against := false
	n := l.root[w[0]]
	for i := 1; n >= 0; i++ {
		m := l.mark[n]
		if m&markStem != 0 {
			return matchWords
		}
		if m&markAgainstStem != 0 {
			against = true
		}
		if i == len(w) {
			if m&markWord != 0 {
				return matchWords
			}
			if m&markAgainstWord != 0 {
				against = true
			}
			break
		}
		n = l.child(n, w[i])
	}
	if against {
		return matchAgainst
	}
	return matchNone
}

type balanceRule struct {
	opts       *BalanceOptions
	lists      *stemLists
	exceptions *linter.PhraseSet
}

func (balanceKind) Build(o any) (linter.Rule, error) {
	opts := o.(*BalanceOptions)
	r := &balanceRule{opts: opts}
	var err error
	if len(opts.Words) == 0 {
		return nil, linter.OptErr("words", fmt.Errorf("a balance rule needs words"))
	}
	if r.lists, err = newStemLists(opts.Words, opts.Against); err != nil {
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
		switch r.lists.match(w.Norm) {
		case matchWords:
			found[w.Norm] = true
		case matchAgainst:
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
