package linter

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"sync"
	"sync/atomic"
)

// PreparedPhrases is a phrase set built ahead of time, for code
// generation: a rule set's tries written out as Go tables are in memory
// the moment the program starts, where building them takes most of
// loading the rule set. A set made with NewPhraseSet that is given
// exactly Phrases, in order, with IDs and Inflect, takes Trie as its own.
type PreparedPhrases struct {
	Phrases []string
	// IDs holds each phrase's id; nil: the ids are 0, 1, 2 and so on.
	IDs     []int32
	Inflect Inflect // every phrase's
	Trie    PhraseTrie
}

// PhraseTrie is a PhraseSet's trie, its words numbered as in the
// PreparedVocabulary it comes with.
type PhraseTrie struct {
	Nodes []PhraseNode
	Edges []PhraseEdge
	Index []PhraseIndex // sorted by Key; without the root's edges, found through FirstHas
	Seps  []string
	Ends  [][]SuffixEnd
	// The root's edges by word (see firstIndex).
	FirstHas   []uint64
	FirstRank  []int32
	FirstNodes []int32
}

// PhraseIndex finds, in a node other than the root with many edges, an
// edge with a word (the others follow through PhraseEdge.Same): Key is
// node<<32 | word.
type PhraseIndex struct {
	Key  uint64
	Edge int32
}

// PreparedVocabulary holds the words of prepared tries: word i has id i.
type PreparedVocabulary struct {
	Words []string
	// First[i]: word i starts a phrase of some prepared set.
	First []bool
	// Slots is an open-addressing hash table of the words, its length a
	// power of two: a word w's id is in the first slot from
	// wordHash(w) on that holds w's id or -1 (none).
	Slots []int32
}

// lookup returns the id of w, or -1.
func (v *PreparedVocabulary) lookup(w string) int32 {
	if len(v.Slots) == 0 {
		return -1
	}
	mask := uint32(len(v.Slots) - 1)
	for i := wordHash(w) & mask; ; i = (i + 1) & mask {
		if id := v.Slots[i]; id < 0 || v.Words[id] == w {
			return id
		}
	}
}

// wordHash is FNV-1a: it must give the same value in the program that
// wrote a table and in the one that reads it.
func wordHash(w string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		h ^= uint32(w[i])
		h *= 16777619
	}
	return h
}

// newPreparedVocabulary returns the vocabulary of words, which must be
// distinct, with its hash table; first lists the ids that start a phrase.
func newPreparedVocabulary(words []string, first []int32) PreparedVocabulary {
	v := PreparedVocabulary{Words: words, First: make([]bool, len(words))}
	for _, id := range first {
		v.First[id] = true
	}
	n := 8
	for n < 2*len(words) {
		n *= 2
	}
	v.Slots = make([]int32, n)
	for i := range v.Slots {
		v.Slots[i] = -1
	}
	mask := uint32(n - 1)
	for id, w := range words {
		i := wordHash(w) & mask
		for v.Slots[i] >= 0 {
			i = (i + 1) & mask
		}
		v.Slots[i] = int32(id)
	}
	return v
}

// preparedSets are the sets UsePreparedPhrases was given, ordered by their
// phrases, ids and inflections, item by item, so that the sets sharing the
// first n of them are next to each other.
var preparedSets []PreparedPhrases

// UsePreparedPhrases makes the sets and vocabulary, written out by a
// program that called RecordPhraseSets, those that phrase sets take their
// tries from. It must be called from an init function, before any word is
// interned: the vocabulary's words take the first ids.
func UsePreparedPhrases(v PreparedVocabulary, sets []PreparedPhrases) {
	vocab.Lock()
	defer vocab.Unlock()
	if len(vocab.first) > 0 {
		panic("linter: UsePreparedPhrases called after phrases were added")
	}
	if !slices.IsSortedFunc(sets, func(a, b PreparedPhrases) int { return comparePrepared(&a, &b) }) {
		panic("linter: prepared phrase sets out of order")
	}
	vocab.fixed = v
	vocab.first = slices.Clone(v.First)
	vocab.version++
	preparedSets = sets
}

