package linter

import (
	"fmt"
	"math/bits"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"
)

// Inflect says which simple inflections a phrase also matches.
type Inflect struct {
	// Plural lets the last word take a plural ending (s, es, ies).
	Plural bool
	// Verb lets the first word take -s, -ing and -ed endings.
	Verb bool
}

// PhraseSet matches many phrases at once in one pass over a document's word
// tokens, with a trie keyed by words. Matching is case-insensitive, on whole
// words, across line breaks and repeated spaces. A space in a phrase matches
// white space or a hyphen in the text; a hyphen or other punctuation in a
// phrase must appear in the text.
type PhraseSet struct {
	root trieNode
	// firsts indexes the root's children by the word id of their word
	// (see wordIDs): most words of an ad start no phrase of any set, and
	// are skipped without a lookup at all. It is made on first use, for
	// all sets made so far at once, so that the ids of an ad's words are
	// looked up once.
	indexed atomic.Bool
	firsts  firstIndex
	n       int
	// Building a set adds thousands of nodes: they and their first edges
	// come from slabs, and the tokens and word forms of a phrase from
	// buffers kept between calls to Add.
	nodes []trieNode
	edges []kid
	toks  []Word
	norms []string
}

// edge labels a trie edge: the word and the punctuation before it.
type edge struct{ sep, norm string }

type trieNode struct {
	// kids are the edges out of the node, in the order added; index maps
	// a word to the position in kids of its first edge once there are
	// many (the edges of a word are chained by kid.next).
	// Most nodes have one or two edges, which a scan finds sooner than a
	// hash, and small maps are costly to build.
	kids  []kid
	index map[string]int32
	// id of the phrase ending here, -1 if none.
	id int
	// ends lists phrases ending here that need punctuation right after
	// the last word ("C++", "C#"), longest first.
	ends []suffixEnd
}

type kid struct {
	edge
	node *trieNode
	next int32 // the next edge of the same word, once indexed; -1: none
}

// indexFrom is the number of edges from which a node indexes them.
const indexFrom = 8

// child returns the node at the end of edge e out of n, or nil.
func (n *trieNode) child(e edge) *trieNode {
	if n.index != nil {
		i, ok := n.index[e.norm]
		for ok && i >= 0 {
			if k := &n.kids[i]; k.sep == e.sep {
				return k.node
			}
			i = n.kids[i].next
		}
		return nil
	}
	for i := range n.kids {
		if k := &n.kids[i]; k.norm == e.norm && k.sep == e.sep {
			return k.node
		}
	}
	return nil
}

// add adds an edge e out of n to c; a node's first edge is taken from s's
// slab.
func (s *PhraseSet) add(n *trieNode, e edge, c *trieNode) {
	if n.kids == nil {
		if len(s.edges) == cap(s.edges) {
			s.edges = make([]kid, 0, slabSize(cap(s.edges)))
		}
		i := len(s.edges)
		s.edges = append(s.edges, kid{e, c, -1})
		n.kids = s.edges[i : i+1 : i+1]
		return
	}
	n.kids = append(n.kids, kid{e, c, -1})
	switch {
	case n.index != nil:
		n.indexKid(len(n.kids) - 1)
	case len(n.kids) == indexFrom:
		n.buildIndex(2 * indexFrom)
	}
}

// buildIndex indexes n's edges, with room for about size words.
func (n *trieNode) buildIndex(size int) {
	n.index = make(map[string]int32, size)
	for i := range n.kids {
		n.indexKid(i)
	}
}

// indexKid adds edge i of n to its index, at the end of its word's chain.
func (n *trieNode) indexKid(i int) {
	norm := n.kids[i].norm
	j, ok := n.index[norm]
	if !ok {
		n.index[norm] = int32(i)
		return
	}
	for n.kids[j].next >= 0 {
		j = n.kids[j].next
	}
	n.kids[j].next = int32(i)
}

// newNode returns an empty node from s's slab.
func (s *PhraseSet) newNode() *trieNode {
	if len(s.nodes) == cap(s.nodes) {
		s.nodes = make([]trieNode, 0, slabSize(cap(s.nodes)))
	}
	s.nodes = append(s.nodes, trieNode{id: -1})
	return &s.nodes[len(s.nodes)-1]
}

