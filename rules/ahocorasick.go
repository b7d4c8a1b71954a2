package rules

import "sort"

// acMatcher finds which of a set of byte strings occur in a text, in one
// pass (Aho-Corasick). It serves as the literal prefilter of all patterns:
// instead of searching an ad once per literal, the ad is scanned once.
type acMatcher struct {
	root  [256]int32 // transitions from the root (dense: most steps start here)
	nodes []acNode
	lens  []int // byte length of each literal
	// wordStart and wordEnd say whether an occurrence of each literal
	// counts only where it starts (ends) a word.
	wordStart, wordEnd []bool
	orig               []string // what an occurrence must be in case, or ""
}

type acNode struct {
	keys []byte  // sorted labels of the children
	next []int32 // child per label
	fail int32
	// out lists the literal ids ending here; outLink is the nearest node
	// down the failure links with ids of its own (0: none).
	out     []int32
	outLink int32
}

// newACMatcher builds a matcher for the literal table keys keys (see
// reqLit.encode).
func newACMatcher(keys []string) *acMatcher {
	lits := make([]string, len(keys))
	m := &acMatcher{lens: make([]int, len(keys)),
		wordStart: make([]bool, len(keys)), wordEnd: make([]bool, len(keys)), orig: make([]string, len(keys))}
	size := 1
	for i, k := range keys {
		lits[i], m.orig[i], m.wordStart[i], m.wordEnd[i] = decodeLiteral(k)
		m.lens[i] = len(lits[i])
		size += len(lits[i])
	}
	// Inserted in sorted order, the children of every node arrive in the
	// order of their labels and are appended.
	order := make([]int, len(lits))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool { return lits[order[a]] < lits[order[b]] })
	m.nodes = make([]acNode, 1, size)
	for _, id := range order {
		l := lits[id]
		n := int32(0)
		for i := 0; i < len(l); i++ {
			c := l[i]
			nd := &m.nodes[n]
			if k := len(nd.keys); k > 0 && nd.keys[k-1] == c {
				n = nd.next[k-1]
				continue
			}
			nx := int32(len(m.nodes))
			nd.keys = append(nd.keys, c)
			nd.next = append(nd.next, nx)
			m.nodes = append(m.nodes, acNode{})
			n = nx
		}
		m.nodes[n].out = append(m.nodes[n].out, int32(id))
	}
	for c := 0; c < 256; c++ {
		m.root[c] = m.child(0, byte(c))
	}
	// Breadth-first: failure and output links.
	queue := make([]int32, 0, len(m.nodes))
	queue = append(queue, m.nodes[0].next...)
	for q := 0; q < len(queue); q++ {
		n := queue[q]
		for i, c := range m.nodes[n].keys {
			nx := m.nodes[n].next[i]
			f := int32(0)
			if n != 0 {
				f = m.step(m.nodes[n].fail, c)
			}
			m.nodes[nx].fail = f
			if len(m.nodes[f].out) > 0 {
				m.nodes[nx].outLink = f
			} else {
				m.nodes[nx].outLink = m.nodes[f].outLink
			}
			queue = append(queue, nx)
		}
	}
	return m
}

// child returns n's child labelled c, or 0.
func (m *acMatcher) child(n int32, c byte) int32 {
	nd := &m.nodes[n]
	i := sort.Search(len(nd.keys), func(i int) bool { return nd.keys[i] >= c })
	if i < len(nd.keys) && nd.keys[i] == c {
		return nd.next[i]
	}
	return 0
}

func (m *acMatcher) step(n int32, c byte) int32 {
	for {
		if n == 0 {
			return m.root[c]
		}
		nd := &m.nodes[n]
		for i, k := range nd.keys {
			if k == c {
				return nd.next[i]
			}
			if k > c {
				break
			}
		}
		n = nd.fail
	}
}

// scan calls hit(id, end) for every occurrence of every literal in text,
// end being the offset just after it.
func (m *acMatcher) scan(text string, hit func(id int32, end int)) {
	n := int32(0)
	for i := 0; i < len(text); i++ {
		n = m.step(n, text[i])
		for e := n; e != 0; e = m.nodes[e].outLink {
			for _, id := range m.nodes[e].out {
				hit(id, i+1)
			}
		}
	}
}
