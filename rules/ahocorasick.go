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
}

type acNode struct {
	keys []byte  // sorted labels of the children
	next []int32 // child per label
	fail int32
	// out lists the literal ids ending here, including those ending at
	// the nodes the failure links lead to.
	out []int32
}

// newACMatcher builds a matcher for the literal table keys keys (see
// reqLit.encode).
func newACMatcher(keys []string) *acMatcher {
	lits := make([]string, len(keys))
	m := &acMatcher{nodes: []acNode{{}}, lens: make([]int, len(keys)),
		wordStart: make([]bool, len(keys)), wordEnd: make([]bool, len(keys))}
	for i, k := range keys {
		lits[i], m.wordStart[i], m.wordEnd[i] = decodeLiteral(k)
	}
	child := func(n int32, c byte) int32 {
		nd := &m.nodes[n]
		i := sort.Search(len(nd.keys), func(i int) bool { return nd.keys[i] >= c })
		if i < len(nd.keys) && nd.keys[i] == c {
			return nd.next[i]
		}
		return -1
	}
	for id, l := range lits {
		m.lens[id] = len(l)
		n := int32(0)
		for i := 0; i < len(l); i++ {
			c := l[i]
			nx := child(n, c)
			if nx < 0 {
				nx = int32(len(m.nodes))
				m.nodes = append(m.nodes, acNode{})
				nd := &m.nodes[n]
				j := sort.Search(len(nd.keys), func(j int) bool { return nd.keys[j] >= c })
				nd.keys = append(nd.keys, 0)
				nd.next = append(nd.next, 0)
				copy(nd.keys[j+1:], nd.keys[j:])
				copy(nd.next[j+1:], nd.next[j:])
				nd.keys[j], nd.next[j] = c, nx
			}
			n = nx
		}
		m.nodes[n].out = append(m.nodes[n].out, int32(id))
	}
	// Breadth-first: failure links and inherited outputs.
	queue := []int32{}
	for i, c := range m.nodes[0].keys {
		n := m.nodes[0].next[i]
		m.nodes[n].fail = 0
		queue = append(queue, n)
		_ = c
	}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		for i, c := range m.nodes[n].keys {
			nx := m.nodes[n].next[i]
			f := m.nodes[n].fail
			for {
				if t := child(f, c); t >= 0 && t != nx {
					m.nodes[nx].fail = t
					break
				}
				if f == 0 {
					m.nodes[nx].fail = 0
					break
				}
				f = m.nodes[f].fail
			}
			m.nodes[nx].out = append(m.nodes[nx].out, m.nodes[m.nodes[nx].fail].out...)
			queue = append(queue, nx)
		}
	}
	for c := 0; c < 256; c++ {
		m.root[c] = child(0, byte(c))
		if m.root[c] < 0 {
			m.root[c] = 0
		}
	}
	return m
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
		if n != 0 {
			for _, id := range m.nodes[n].out {
				hit(id, i+1)
			}
		}
	}
}