// slabSize is the size of the slab after one of size n: small sets stay
// small, large ones allocate rarely.
func slabSize(n int) int { return min(max(2*n, 8), 512) }

type suffixEnd struct {
	suffix string
	id     int
}

// PhraseMatch is a match of phrase ID over words [Start, End), followed
// by Suffix bytes of punctuation that are part of the phrase ("C++").
type PhraseMatch struct {
	Start, End int
	ID         int
	Suffix     int
}

// Span returns the Text range of m in d.
func (m PhraseMatch) Span(d *Document) (start, end int) {
	ws := d.Words()
	return ws[m.Start].Start, ws[m.End-1].End + m.Suffix
}

func startsWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return s != "" && isWordRune(r)
}

// NewPhraseSet returns an empty set.
func NewPhraseSet() *PhraseSet {
	s := &PhraseSet{root: trieNode{id: -1}}
	firstWords.Lock()
	firstWords.pending = append(firstWords.pending, s)
	firstWords.Unlock()
	return s
}

// Grow makes room for about n more first words, so that adding many
// phrases at once does not grow the set's first level step by step. Rules
// pass their number of phrases: phrases that share a first word and the
// inflected forms of first words roughly cancel out.
func (s *PhraseSet) Grow(n int) {
	r := &s.root
	r.kids = slices.Grow(r.kids, n)
	if r.index == nil && len(r.kids)+n >= indexFrom {
		r.buildIndex(len(r.kids) + n)
	}
}

// Len returns the number of phrases added.
func (s *PhraseSet) Len() int { return s.n }

// Add adds a phrase whose matches report id. When two phrases have the
// same words, the first added keeps its id.
func (s *PhraseSet) Add(phrase string, id int, inf Inflect) error {
	s.toks = appendTokens(s.toks[:0], phrase, "", 0, 0)
	ws := s.toks
	if len(ws) == 0 {
		return fmt.Errorf("phrase %q has no words", phrase)
	}
	if strings.TrimSpace(phrase[:ws[0].Start]) != "" {
		return fmt.Errorf("phrase %q starts with punctuation, which is not matched", phrase)
	}
	// Punctuation after the last word ("C++") must follow it in the text.
	suffix := strings.TrimRight(phrase[ws[len(ws)-1].End:], " ")
	if strings.ContainsAny(suffix, " \t\n") {
		return fmt.Errorf("phrase %q ends with punctuation and spaces, which is not matched", phrase)
	}
	if s.indexed.Load() {
		// Matched before: its first words are indexed again when it
		// is next matched.
		s.indexed.Store(false)
		firstWords.Lock()
		firstWords.pending = append(firstWords.pending, s)
		firstWords.Unlock()
	}
	s.n++
	var buf [12]string
	firsts := append(buf[:0], ws[0].Norm)
	if inf.Verb {
		firsts = appendVerbForms(buf[:0], ws[0].Norm)
	}
	lasts := firsts[len(firsts):]
	if len(ws) == 1 {
		lasts = firsts // one word: its forms are both
	}
	lasts = append(lasts, ws[len(ws)-1].Norm)
	if inf.Plural {
		lasts = appendPluralForms(lasts[:len(lasts)-1], ws[len(ws)-1].Norm)
	}
	norms := s.norms[:0]
	for _, w := range ws {
		norms = append(norms, w.Norm)
	}
	s.norms = norms
	if len(ws) == 1 {
		for i, f := range lasts {
			if !slices.Contains(lasts[:i], f) {
				norms[0] = f
				s.insert(norms, ws, id, suffix)
			}
		}
		return nil
	}
	for _, f := range firsts {
		for _, l := range lasts {
			norms[0], norms[len(ws)-1] = f, l
			s.insert(norms, ws, id, suffix)
		}
	}
	return nil
}

func edgeKey(sep, norm string) edge { return edge{sep, norm} }

