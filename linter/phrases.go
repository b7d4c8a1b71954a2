package linter

import (
	"fmt"
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
	// are skipped without a lookup by text. It is made on first use, for
	// all sets made so far at once, so that the ids of an ad's words are
	// looked up once.
	indexed atomic.Bool
	firsts  []*trieNode // by word id; shorter than the ids made later
	n       int
}

// edge labels a trie edge: the word and the punctuation before it.
type edge struct{ sep, norm string }

type trieNode struct {
	// kids are the edges out of the node, in the order added; index maps
	// a word to the positions of its edges in kids once there are many.
	// Most nodes have one or two edges, which a scan finds sooner than a
	// hash, and small maps are costly to build.
	kids  []kid
	index map[string][]int32
	// id of the phrase ending here, -1 if none.
	id int
	// ends lists phrases ending here that need punctuation right after
	// the last word ("C++", "C#"), longest first.
	ends []suffixEnd
}

type kid struct {
	edge
	node *trieNode
}

// indexFrom is the number of edges from which a node indexes them.
const indexFrom = 8

// child returns the node at the end of edge e out of n, or nil.
func (n *trieNode) child(e edge) *trieNode {
	if n.index != nil {
		for _, i := range n.index[e.norm] {
			if n.kids[i].sep == e.sep {
				return n.kids[i].node
			}
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

// add adds an edge e out of n to c.
func (n *trieNode) add(e edge, c *trieNode) {
	n.kids = append(n.kids, kid{e, c})
	switch {
	case n.index != nil:
		n.index[e.norm] = append(n.index[e.norm], int32(len(n.kids)-1))
	case len(n.kids) == indexFrom:
		n.index = make(map[string][]int32, 2*indexFrom)
		for i, k := range n.kids {
			n.index[k.norm] = append(n.index[k.norm], int32(i))
		}
	}
}

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
	words.Lock()
	words.pending = append(words.pending, s)
	words.Unlock()
	return s
}

// Len returns the number of phrases added.
func (s *PhraseSet) Len() int { return s.n }

// Add adds a phrase whose matches report id. When two phrases have the
// same words, the first added keeps its id.
func (s *PhraseSet) Add(phrase string, id int, inf Inflect) error {
	ws := Tokenize(phrase)
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
	s.n++
	firsts := []string{ws[0].Norm}
	if inf.Verb {
		firsts = verbForms(ws[0].Norm)
	}
	lasts := []string{ws[len(ws)-1].Norm}
	if inf.Plural {
		lasts = pluralForms(ws[len(ws)-1].Norm)
	}
	if len(ws) == 1 {
		seen := map[string]bool{}
		for _, f := range append(firsts, lasts...) {
			if !seen[f] {
				seen[f] = true
				s.insert([]string{f}, ws, id, suffix)
			}
		}
		return nil
	}
	for _, f := range firsts {
		for _, l := range lasts {
			norms := make([]string, len(ws))
			for i, w := range ws {
				norms[i] = w.Norm
			}
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
			c = &trieNode{id: -1}
			n.add(k, c)
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
	ids := d.wordIDs()
	var frontier, next []*trieNode
	for i := range words {
		id := ids[i]
		if id < 0 || int(id) >= len(s.firsts) || s.firsts[id] == nil {
			continue
		}
		first := s.firsts[id]
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

func pluralForms(w string) []string {
	out := []string{w}
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

func verbForms(w string) []string {
	out := []string{w}
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

// words interns the first words of all phrases of all phrase sets of the
// process, so that an ad's words are looked up by text once, not once per
// set.
var words struct {
	sync.RWMutex
	ids     map[string]int32
	pending []*PhraseSet // made and not yet indexed
}

// indexPending interns the first words of the phrases of every set not
// yet indexed and indexes their roots' children by them.
func indexPending() {
	words.Lock()
	defer words.Unlock()
	if words.ids == nil {
		words.ids = map[string]int32{}
	}
	for _, s := range words.pending {
		for _, k := range s.root.kids {
			if _, ok := words.ids[k.norm]; !ok {
				words.ids[k.norm] = int32(len(words.ids))
			}
		}
	}
	for _, s := range words.pending {
		s.firsts = make([]*trieNode, len(words.ids))
		for _, k := range s.root.kids {
			s.firsts[words.ids[k.norm]] = k.node
		}
		s.indexed.Store(true)
	}
	words.pending = nil
}

// wordIDs returns the interned id of each word of d, -1 for words that
// start no phrase, computed once per document (and number of interned
// words, which grows only when rules are loaded).
func (d *Document) wordIDs() []int32 {
	words.RLock()
	defer words.RUnlock()
	if d.ids != nil && d.idsFor == len(words.ids) {
		return d.ids
	}
	ws := d.Words()
	ids := make([]int32, len(ws))
	for i, w := range ws {
		id, ok := words.ids[w.Norm]
		if !ok {
			id = -1
		}
		ids[i] = id
	}
	d.ids, d.idsFor = ids, len(words.ids)
	return ids
}
