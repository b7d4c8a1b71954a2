package rules

import (
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/hirelint/hirelint/linter"
)

// acMatcher finds which of a set of byte strings occur in a text, in one
// pass (Aho-Corasick). It serves as the literal prefilter of all patterns:
// instead of searching an ad once per literal, the ad is scanned once.
//
// The trie is stored flat, its nodes numbered breadth-first with the
// children of a node in the order of their labels, so that the children of
// node n are the nodes first[n] to first[n+1]-1 and a node's failure link
// always points to a lower number. Flat tables of integers can be written
// out as constants: the matcher for the built-in rule set is generated
// (see literals_gen.go) and costs nothing at start-up.
type acMatcher struct {
	root  [256]int32 // transitions from the root (dense: most steps start here)
	first []int32    // len(nodes)+1: children of n are first[n]..first[n+1]-1
	label string     // label[n]: the byte on the edge into node n
	fail  []int32
	// outFirst indexes outs: node n ends the literals
	// outs[outFirst[n]:outFirst[n+1]]; outLink[n] is the nearest node down
	// the failure links that ends literals of its own (0: none).
	outFirst []int32
	outs     []int32
	outLink  []int32
	lens     []int // byte length of each literal
	// rest[id] is what follows the first acDepth bytes of literal id, ""
	// for a shorter one: the trie holds only those first bytes, and the
	// rest is compared with the text where they occur. ("" too for a
	// literal that must match in case: cased has it, with its rest.)
	rest []string
	// wordStart and wordEnd say whether an occurrence of each literal
	// counts only where it starts (ends) a word. (For a literal that must
	// match in case, cased checks that.)
	wordStart, wordEnd []bool
	// dense, once built, is the automaton with every transition looked
	// up ahead (see denseAC); scans counts the texts scanned, which
	// decides when to build it.
	dense atomic.Pointer[denseAC]
	scans atomic.Int32
	// checks, once made, lists what is looked at at each node
	// (see nodeChecks).
	checksOnce sync.Once
	checks     *nodeChecks
	// cased finds the literals that must match in case, in the text as
	// written rather than lower-cased: there "IN" or "OR" are rare words,
	// where in lower case they would end at every "in" and "or" of the ad
	// and be checked and refused there. It knows literal i of its own as
	// literal casedIDs[i] of this matcher, whose trie leaves them out.
	cased    *acMatcher
	casedIDs []int32
}

// A denseAC holds the next node of every node for every byte, as a table:
// a step is one lookup where the sparse automaton scans a node's children
// and follows failure links. Bytes are grouped into classes (the bytes
// that label the trie's edges, one each, and all others as class 0) to
// keep it small.
type denseAC struct {
	class [256]uint8
	nc    int
	// next[n*nc+k] is the next node of node n for class k, with bit
	// denseOut set when that node ends some literal: most steps end none,
	// and skip the lists of outputs.
	next []uint16
}

const denseOut = 1 << 15

// denseFrom is the number of texts scanned after which the dense table is
// built, on another goroutine: worth its cost (about a millisecond) over
// many ads, not for one.
const denseFrom = 2

// maxDense bounds the entries of a dense table (2 bytes each): a config
// with a great many literals keeps the sparse automaton rather than
// holding tens of megabytes.
const maxDense = 4 << 20

// newDenseAC returns the dense table of m, or nil when m has too many
// nodes or bytes for it, or the table would be too large.
func newDenseAC(m *acMatcher) *denseAC {
	nodes := len(m.first) - 1
	if nodes >= denseOut {
		return nil
	}
	d := &denseAC{nc: 1}
	var rep []byte // a byte of each class
	rep = append(rep, 0)
	for i := 0; i < len(m.label); i++ {
		if c := m.label[i]; i > 0 && d.class[c] == 0 {
			if d.nc == 256 {
				return nil
			}
			d.class[c] = uint8(d.nc)
			rep = append(rep, c)
			d.nc++
		}
	}
	nc := d.nc
	if nodes*nc > maxDense {
		return nil
	}
	d.next = make([]uint16, nodes*nc)
	entry := func(n int32) uint16 {
		if m.outFirst[n] < m.outFirst[n+1] || m.outLink[n] != 0 {
			return uint16(n) | denseOut
		}
		return uint16(n)
	}
	for k := 1; k < nc; k++ {
		d.next[k] = entry(m.root[rep[k]])
	}
	// Every byte leading out of the root labels a node, so has a class.
	// Nodes are numbered breadth first, so a node's failure node, which
	// is shallower, has its row filled already.
	for n := 1; n < nodes; n++ {
		row := d.next[n*nc : (n+1)*nc]
		f := int(m.fail[n])
		copy(row, d.next[f*nc:(f+1)*nc])
		for i := m.first[n]; i < m.first[n+1]; i++ {
			row[d.class[m.label[i]]] = entry(i)
		}
	}
	return d
}

