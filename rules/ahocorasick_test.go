package rules

import (
	"math/rand"
	"slices"
	"sort"
	"strings"
	"testing"
)

// TestACMatcher compares the matcher with strings.Index on random texts.
func TestACMatcher(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	alpha := "abc$£ "
	word := func(n int) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			b.WriteByte(alpha[r.Intn(len(alpha))])
		}
		return b.String()
	}
	for round := 0; round < 200; round++ {
		var lits []string
		for i := 0; i < 1+r.Intn(12); i++ {
			lits = append(lits, word(1+r.Intn(4)))
		}
		text := word(r.Intn(60))
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
		m := newACMatcher(lits)
		var got []string
		m.scan(text, func(id int32, end int) {
			got = append(got, lits[id]+"@"+string(rune('0'+end%10))+string(rune('0'+end/10)))
		})
		var want []string
		for _, l := range lits {
			for i := 0; i+len(l) <= len(text); i++ {
				if text[i:i+len(l)] == l {
					end := i + len(l)
					want = append(want, l+"@"+string(rune('0'+end%10))+string(rune('0'+end/10)))
				}
			}
		}
		// The dense table finds the same, in the same order.
		d := newDenseAC(m)
		if d == nil {
			t.Fatalf("lits %q: no dense table", lits)
		}
		var dense []string
		m.scanDense(d, text, func(id int32, end int) {
			dense = append(dense, lits[id]+"@"+string(rune('0'+end%10))+string(rune('0'+end/10)))
		})
		if strings.Join(got, ",") != strings.Join(dense, ",") {
			t.Fatalf("lits %q text %q:\n sparse %v\n  dense %v", lits, text, got, dense)
		}
		sort.Strings(got)
		sort.Strings(want)
		if strings.Join(got, ",") != strings.Join(want, ",") {
			t.Fatalf("lits %q text %q:\n got %v\nwant %v", lits, text, got, want)
		}
	}
}

// TestDenseBuiltin compares the dense table of the built-in matcher with
// the sparse automaton over the example and fixture ads.
func TestDenseBuiltin(t *testing.T) {
	d := newDenseAC(builtinMatcher)
	if d == nil {
		t.Fatal("no dense table for the built-in literals")
	}
	for _, doc := range builtinDocs(t) {
		text := doc.LowerText()
		var sparse, dense []int
		n := int32(0)
		for i := 0; i < len(text); i++ {
			n = builtinMatcher.step(n, text[i])
			sparse = append(sparse, int(n))
		}
		m := 0
		for i := 0; i < len(text); i++ {
			v := d.next[m*d.nc+int(d.class[text[i]])]
			m = int(v &^ denseOut)
			dense = append(dense, m)
			// The mark says whether the node or one down its
			// failure links ends literals.
			ends := builtinMatcher.outFirst[m] < builtinMatcher.outFirst[m+1] || builtinMatcher.outLink[m] != 0
			if ends != (v&denseOut != 0) {
				t.Fatalf("%s: node %d is marked %v as ending literals, want %v", doc.Path, m, !ends, ends)
			}
		}
		if !slices.Equal(sparse, dense) {
			t.Fatalf("%s: the dense table steps differently", doc.Path)
		}
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
	found := 0
	m.scan("xx"+lits[17]+"yy", func(id int32, end int) {
		if id == 17 && end == 12 {
			found++
		}
	})
	if found != 1 {
		t.Errorf("literal 17 found %d times, want once", found)
	}
}