// id returns the id of p's phrase i.
func (p *PreparedPhrases) id(i int) int32 {
	if p.IDs == nil {
		return int32(i)
	}
	return p.IDs[i]
}

// follow narrows s's candidates to the prepared sets whose next phrase is
// this one, and reports whether there is any; if not, s's candidates are
// left as they were.
func (s *PhraseSet) follow(phrase string, id int32, inf Inflect) bool {
	i := s.n
	match := func(k int) bool {
		p := &preparedSets[k]
		return len(p.Phrases) > i && p.id(i) == id && p.Inflect == inf && p.Phrases[i] == phrase
	}
	lo, hi := s.lo, s.hi
	for lo < hi && !match(lo) {
		lo++
	}
	for hi > lo && !match(hi-1) {
		hi--
	}
	if lo == hi {
		return false
	}
	s.lo, s.hi = lo, hi
	return true
}

// settle ends s's pending state: s takes the trie of the prepared set
// that holds just the phrases added so far, if there is one, or else
// builds its own from them.
func (s *PhraseSet) settle() error {
	s.pend = false
	var p *PreparedPhrases
	if s.n > 0 {
		p = &preparedSets[s.lo] // the shortest of the candidates
	}
	if p != nil && len(p.Phrases) == s.n {
		t := &p.Trie
		s.nodes, s.kids, s.sorted, s.seps, s.ends = t.Nodes, t.Edges, t.Index, t.Seps, t.Ends
		s.firsts = firstIndex{has: t.FirstHas, rank: t.FirstRank, nodes: t.FirstNodes}
		s.frozen = true
		return nil
	}
	// The phrases are added again, s.n left as it is: Len may be called
	// while a first match settles s.
	s.init()
	s.Grow(s.grow)
	s.grow = 0
	for i := range s.n {
		if err := s.add(p.Phrases[i], p.id(i), p.Inflect); err != nil {
			return err
		}
	}
	return nil
}

// thaw gives s a copy of its prepared trie, to add to, with room for the
// phrases Grow asked for beyond those in the trie.
func (s *PhraseSet) thaw() {
	s.frozen = false
	more := max(s.grow-s.n, 0)
	s.grow = 0
	s.nodes = append(make([]PhraseNode, 0, len(s.nodes)+more), s.nodes...)
	s.kids = append(make([]PhraseEdge, 0, len(s.kids)+more), s.kids...)
	s.seps = slices.Clone(s.seps)
	ends := make([][]SuffixEnd, len(s.ends))
	for i, e := range s.ends {
		ends[i] = slices.Clone(e)
	}
	s.ends = ends
	s.index = make(map[uint64]int32, len(s.sorted))
	for _, e := range s.sorted {
		s.index[e.Key] = e.Edge
	}
	s.sorted = nil
	// The root's edges are left out of prepared indexes (matching finds
	// first words by the first-word index): adding needs them back.
	if s.nodes[0].NKids >= indexFrom {
		s.indexKids(0)
	}
}

// A phraseLog holds the phrases added to a set.
type phraseLog struct {
	phrases []string
	ids     []int32
	infs    []Inflect
}

func (l *phraseLog) add(phrase string, id int32, inf Inflect) {
	l.phrases = append(l.phrases, phrase)
	l.ids = append(l.ids, id)
	l.infs = append(l.infs, inf)
}

// A recorder holds the sets made while RecordPhraseSets runs.
type recorder struct {
	mu   sync.Mutex
	sets []*PhraseSet
}

func (r *recorder) add(s *PhraseSet) {
	s.log = &phraseLog{}
	r.mu.Lock()
	r.sets = append(r.sets, s)
	r.mu.Unlock()
}

var recording atomic.Pointer[recorder]

