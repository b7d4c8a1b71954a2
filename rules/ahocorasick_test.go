package rules

import (
	"math/rand"
	"slices"
	"strings"
	"testing"

	"github.com/hirelint/hirelint/linter"
)

// occurrencesBoth returns the occurrences m finds in text (lower-cased
// in ASCII) within blocks with the sparse automata, after checking that
// each literal's ends come in order, and that with the dense tables (the
// lower-case one, the one in case, or both, as they may be built at
// different times) each literal's are the same.
func occurrencesBoth(t *testing.T, m *acMatcher, text string, blocks []linter.Block) []literalHit {
	t.Helper()
	ms := []*acMatcher{m}
	if m.cased != nil {
		ms = append(ms, m.cased)
	}
	for _, m := range ms {
		m.scans.Store(denseFrom) // no dense table is built in the background
	}
	byID := func(a, b literalHit) int { return int(a.id - b.id) }
	sparse := m.occurrences(text, asciiLower(text), blocks, nil)
	checkEndsInOrder(t, sparse)
	slices.SortStableFunc(sparse, byID)
	for state := 1; state < 1<<len(ms); state++ {
		for i, m := range ms {
			m.dense.Store(nil)
			if state&(1<<i) != 0 {
				d := newDenseAC(m)
				if d == nil {
					t.Fatalf("no dense table")
				}
				m.dense.Store(d)
			}
		}
		dense := m.occurrences(text, asciiLower(text), blocks, nil)
		checkEndsInOrder(t, dense)
		slices.SortStableFunc(dense, byID)
		if !slices.Equal(sparse, dense) {
			t.Fatalf("text %q, dense tables %b:\n sparse %v\n  dense %v", text, state, sparse, dense)
		}
	}
	for _, m := range ms {
		m.dense.Store(nil)
	}
	return sparse
}

// checkEndsInOrder checks that each literal's ends in hits ascend, as
// groupHits needs.
func checkEndsInOrder(t *testing.T, hits []literalHit) {
	t.Helper()
	last := map[int32]int{}
	for _, h := range hits {
		if e, ok := last[h.id]; ok && e >= h.end {
			t.Fatalf("literal %d ends at %d after %d: %v", h.id, h.end, e, hits)
		}
		last[h.id] = h.end
	}
}

// TestACMatcher compares the occurrences the matcher finds with those of
// each literal found by strings.HasPrefix at every offset, on random texts
// and literals, some longer than the trie is deep, some that must start or
// end a word or match in case, in random blocks.
func TestACMatcher(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	alpha := "abcAB$£ _"
	word := func(n int) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			b.WriteByte(alpha[r.Intn(len(alpha))])
		}
		return b.String()
	}
	for round := 0; round < 400; round++ {
		text := word(r.Intn(60))
		var lits []string
		for i := 0; i < 1+r.Intn(12); i++ {
			lits = append(lits, word(1+r.Intn(4)))
		}
		// Literals longer than the trie is deep, some of them in the
		// text, some sharing its first bytes only.
		for i := 0; i < r.Intn(4); i++ {
			if n := 1 + acDepth + r.Intn(4); n <= len(text) {
				at := r.Intn(len(text) - n + 1)
				l := text[at : at+n]
				if r.Intn(2) == 0 {
					l = l[:n-1] + "x"
				}
				lits = append(lits, l)
			}
		}
		// One whose first bytes end the text, with its rest cut off.
		if len(text) >= acDepth && r.Intn(2) == 0 {
			lits = append(lits, text[len(text)-acDepth:]+"x")
		}
		var keys []string
		for _, l := range lits {
			k := reqLit{s: asciiLower(l), wordStart: r.Intn(3) == 0, wordEnd: r.Intn(3) == 0}
			if r.Intn(3) == 0 {
				k.orig = l
			}
			if k.wordStart && !isWordByte(k.s[0]) || k.wordEnd && !isWordByte(k.s[len(k.s)-1]) {
				continue // the marks go only next to word characters
			}
			keys = append(keys, k.encode())
		}
		slices.Sort(keys)
		keys = slices.Compact(keys)
		if len(keys) == 0 {
			continue
		}
		var blocks []linter.Block
		for at := 0; at < len(text); {
			start := at + r.Intn(4)
			end := min(len(text), start+1+r.Intn(20))
			if start < end {
				blocks = append(blocks, linter.Block{Start: start, End: end})
			}
			at = end + 1
		}
		m := newACMatcher(keys)
		got := occurrencesBoth(t, m, text, blocks)
		// By the definition, with the same blocks.
		lower := asciiLower(text)
		var want []literalHit
		for id, k := range keys {
			s, orig, ws, we := decodeLiteral(k)
			for i := 0; i+len(s) <= len(text); i++ {
				end := i + len(s)
				switch {
				case lower[i:end] != s,
					ws && i > 0 && isWordByte(lower[i-1]),
					we && end < len(text) && isWordByte(lower[end]),
					orig != "" && text[i:end] != orig,
					!slices.ContainsFunc(blocks, func(b linter.Block) bool { return b.Start <= i && end <= b.End }):
					continue
				}
				want = append(want, literalHit{int32(id), end})
			}
		}
		order := func(a, b literalHit) int {
			if a.id != b.id {
				return int(a.id - b.id)
			}
			return a.end - b.end
		}
		slices.SortFunc(got, order)
		slices.SortFunc(want, order)
		if !slices.Equal(got, want) {
			t.Fatalf("keys %q text %q blocks %v:\n got %v\nwant %v", keys, text, blocks, got, want)
		}
	}
}