func (s *PhraseSet) insert(norms []string, ws []Word, id int, suffix string) {
	n := &s.root
	for i, w := range norms {
		sep := ""
		if i > 0 {
			sep = ws[i].Sep
		}
		k := edgeKey(sep, w)
		c := n.child(k)
		if c == nil {
			c = s.newNode()
			s.add(n, k, c)
		}
		n = c
	}
	if suffix != "" {
		for _, e := range n.ends {
			if e.suffix == suffix {
				return
			}
		}
		n.ends = append(n.ends, suffixEnd{suffix, id})
		sort.Slice(n.ends, func(i, j int) bool { return len(n.ends[i].suffix) > len(n.ends[j].suffix) })
		return
	}
	if n.id < 0 {
		n.id = id
	}
}

// Longest calls fn with the longest phrase match starting at each word of
// d, in order; matches may overlap. Matches never cross a block boundary.
// A hyphen between two words of the text matches both a hyphen and a space
// in a phrase, so both branches of the trie are followed.
func (s *PhraseSet) Longest(d *Document, fn func(PhraseMatch)) {
	if !s.indexed.Load() {
		indexPending()
	}
	words := d.Words()
	ids, starts := d.wordIDs()
	var frontier, next []*trieNode
	for _, at := range starts {
		i := int(at)
		first := s.firsts.lookup(ids[i])
		if first == nil {
			continue
		}
		best := PhraseMatch{ID: -1}
		frontier = append(frontier[:0], first)
		for j := i; len(frontier) > 0; {
			for _, n := range frontier {
				if n.id >= 0 && (best.ID < 0 || best.End < j+1 || (best.End == j+1 && n.id < best.ID && best.Suffix == 0)) {
					best = PhraseMatch{Start: i, End: j + 1, ID: n.id}
				}
				for _, e := range n.ends {
					if rest := d.Text[words[j].End:]; strings.HasPrefix(rest, e.suffix) && !startsWord(rest[len(e.suffix):]) {
						if best.End < j+1 || best.Suffix < len(e.suffix) {
							best = PhraseMatch{Start: i, End: j + 1, ID: e.id, Suffix: len(e.suffix)}
						}
						break
					}
				}
			}
			j++
			if j >= len(words) || words[j].Block != words[i].Block {
				break
			}
			w := words[j]
			next = next[:0]
			for _, n := range frontier {
				if n.kids == nil {
					continue
				}
				if c := n.child(edgeKey(w.Sep, w.Norm)); c != nil {
					next = append(next, c)
				}
				if w.Sep == "-" {
					if c := n.child(edgeKey("", w.Norm)); c != nil {
						next = append(next, c)
					}
				}
			}
			frontier, next = next, frontier
		}
		if best.ID >= 0 {
			fn(best)
		}
	}
}

// appendPluralForms appends w and its plural to out.
func appendPluralForms(out []string, w string) []string {
	out = append(out, w)
	switch {
	case strings.HasSuffix(w, "s") || strings.HasSuffix(w, "x") || strings.HasSuffix(w, "z") ||
		strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "sh"):
		out = append(out, w+"es")
	case len(w) > 1 && strings.HasSuffix(w, "y") && !strings.ContainsRune("aeiou", rune(w[len(w)-2])):
		out = append(out, w[:len(w)-1]+"ies")
	case strings.HasSuffix(w, "man"):
		out = append(out, w[:len(w)-3]+"men")
	default:
		out = append(out, w+"s")
	}
	return out
}

// appendVerbForms appends w and its -s, -ing and -ed forms to out.
func appendVerbForms(out []string, w string) []string {
	out = append(out, w)
	switch {
	case strings.HasSuffix(w, "ie"):
		out = append(out, w+"s", w[:len(w)-2]+"ying", w+"d")
	case strings.HasSuffix(w, "e") && !strings.HasSuffix(w, "ee"):
		out = append(out, w+"s", w[:len(w)-1]+"ing", w+"d")
	case len(w) > 1 && strings.HasSuffix(w, "y") && !strings.ContainsRune("aeiou", rune(w[len(w)-2])):
		out = append(out, w[:len(w)-1]+"ies", w+"ing", w[:len(w)-1]+"ied")
	default:
		out = append(out, w+"s", w+"ing", w+"ed")
		if n := len(w); n >= 3 && n <= 4 && isCVC(w[n-3:]) {
			d := w + w[n-1:]
			out = append(out, d+"ing", d+"ed")
		}
	}
	if strings.HasSuffix(w, "s") || strings.HasSuffix(w, "sh") || strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "x") {
		out = append(out, w+"es")
	}
	return out
}