// acDepth bounds the depth of the trie. Long literals would otherwise
// make most of its nodes, and its dense table too large to stay in a
// processor's cache while a document is scanned; their first bytes are
// rare enough that comparing the rest where they occur costs little.
const acDepth = 5

// newACMatcher builds a matcher for the literal table keys keys (see
// reqLit.encode).
func newACMatcher(keys []string) *acMatcher {
	lits := make([]string, len(keys))
	m := &acMatcher{lens: make([]int, len(keys)), rest: make([]string, len(keys)),
		wordStart: make([]bool, len(keys)), wordEnd: make([]bool, len(keys))}
	var order []int32 // the literals of the trie
	var casedKeys []string
	for i, k := range keys {
		var orig string
		lits[i], orig, m.wordStart[i], m.wordEnd[i] = decodeLiteral(k)
		m.lens[i] = len(lits[i])
		if orig != "" {
			// As a key of its own with no case mark, searched for in the
			// text as written.
			casedKeys = append(casedKeys, reqLit{s: orig, wordStart: m.wordStart[i], wordEnd: m.wordEnd[i]}.encode())
			m.casedIDs = append(m.casedIDs, int32(i))
			continue
		}
		if len(lits[i]) > acDepth {
			lits[i], m.rest[i] = lits[i][:acDepth], lits[i][acDepth:]
		}
		order = append(order, int32(i))
	}
	if len(casedKeys) > 0 {
		m.cased = newACMatcher(casedKeys)
	}
	sort.SliceStable(order, func(a, b int) bool { return lits[order[a]] < lits[order[b]] })

	m.outFirst = []int32{0}
	first, label := trieLevels(len(order), func(i int) string { return lits[order[i]] }, func(lo, eq int) {
		for i := lo; i < eq; i++ { // the literals that end at the node
			m.outs = append(m.outs, order[i])
		}
		m.outFirst = append(m.outFirst, int32(len(m.outs)))
	})
	m.first, m.label = first, string(label)
	nodes := len(label)
	for c := 0; c < 256; c++ {
		m.root[c] = m.child(0, byte(c))
	}
	// Breadth-first numbering puts every failure link on a node already
	// done; the children of each node, parent by parent, come in that
	// order.
	m.fail = make([]int32, nodes)
	m.outLink = make([]int32, nodes)
	for p := int32(0); p < int32(nodes); p++ {
		for n := m.first[p]; n < m.first[p+1]; n++ {
			f := int32(0)
			if p != 0 {
				f = m.step(m.fail[p], m.label[n])
			}
			m.fail[n] = f
			if m.outFirst[f] < m.outFirst[f+1] {
				m.outLink[n] = f
			} else {
				m.outLink[n] = m.outLink[f]
			}
		}
	}
	return m
}

// trieLevels builds a flat trie (see childOf) of n keys in sorted order,
// key(i) being the i-th, level by level: its nodes are the keys' distinct
// prefixes, numbered breadth-first, and node(lo, eq) is called for each
// in turn with the keys lo to eq-1, those equal to its prefix (they sort
// first among the keys that start with it).
func trieLevels(n int, key func(int) string, node func(lo, eq int)) (first []int32, label []byte) {
	type group struct{ lo, hi int }
	size := trieSize(n, key)
	first, label = make([]int32, 0, size+1), make([]byte, 1, size)
	level, next := []group{{0, n}}, []group(nil)
	for d := 0; len(level) > 0; d++ {
		next = next[:0]
		for _, g := range level {
			i := g.lo
			for i < g.hi && len(key(i)) == d {
				i++
			}
			node(g.lo, i)
			first = append(first, int32(len(label)))
			for i < g.hi {
				c := key(i)[d]
				j := i + 1
				for j < g.hi && key(j)[d] == c {
					j++
				}
				next = append(next, group{i, j})
				label = append(label, c)
				i = j
			}
		}
		level, next = next, level
	}
	return append(first, int32(len(label))), label
}

