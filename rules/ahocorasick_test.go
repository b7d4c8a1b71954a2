package rules

import (
	"math/rand"
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
		sort.Strings(got)
		sort.Strings(want)
		if strings.Join(got, ",") != strings.Join(want, ",") {
			t.Fatalf("lits %q text %q:\n got %v\nwant %v", lits, text, got, want)
		}
	}
}