func isCVC(s string) bool {
	v := func(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }
	return !v(s[0]) && v(s[1]) && !v(s[2]) && strings.IndexByte("wxy", s[2]) < 0
}

// firstWords interns the first words of all phrases of all phrase sets of the
// process, so that an ad's words are looked up by text once, not once per
// set.
var firstWords struct {
	sync.RWMutex
	ids     map[string]int32
	pending []*PhraseSet // made and not yet indexed
}

// indexPending interns the first words of the phrases of every set not
// yet indexed and indexes their roots' children by them.
func indexPending() {
	firstWords.Lock()
	defer firstWords.Unlock()
	if firstWords.ids == nil {
		firstWords.ids = map[string]int32{}
	}
	for _, s := range firstWords.pending {
		for _, k := range s.root.kids {
			if _, ok := firstWords.ids[k.norm]; !ok {
				firstWords.ids[k.norm] = int32(len(firstWords.ids))
			}
		}
		s.firsts = newFirstIndex(s.root.kids)
		s.indexed.Store(true)
	}
	firstWords.pending = nil
}

// firstIndex maps word ids to the root's children. A rule set has
// thousands of first words and dozens of sets, most with a few of them:
// a bitmap of the ids with a child, and the children in id order, keep
// each set small.
type firstIndex struct {
	has   []uint64 // bit id%64 of has[id/64]: id has a child
	rank  []int32  // rank[w]: the number of bits set in has[:w]
	nodes []*trieNode
}

// newFirstIndex indexes kids, the root's edges, by the interned ids of
// their words (words must be locked).
func newFirstIndex(kids []kid) firstIndex {
	type entry struct {
		id   int32
		node *trieNode
	}
	es := make([]entry, len(kids))
	top := int32(-1)
	for i, k := range kids {
		es[i] = entry{firstWords.ids[k.norm], k.node}
		top = max(top, es[i].id)
	}
	slices.SortFunc(es, func(a, b entry) int { return int(a.id - b.id) })
	f := firstIndex{has: make([]uint64, top/64+1), nodes: make([]*trieNode, len(es))}
	for i, e := range es {
		f.has[e.id/64] |= 1 << (e.id % 64)
		f.nodes[i] = e.node
	}
	f.rank = make([]int32, len(f.has))
	n := 0
	for w, b := range f.has {
		f.rank[w] = int32(n)
		n += bits.OnesCount64(b)
	}
	return f
}

// lookup returns the root's child for word id, or nil.
func (f *firstIndex) lookup(id int32) *trieNode {
	w := int(id >> 6)
	if id < 0 || w >= len(f.has) {
		return nil
	}
	bit := uint64(1) << (id & 63)
	if f.has[w]&bit == 0 {
		return nil
	}
	return f.nodes[int(f.rank[w])+bits.OnesCount64(f.has[w]&(bit-1))]
}

// wordIDs returns the interned id of each word of d, -1 for words that
// start no phrase, and the positions of the words that may (about one in
// four in an ad), so that each set looks only at those. Both are computed
// once per document (and number of interned words, which grows when sets
// made or added to since are first matched).
func (d *Document) wordIDs() (ids, starts []int32) {
	firstWords.RLock()
	defer firstWords.RUnlock()
	if d.ids != nil && d.idsFor == len(firstWords.ids) {
		return d.ids, d.starts
	}
	ws := d.Words()
	ids = make([]int32, len(ws))
	// New slices, not the old ones refilled: a caller may still be
	// walking those.
	starts = make([]int32, 0, len(ws)/4+1)
	for i, w := range ws {
		id, ok := firstWords.ids[w.Norm]
		if !ok {
			id = -1
		} else {
			starts = append(starts, int32(i))
		}
		ids[i] = id
	}
	d.ids, d.starts, d.idsFor = ids, starts, len(firstWords.ids)
	return ids, starts
}