// trieSize returns the most nodes trieLevels makes of n keys, key(i)
// being the i-th: the root and one per byte of the keys.
func trieSize(n int, key func(int) string) int {
	size := 1
	for i := range n {
		size += len(key(i))
	}
	return size
}

// child returns n's child labelled c, or 0.
func (m *acMatcher) child(n int32, c byte) int32 {
	return max(childOf(m.first, m.label, n, c), 0)
}

// childOf returns the child labelled c of node n of a flat trie, or -1:
// the children of node n are the nodes first[n] to first[n+1]-1, in the
// order of their labels, and label[i] is the byte on the edge into node i.
func childOf(first []int32, label string, n int32, c byte) int32 {
	for i := first[n]; i < first[n+1]; i++ {
		if k := label[i]; k >= c {
			if k == c {
				return i
			}
			break
		}
	}
	return -1
}

func (m *acMatcher) step(n int32, c byte) int32 {
	for n != 0 {
		if x := m.child(n, c); x != 0 {
			return x
		}
		n = m.fail[n]
	}
	return m.root[c]
}

// startDense counts a text scanned with the sparse automaton, and builds
// the dense table, on another goroutine, once denseFrom have been.
func (m *acMatcher) startDense() {
	if m.scans.Add(1) == denseFrom { // true once
		go func() {
			if d := newDenseAC(m); d != nil {
				m.dense.Store(d)
			}
		}()
	}
}

// nodeChecks lists, for each node, the literals that end, or may go on to
// end, where the automaton is at that node (the node's own, then those
// down its output links; one with more bytes than the trie holds ends
// where the rest of it follows in the text, if it does), with what an
// occurrence must pass, in one flat table: a document's occurrences are
// checked in a loop over it, not through a call per literal.
type nodeChecks struct {
	first []int32 // the checks of node n are list[first[n]:first[n+1]]
	list  []litCheck
}

// A litCheck is what an occurrence of literal id must pass: 12 bytes, so
// that the table stays small (most literals have no rest).
type litCheck struct {
	id    int32
	len   int32 // the literal's length in bytes
	flags uint8
	// next is the first byte of the rest, when there is one: a node may
	// end the first bytes of dozens of long literals, most of which the
	// next byte of the text tells apart.
	next byte
}

// Flags of a litCheck.
const (
	checkRest  = 1 << iota // acMatcher.rest[id] must follow
	checkStart             // it must start a word
	checkEnd               // it must end a word
)

func (m *acMatcher) nodeChecks() *nodeChecks {
	m.checksOnce.Do(func() {
		nodes := len(m.first) - 1
		size := 0
		for n := 0; n < nodes; n++ {
			for e := int32(n); e != 0; e = m.outLink[e] {
				size += int(m.outFirst[e+1] - m.outFirst[e])
			}
		}
		c := &nodeChecks{first: make([]int32, nodes+1), list: make([]litCheck, 0, size)}
		for n := 0; n < nodes; n++ {
			c.first[n] = int32(len(c.list))
			for e := int32(n); e != 0; e = m.outLink[e] {
				for _, id := range m.outs[m.outFirst[e]:m.outFirst[e+1]] {
					c.list = append(c.list, m.litCheck(id))
				}
			}
		}
		c.first[nodes] = int32(len(c.list))
		m.checks = c
	})
	return m.checks
}

// litCheck returns the check of literal id.
func (m *acMatcher) litCheck(id int32) litCheck {
	c := litCheck{id: id, len: int32(m.lens[id])}
	if m.rest[id] != "" {
		c.flags |= checkRest
		c.next = m.rest[id][0]
	}
	if m.wordStart[id] {
		c.flags |= checkStart
	}
	if m.wordEnd[id] {
		c.flags |= checkEnd
	}
	return c
}

