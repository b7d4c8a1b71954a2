package linter

import (
	"cmp"
	"encoding/binary"
	"fmt"
	"math"
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
//
// The trie is flat and holds no pointers: nodes and edges are elements of
// two slices, and an edge's word is the id the process interns it under
// (see vocab). A rule set's tries hold thousands of nodes, and this way
// they are built with a few allocations and never scanned by the garbage
// collector, and a document's words are compared by id. (A set holds fewer
// than 2^31 nodes and edges, and the process fewer than 2^31 words: far
// more than memory does.)
type PhraseSet struct {
	nodes []PhraseNode // nodes[0] is the root
	kids  []PhraseEdge
	// index finds the edges of a node with many of them (the root, for
	// one) by word: node<<32 | word maps to one such edge, the others
	// with the same word follow through PhraseEdge.Same. Most nodes have
	// one or two edges, which a scan finds sooner than a hash.
	index map[uint64]int32
	// sorted is the index of a prepared set, sorted by key, without the
	// root's edges (index is nil then; firsts finds those, and thaw
	// indexes them again).
	sorted []PhraseIndex
	seps   []string      // the punctuation edges carry; seps[0] is none
	ends   [][]SuffixEnd // see PhraseNode.Ends
	// firsts indexes the root's edges by word id. It is made on first
	// use after the set was made or added to.
	indexMu sync.Mutex
	indexed atomic.Bool
	firsts  firstIndex
	slot    int // see firstSlot, set when indexed; -1: none
	n       int
	toks    []Word // scratch for Add
	// frozen: nodes, kids, sorted, seps and ends are a prepared table's,
	// shared and never written; Add copies them first.
	frozen bool
	// pend: nothing is built yet, and the n phrases added so far are
	// the first n of each of preparedSets[lo:hi]; grow is what Grow
	// asked for meanwhile. See settle.
	pend   bool
	lo, hi int
	grow   int
	log    *phraseLog // the phrases added, while RecordPhraseSets runs
}

// A PhraseNode is a node of a PhraseSet's trie. It and PhraseEdge are
// exported for tables of tries built ahead of time (see PreparedPhrases).
type PhraseNode struct {
	ID int32 // the phrase ending here, -1: none
	// Ends is 1 + the index in PhraseSet.ends of the phrases ending here
	// that need punctuation right after the last word ("C++", "C#"),
	// longest first; 0: none.
	Ends  int32
	Head  int32 // the newest edge out, -1: none
	NKids int32
}

// A PhraseEdge is an edge of the trie: a word, and the punctuation before
// it (an index in PhraseSet.seps).
type PhraseEdge struct {
	Word, Sep int32
	Node      int32 // where it leads
	Next      int32 // the next (older) edge out of the same node, -1: none
	Same      int32 // once indexed, the next edge with the same word, -1: none
}

// indexFrom is the number of edges from which a node indexes them.
const indexFrom = 8

// child returns the node the edge (word, sep) out of n leads to, or -1.
func (s *PhraseSet) child(n, word, sep int32) int32 {
	nd := &s.nodes[n]
	k := nd.Head
	if nd.NKids >= indexFrom {
		if k = s.edgeOf(edgeKey(n, word)); k < 0 {
			return -1
		}
		for ; k >= 0; k = s.kids[k].Same {
			if s.kids[k].Sep == sep {
				return s.kids[k].Node
			}
		}
		return -1
	}
	for ; k >= 0; k = s.kids[k].Next {
		if e := &s.kids[k]; e.Word == word && e.Sep == sep {
			return e.Node
		}
	}
	return -1
}

func edgeKey(n, word int32) uint64 { return uint64(uint32(n))<<32 | uint64(uint32(word)) }

// edgeOf returns an edge with key in the index (the others follow
// through PhraseEdge.Same), or -1.
func (s *PhraseSet) edgeOf(key uint64) int32 {
	if s.index != nil {
		if k, ok := s.index[key]; ok {
			return k
		}
		return -1
	}
	i, ok := slices.BinarySearchFunc(s.sorted, key, func(e PhraseIndex, key uint64) int {
		return cmp.Compare(e.Key, key)
	})
	if !ok {
		return -1
	}
	return s.sorted[i].Edge
}

// addKid adds an edge (word, sep) out of n to c.
func (s *PhraseSet) addKid(n, word, sep, c int32) {
	k := int32(len(s.kids))
	nd := &s.nodes[n]
	s.kids = append(s.kids, PhraseEdge{Word: word, Sep: sep, Node: c, Next: nd.Head, Same: -1})
	nd.Head = k
	nd.NKids++
	switch {
	case nd.NKids > indexFrom:
		s.indexKid(n, k)
	case nd.NKids == indexFrom:
		s.indexKids(n)
	}
}

// indexKids adds every edge out of n to the index. Their order does not
// matter: child follows a word's whole Same chain.
func (s *PhraseSet) indexKids(n int32) {
	for e := s.nodes[n].Head; e >= 0; e = s.kids[e].Next {
		s.indexKid(n, e)
	}
}

// indexKid adds edge k out of n to the index.
func (s *PhraseSet) indexKid(n, k int32) {
	if s.index == nil {
		s.index = make(map[uint64]int32, 2*indexFrom)
	}
	key := edgeKey(n, s.kids[k].Word)
	if j, ok := s.index[key]; ok {
		s.kids[k].Same = j
	}
	s.index[key] = k
}

// newNode adds an empty node and returns it.
func (s *PhraseSet) newNode() int32 {
	s.nodes = append(s.nodes, PhraseNode{ID: -1, Head: -1})
	return int32(len(s.nodes) - 1)
}

// sepIndex returns the index of sep in s.seps, adding it when add.
func (s *PhraseSet) sepIndex(sep string, add bool) (int32, bool) {
	if i := slices.Index(s.seps, sep); i >= 0 {
		return int32(i), true
	}
	if !add {
		return -1, false
	}
	s.seps = append(s.seps, sep)
	return int32(len(s.seps) - 1), true
}

// A SuffixEnd is a phrase that ends with punctuation after its last word.
type SuffixEnd struct {
	Suffix string
	ID     int
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

// NewPhraseSet returns an empty set. When prepared tries are in use (see
// UsePreparedPhrases), the set builds nothing while the phrases added to
// it are those of a prepared one, in order, and takes that one's trie
// when first matched.
func NewPhraseSet() *PhraseSet {
	s := &PhraseSet{}
	if r := recording.Load(); r != nil {
		r.add(s)
	} else if len(preparedSets) > 0 {
		s.pend, s.hi = true, len(preparedSets)
		return s
	}
	s.init()
	return s
}

// init makes s an empty set with a trie of its own.
func (s *PhraseSet) init() {
	s.nodes = []PhraseNode{{ID: -1, Head: -1}}
	s.seps = []string{""}
}

// Grow makes room for about n more nodes and edges, and first words in
// the root's index, so that adding many phrases at once does not grow the
// set step by step. Rules pass their number of phrases.
func (s *PhraseSet) Grow(n int) {
	if s.pend || s.frozen {
		s.grow += n
		return
	}
	s.nodes = slices.Grow(s.nodes, n)
	s.kids = slices.Grow(s.kids, n)
	if s.index == nil && int(s.nodes[0].NKids)+n >= indexFrom {
		s.index = make(map[uint64]int32, int(s.nodes[0].NKids)+n)
	}
}

// Len returns the number of phrases added.
func (s *PhraseSet) Len() int { return s.n }

// Prepared reports whether s took a prepared trie as its own (see
// UsePreparedPhrases). A set decides when first matched.
func (s *PhraseSet) Prepared() bool { return s.frozen }

// Add adds a phrase whose matches report id, which must fit in 31 bits.
// When two phrases have the same words, the first added keeps its id.
func (s *PhraseSet) Add(phrase string, id int, inf Inflect) error {
	if id < 0 || id > math.MaxInt32 {
		return fmt.Errorf("phrase %q: id %d out of range", phrase, id)
	}
	if s.pend {
		if s.follow(phrase, int32(id), inf) {
			s.n++
			return nil
		}
		if err := s.settle(); err != nil {
			return err
		}
	}
	if s.frozen {
		s.thaw()
	}
	if err := s.add(phrase, int32(id), inf); err != nil {
		return err
	}
	s.n++
	if s.log != nil {
		s.log.add(phrase, int32(id), inf)
	}
	return nil
}

// add adds a phrase to s's own trie; Len does not count it (see settle).
func (s *PhraseSet) add(phrase string, id int32, inf Inflect) error {
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
	s.indexed.Store(false) // matched before: index it again when next matched
	var fbuf, lbuf [12]string
	first, last := ws[0].Norm, ws[len(ws)-1].Norm
	firsts := append(fbuf[:0], first)
	if inf.Verb {
		firsts = appendVerbForms(fbuf[:0], first)
	}
	lasts := append(lbuf[:0], last)
	if inf.Plural {
		lasts = appendPluralForms(lbuf[:0], last)
	}
	if len(ws) == 1 {
		// One word: each of its forms, of either kind, is a phrase.
		for _, l := range lasts {
			if !slices.Contains(firsts, l) {
				firsts = append(firsts, l)
			}
		}
		lasts = nil
	}
	// The words are interned under the lock, held only for that: rules
	// are built on several goroutines.
	var wbuf [8]int32
	var fids, lids [24]int32
	wids, fs, ls := slices.Grow(wbuf[:0], len(ws))[:len(ws)], fids[:0], lids[:0]
	vocab.Lock()
	for i := 1; i < len(ws)-1; i++ { // the first and last words come from their forms
		wids[i] = intern(ws[i].Norm)
	}
	for _, f := range firsts {
		fs = append(fs, markFirst(intern(f)))
	}
	for _, l := range lasts {
		ls = append(ls, intern(l))
	}
	vocab.Unlock()
	for _, f := range fs {
		wids[0] = f
		if len(ls) == 0 {
			s.insert(wids, ws, id, suffix)
		}
		for _, l := range ls {
			wids[len(wids)-1] = l
			s.insert(wids, ws, id, suffix)
		}
	}
	return nil
}

// insert adds the phrase of words wids (the separators before them are
// those of ws) to the trie.
func (s *PhraseSet) insert(wids []int32, ws []Word, id int32, suffix string) {
	n := int32(0)
	for i, w := range wids {
		sep := int32(0)
		if i > 0 {
			sep, _ = s.sepIndex(ws[i].Sep, true)
		}
		c := s.child(n, w, sep)
		if c < 0 {
			c = s.newNode()
			s.addKid(n, w, sep, c)
		}
		n = c
	}
	nd := &s.nodes[n]
	if suffix != "" {
		if nd.Ends == 0 {
			s.ends = append(s.ends, nil)
			nd.Ends = int32(len(s.ends))
		}
		ends := s.ends[nd.Ends-1]
		for _, e := range ends {
			if e.Suffix == suffix {
				return
			}
		}
		ends = append(ends, SuffixEnd{suffix, int(id)})
		sort.Slice(ends, func(i, j int) bool { return len(ends[i].Suffix) > len(ends[j].Suffix) })
		s.ends[nd.Ends-1] = ends
		return
	}
	if nd.ID < 0 {
		nd.ID = id
	}
}

// Longest calls fn with the longest phrase match starting at each word of
// d, in order; matches may overlap. Matches never cross a block boundary.
// A hyphen between two words of the text matches both a hyphen and a space
// in a phrase, so both branches of the trie are followed. LongestWhile
// stops early.
func (s *PhraseSet) Longest(d *Document, fn func(PhraseMatch)) {
	s.LongestWhile(d, func(m PhraseMatch) bool { fn(m); return true })
}

// LongestWhile calls fn with the matches Longest would, in the same order,
// until fn returns false; fn is not called again after that. It serves a
// caller that needs one match of a kind, not all of them.
func (s *PhraseSet) LongestWhile(d *Document, fn func(PhraseMatch) bool) {
	if !s.indexed.Load() {
		s.indexFirsts()
	}
	words := d.Words()
	ids, starts, slots := d.wordIDs()
	if s.slot >= 0 && s.slot < slots.n() {
		starts = slots.of(s.slot)
	}
	var fbuf, nbuf [8]int32
	frontier, next := fbuf[:0], nbuf[:0]
	for _, at := range starts {
		i := int(at)
		first := s.firsts.lookup(ids[i])
		if first < 0 {
			continue
		}
		best := PhraseMatch{ID: -1}
		frontier = append(frontier[:0], first)
		for j := i; len(frontier) > 0; {
			for _, n := range frontier {
				nd := &s.nodes[n]
				if id := int(nd.ID); id >= 0 && (best.ID < 0 || best.End < j+1 || (best.End == j+1 && id < best.ID && best.Suffix == 0)) {
					best = PhraseMatch{Start: i, End: j + 1, ID: id}
				}
				if nd.Ends == 0 {
					continue
				}
				for _, e := range s.ends[nd.Ends-1] {
					if rest := d.Text[words[j].End:]; strings.HasPrefix(rest, e.Suffix) && !startsWord(rest[len(e.Suffix):]) {
						if best.End < j+1 || best.Suffix < len(e.Suffix) {
							best = PhraseMatch{Start: i, End: j + 1, ID: e.ID, Suffix: len(e.Suffix)}
						}
						break
					}
				}
			}
			j++
			if j >= len(words) || words[j].Block != words[i].Block || ids[j] < 0 {
				break // no edge holds a word outside the vocabulary
			}
			w, sep := ids[j], words[j].Sep
			si, ok := s.sepIndex(sep, false)
			next = next[:0]
			for _, n := range frontier {
				if s.nodes[n].Head < 0 {
					continue
				}
				if ok {
					if c := s.child(n, w, si); c >= 0 {
						next = append(next, c)
					}
				}
				if sep == "-" {
					if c := s.child(n, w, 0); c >= 0 {
						next = append(next, c)
					}
				}
			}
			frontier, next = next, frontier
		}
		if best.ID >= 0 && !fn(best) {
			return
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

// vocab interns the words of all phrases of all phrase sets of the
// process, so that an ad's words are looked up by text once, not once per
// set, and compared by id in the tries. Words are never removed: a
// process that loads configs again interns only their new words.
var vocab struct {
	sync.RWMutex
	// fixed holds the words of the prepared tries, if any, under ids
	// 0 to len(fixed.Words)-1; ids holds the others.
	fixed PreparedVocabulary
	ids   map[string]int32
	// first[id]: the word starts a phrase of some set.
	first []bool
	// slotMask[id] has bit k set when word id starts a phrase of a set
	// with first-word slot k; slots maps the first words of a set (its
	// firstIndex.has, as a string) to its slot. See firstSlot.
	slotMask []uint64
	slots    map[string]int
	// version changes whenever ids or first do, and with them the ids of
	// a document's words (see wordIDs). A new slot only adds its bit to
	// slotMask: a document's lists made before it lack that slot, and a
	// set with it walks every word that starts a phrase there instead (see
	// LongestWhile), so the lists need not be made again.
	version int
}

// maxSlots is the number of first-word slots: sets beyond them look at
// every word that starts some phrase.
const maxSlots = 64

// firstSlot returns the first-word slot of the sets whose first words
// are those of f, giving them one if there is room, else -1. Sets with
// the same first words share a slot, so a config loaded again takes no
// more. A document lists, in one pass over its words, the words of each
// slot (see wordIDs), and a set walks its trie from those alone instead
// of looking each word that starts some phrase up in its own index: most
// are no first word of that set.
func firstSlot(f *firstIndex) int {
	vocab.Lock()
	defer vocab.Unlock()
	buf := make([]byte, 0, 8*len(f.has))
	for _, w := range f.has {
		buf = binary.LittleEndian.AppendUint64(buf, w)
	}
	key := string(buf)
	if k, ok := vocab.slots[key]; ok {
		return k
	}
	if len(vocab.slots) == maxSlots {
		return -1
	}
	if vocab.slots == nil {
		vocab.slots = make(map[string]int)
	}
	k := len(vocab.slots)
	vocab.slots[key] = k
	for w, b := range f.has {
		for ; b != 0; b &= b - 1 {
			id := w*64 + bits.TrailingZeros64(b)
			if id >= len(vocab.slotMask) {
				vocab.slotMask = append(vocab.slotMask, make([]uint64, id+1-len(vocab.slotMask))...)
			}
			vocab.slotMask[id] |= 1 << k
		}
	}
	return k
}

// intern returns the id of w, adding it when new (vocab must be locked).
func intern(w string) int32 {
	if id, ok := lookupWord(w); ok {
		return id
	}
	if vocab.ids == nil {
		// Room for a rule set's words (the built-in one has about
		// 2,300, unless its tries are prepared): a map grown word by
		// word costs more than the load's tries.
		n := 4096
		if len(vocab.fixed.Words) > 0 {
			n = 64
		}
		vocab.ids = make(map[string]int32, n)
	}
	id := int32(len(vocab.first))
	vocab.ids[w] = id
	vocab.first = append(vocab.first, false)
	vocab.version++
	return id
}

// lookupWord returns the id of w, if interned (vocab must be locked).
func lookupWord(w string) (int32, bool) {
	if id := vocab.fixed.lookup(w); id >= 0 {
		return id, true
	}
	id, ok := vocab.ids[w]
	return id, ok
}

// markFirst records that word id starts a phrase, and returns it (vocab
// must be locked).
func markFirst(id int32) int32 {
	if !vocab.first[id] {
		vocab.first[id] = true
		vocab.version++
	}
	return id
}

// indexFirsts indexes the edges out of s's root by word id, unless that
// was done since s was last added to. A set still pending (see settle)
// takes its prepared trie, with the index that comes with it, or builds
// its own here.
func (s *PhraseSet) indexFirsts() {
	s.indexMu.Lock()
	defer s.indexMu.Unlock()
	if !s.indexed.Load() {
		if s.pend {
			if err := s.settle(); err != nil {
				// The prepared phrases were all added once, when
				// the table was made.
				panic("linter: prepared phrase table out of date: " + err.Error())
			}
		}
		if !s.frozen {
			s.firsts = newFirstIndex(s)
		}
		s.slot = firstSlot(&s.firsts)
		s.indexed.Store(true)
	}
}

// firstIndex maps word ids to the root's children. A rule set has
// thousands of words and dozens of sets, most with a few first words: a
// bitmap of the ids with a child, and the children in id order, keep each
// set small.
type firstIndex struct {
	has   []uint64 // bit id%64 of has[id/64]: id has a child
	rank  []int32  // rank[w]: the number of bits set in has[:w]
	nodes []int32
}

// newFirstIndex indexes the edges out of s's root, all without
// punctuation and each with a word of its own.
func newFirstIndex(s *PhraseSet) firstIndex {
	type entry struct{ id, node int32 }
	es := make([]entry, 0, s.nodes[0].NKids)
	top := int32(-1)
	for k := s.nodes[0].Head; k >= 0; k = s.kids[k].Next {
		e := s.kids[k]
		es = append(es, entry{e.Word, e.Node})
		top = max(top, e.Word)
	}
	slices.SortFunc(es, func(a, b entry) int { return int(a.id - b.id) })
	f := firstIndex{has: make([]uint64, top/64+1), nodes: make([]int32, len(es))}
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

// lookup returns the root's child for word id, or -1.
func (f *firstIndex) lookup(id int32) int32 {
	w := int(id >> 6)
	if id < 0 || w >= len(f.has) {
		return -1
	}
	bit := uint64(1) << (id & 63)
	if f.has[w]&bit == 0 {
		return -1
	}
	return f.nodes[int(f.rank[w])+bits.OnesCount64(f.has[w]&(bit-1))]
}

// wordIDs returns the interned id of each word of d, -1 for words no
// phrase holds, the positions of the words that start a phrase of some
// set (about one in four in an ad), and those positions by first-word
// slot (see firstSlot), so that a set with a slot looks only at its own
// first words, and one without at all of them. All are computed once per
// document and version of the vocabulary.
func (d *Document) wordIDs() (ids, starts []int32, slots slotStarts) {
	vocab.RLock()
	defer vocab.RUnlock()
	if d.ids != nil && d.idsFor == vocab.version {
		return d.ids, d.starts, d.slots
	}
	ws := d.Words()
	ids = make([]int32, len(ws))
	// New slices, not the old ones refilled: a caller may still be
	// walking those.
	starts = make([]int32, 0, len(ws)/4+1)
	var count [maxSlots + 1]int32
	for i, w := range ws {
		id, ok := lookupWord(w.Norm)
		if !ok {
			id = -1
		} else if vocab.first[id] {
			starts = append(starts, int32(i))
			for m := slotMaskOf(id); m != 0; m &= m - 1 {
				count[bits.TrailingZeros64(m)+1]++
			}
		}
		ids[i] = id
	}
	n := len(vocab.slots)
	slots.off = make([]int32, n+1)
	for k := 1; k <= n; k++ {
		slots.off[k] = slots.off[k-1] + count[k]
	}
	slots.at = make([]int32, slots.off[n])
	// count, no longer needed, holds where each slot's next position
	// goes.
	next := count[:n]
	copy(next, slots.off[:n])
	for _, i := range starts {
		for m := slotMaskOf(ids[i]); m != 0; m &= m - 1 {
			k := bits.TrailingZeros64(m)
			slots.at[next[k]] = i
			next[k]++
		}
	}
	d.ids, d.starts, d.slots, d.idsFor = ids, starts, slots, vocab.version
	return ids, starts, slots
}

// slotStarts lists the positions of a document's words by first-word
// slot: those of slot k are at[off[k]:off[k+1]], in order.
type slotStarts struct {
	off, at []int32
}

// n returns the number of slots listed: those taken when the lists were
// made.
func (s slotStarts) n() int { return len(s.off) - 1 }

// of returns the positions of the words of slot k.
func (s slotStarts) of(k int) []int32 {
	return s.at[s.off[k]:s.off[k+1]]
}

// slotMaskOf returns the first-word slots of word id (vocab must be
// locked).
func slotMaskOf(id int32) uint64 {
	if int(id) < len(vocab.slotMask) {
		return vocab.slotMask[id]
	}
	return 0
}