// RecordPhraseSets calls build, during which phrase sets build their own
// tries, and returns the sets it made, for a program that writes them out
// as tables for UsePreparedPhrases: each set of one or more phrases with
// the same inflections, once, renumbered in a vocabulary of their words.
// No other phrase sets may be made while it runs.
func RecordPhraseSets(build func() error) (PreparedVocabulary, []PreparedPhrases, error) {
	r := &recorder{}
	if !recording.CompareAndSwap(nil, r) {
		return PreparedVocabulary{}, nil, fmt.Errorf("RecordPhraseSets is already running")
	}
	err := func() error {
		defer recording.Store(nil)
		return build()
	}()
	if err != nil {
		return PreparedVocabulary{}, nil, err
	}
	var sets []*PhraseSet
	for _, s := range r.sets {
		if l := s.log; len(l.phrases) > 0 && !slices.ContainsFunc(l.infs, func(i Inflect) bool { return i != l.infs[0] }) {
			sets = append(sets, s)
		}
	}
	// The words of the sets' edges, numbered in order.
	vocab.RLock()
	byID := map[int32]string{}
	for w, id := range vocab.ids {
		byID[id] = w
	}
	for id, w := range vocab.fixed.Words {
		byID[int32(id)] = w
	}
	vocab.RUnlock()
	var words []string
	seen := map[string]bool{}
	for _, s := range sets {
		for _, e := range s.kids {
			if w := byID[e.Word]; !seen[w] {
				seen[w] = true
				words = append(words, w)
			}
		}
	}
	sort.Strings(words)
	newID := map[string]int32{}
	for i, w := range words {
		newID[w] = int32(i)
	}
	out := make([]PreparedPhrases, 0, len(sets))
	var first []int32
	for _, s := range sets {
		p := PreparedPhrases{Phrases: s.log.phrases, IDs: s.log.ids, Inflect: s.log.infs[0]}
		if isIota(p.IDs) {
			p.IDs = nil
		}
		t := PhraseSet{nodes: slices.Clone(s.nodes), kids: slices.Clone(s.kids), seps: s.seps, ends: s.ends}
		for i := range t.kids {
			t.kids[i].Word = newID[byID[t.kids[i].Word]]
		}
		for key, e := range s.index {
			// Matching finds the root's edges by the first-word index;
			// thaw indexes them again for adding.
			if key>>32 != 0 {
				t.sorted = append(t.sorted, PhraseIndex{edgeKey(int32(key>>32), t.kids[e].Word), e})
			}
		}
		slices.SortFunc(t.sorted, func(a, b PhraseIndex) int { return cmp.Compare(a.Key, b.Key) })
		f := newFirstIndex(&t)
		for k := t.nodes[0].Head; k >= 0; k = t.kids[k].Next {
			first = append(first, t.kids[k].Word)
		}
		p.Trie = PhraseTrie{Nodes: t.nodes, Edges: t.kids, Index: t.sorted, Seps: t.seps, Ends: t.ends,
			FirstHas: f.has, FirstRank: f.rank, FirstNodes: f.nodes}
		out = append(out, p)
	}
	// Sets built from the same phrases (rules that share a list) are
	// written once.
	slices.SortFunc(out, func(a, b PreparedPhrases) int { return comparePrepared(&a, &b) })
	out = slices.CompactFunc(out, func(a, b PreparedPhrases) bool { return comparePrepared(&a, &b) == 0 })
	return newPreparedVocabulary(words, first), out, nil
}

// isIota reports whether ids are 0, 1, 2 and so on.
func isIota(ids []int32) bool {
	for i, id := range ids {
		if int(id) != i {
			return false
		}
	}
	return true
}

// comparePrepared orders sets by their phrases, ids and inflections, item
// by item (a set's inflections are those of each of its phrases), a set
// before those it is the start of. (follow compares inflections with ==:
// inflectBits must tell apart any two that differ.)
func comparePrepared(a, b *PreparedPhrases) int {
	for i := range min(len(a.Phrases), len(b.Phrases)) {
		if c := cmp.Compare(a.Phrases[i], b.Phrases[i]); c != 0 {
			return c
		}
		if c := cmp.Compare(a.id(i), b.id(i)); c != 0 {
			return c
		}
		if i > 0 {
			continue // the same inflections as at phrase 0
		}
		if c := cmp.Compare(inflectBits(a.Inflect), inflectBits(b.Inflect)); c != 0 {
			return c
		}
	}
	return cmp.Compare(len(a.Phrases), len(b.Phrases))
}

func inflectBits(i Inflect) int {
	n := 0
	if i.Plural {
		n |= 1
	}
	if i.Verb {
		n |= 2
	}
	return n
}