// occurrences appends to hits the occurrences of every literal that lie
// inside one of blocks and pass the literal's checks (whole words): in
// lower (the lower-cased text), or in text for those that must match in
// case. The ends of one literal come in order; those of different
// literals not always (a literal's occurrence is found where its first
// acDepth bytes end, and those that must match in case may come after all
// others).
func (m *acMatcher) occurrences(text, lower string, blocks []linter.Block, hits []literalHit) []literalHit {
	st := occurrenceScan{m: m, checks: m.nodeChecks(), text: lower, blocks: blocks}
	if m.cased == nil {
		return st.scan(hits)
	}
	sc := occurrenceScan{m: m.cased, checks: m.cased.nodeChecks(), text: text, blocks: blocks, ids: m.casedIDs}
	d, dc := m.dense.Load(), m.cased.dense.Load()
	if d == nil || dc == nil {
		return sc.scan(st.scan(hits))
	}
	// Both automata step through the text together: neither waits on
	// the other's table lookups.
	n, nc, c, ncc := 0, d.nc, 0, dc.nc
	for i := 0; i < len(lower); i++ {
		v := d.next[n*nc+int(d.class[lower[i]])]
		w := dc.next[c*ncc+int(dc.class[text[i]])]
		n, c = int(v&^denseOut), int(w&^denseOut)
		if (v|w)&denseOut != 0 {
			if v&denseOut != 0 {
				hits = st.at(int32(n), i+1, hits)
			}
			if w&denseOut != 0 {
				hits = sc.at(int32(c), i+1, hits)
			}
		}
	}
	return hits
}

// scan appends to hits the occurrences in st.text of the literals of
// st.m's trie.
func (st *occurrenceScan) scan(hits []literalHit) []literalHit {
	m, s := st.m, st.text
	if d := m.dense.Load(); d != nil {
		n, nc := 0, d.nc
		for i := 0; i < len(s); i++ {
			v := d.next[n*nc+int(d.class[s[i]])]
			n = int(v &^ denseOut)
			if v&denseOut != 0 {
				hits = st.at(int32(n), i+1, hits)
			}
		}
		return hits
	}
	m.startDense()
	n := int32(0)
	for i := 0; i < len(s); i++ {
		n = m.step(n, s[i])
		if st.checks.first[n] < st.checks.first[n+1] {
			hits = st.at(n, i+1, hits)
		}
	}
	return hits
}

// wordEdges reports whether text[start:end] starts a word, if it must
// (wordStart), and ends one, if it must (wordEnd); text is an ad's text
// or its lower-cased form, which have the same word bytes.
func wordEdges(text string, start, end int, wordStart, wordEnd bool) bool {
	return (!wordStart || start == 0 || !isWordByte(text[start-1])) && (!wordEnd || end == len(text) || !isWordByte(text[end]))
}

// occurrenceScan is the state of occurrences.
type occurrenceScan struct {
	m      *acMatcher
	checks *nodeChecks
	text   string // the text scanned
	blocks []linter.Block
	bi     int     // the block of the last occurrence kept
	ids    []int32 // the ids to give m's literals; nil: their own
}

// at appends to hits the literals found at node n with the scan at offset
// i that pass their checks.
func (st *occurrenceScan) at(n int32, i int, hits []literalHit) []literalHit {
	text := st.text
	for k := st.checks.first[n]; k < st.checks.first[n+1]; k++ {
		c := st.checks.list[k]
		end := i
		if c.flags&checkRest != 0 {
			if i == len(text) || text[i] != c.next {
				continue
			}
			rest := st.m.rest[c.id]
			if !strings.HasPrefix(text[i:], rest) {
				continue
			}
			end += len(rest)
		}
		start := end - int(c.len)
		if !wordEdges(text, start, end, c.flags&checkStart != 0, c.flags&checkEnd != 0) {
			continue // inside a word, where the expression cannot have it
		}
		// Ends come nearly in order (see acMatcher.rest): the first block
		// that ends after this one is near the last.
		at, bi, blocks := end-1, st.bi, st.blocks
		for bi > 0 && blocks[bi-1].End > at {
			bi--
		}
		for bi < len(blocks) && blocks[bi].End <= at {
			bi++
		}
		st.bi = bi
		if bi >= len(blocks) || blocks[bi].Start > start {
			continue // not inside one block
		}
		id := c.id
		if st.ids != nil {
			id = st.ids[id]
		}
		hits = append(hits, literalHit{id, end})
	}
	return hits
}