// TestDenseBuiltin compares the dense tables of the built-in matcher
// (the lower-cased text's and the one in case) with the sparse automata
// over the example and fixture ads.
func TestDenseBuiltin(t *testing.T) {
	if builtinMatcher.cased == nil {
		t.Fatal("the built-in literals that must match in case have no matcher of their own")
	}
	for _, doc := range builtinDocs(t) {
		denseSteps(t, doc.Path, builtinMatcher, doc.LowerText())
		denseSteps(t, doc.Path, builtinMatcher.cased, doc.Text)
	}
}

// denseSteps checks that the dense table of am steps through text as the
// sparse automaton does, and marks the nodes that end literals.
func denseSteps(t *testing.T, path string, am *acMatcher, text string) {
	t.Helper()
	d := newDenseAC(am)
	if d == nil {
		t.Fatal("no dense table for the built-in literals")
	}
	var sparse, dense []int
	n := int32(0)
	for i := 0; i < len(text); i++ {
		n = am.step(n, text[i])
		sparse = append(sparse, int(n))
	}
	m := 0
	for i := 0; i < len(text); i++ {
		v := d.next[m*d.nc+int(d.class[text[i]])]
		m = int(v &^ denseOut)
		dense = append(dense, m)
		// The mark says whether the node or one down its failure links
		// ends literals.
		ends := am.outFirst[m] < am.outFirst[m+1] || am.outLink[m] != 0
		if ends != (v&denseOut != 0) {
			t.Fatalf("%s: node %d is marked %v as ending literals, want %v", path, m, !ends, ends)
		}
	}
	if !slices.Equal(sparse, dense) {
		t.Fatalf("%s: the dense table steps differently", path)
	}
}

// TestDenseBounded checks that a matcher with many literals over many
// bytes gets no dense table, which would be too large, and still scans.
func TestDenseBounded(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	var lits []string
	for i := 0; i < 6000; i++ {
		b := make([]byte, 10)
		for j := range b {
			b[j] = byte(' ' + r.Intn(200))
		}
		lits = append(lits, string(b))
	}
	m := newACMatcher(lits)
	if nodes := len(m.first) - 1; nodes >= denseOut || nodes*200 <= maxDense {
		t.Fatalf("%d nodes: the test needs a table past the bound, not past the node limit", nodes)
	}
	if newDenseAC(m) != nil {
		t.Error("a dense table past the bound was built")
	}
	m.scans.Store(denseFrom) // scanning builds no dense table
	text := "xx" + lits[17] + "yy"
	found := 0
	for _, h := range m.occurrences(text, text, []linter.Block{{Start: 0, End: len(text)}}, nil) {
		if h.id == 17 && h.end == 12 {
			found++
		}
	}
	if found != 1 {
		t.Errorf("literal 17 found %d times, want once", found)
	}
}

// TestSplitLiteralRoundTrip checks that splitLiteral undoes encode: the
// text, the case mark and both word marks come back as they went in (a
// literal's text is never empty).
func TestSplitLiteralRoundTrip(t *testing.T) {
	for _, text := range []string{"a", "ab", "in", "e.g.", "c++", "naïve", "x y"} {
		for flags := 0; flags < 8; flags++ {
			l := reqLit{s: strings.ToLower(text), wordStart: flags&1 != 0, wordEnd: flags&2 != 0}
			wantCased := flags&4 != 0
			if wantCased {
				l.orig = strings.ToUpper(text[:1]) + text[1:]
			}
			s, cased, ws, we := splitLiteral(l.encode())
			want := l.s
			if wantCased {
				want = l.orig
			}
			if s != want || cased != wantCased || ws != l.wordStart || we != l.wordEnd {
				t.Errorf("%q flags %d: split %q cased %v start %v end %v", text, flags, s, cased, ws, we)
			}
		}
	}
}
