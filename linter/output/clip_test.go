package output

import (
	"math/rand"
	"strings"
	"testing"
)

// TestClipLongLines checks that tailText and headText, which convert only
// the end or start of a long line, give what clipping the whole line gives,
// with multi-byte characters, invalid UTF-8 and cuts inside a character.
func TestClipLongLines(t *testing.T) {
	pieces := []string{"a", "é", "€", "🚀", "\xff", "\xe2\x80", "\xbf", " "}
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 2000; i++ {
		var b strings.Builder
		for n := rng.Intn(400); n > 0; n-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		src := []byte(b.String())
		lo := rng.Intn(len(src) + 1)
		hi := lo + rng.Intn(len(src)-lo+1)
		n := rng.Intn(50)
		if got, want := tailText(src, lo, hi, n), clipLeft(string(src[lo:hi]), n); got != want {
			t.Fatalf("tailText(%q, %d, %d, %d) = %q, want %q", src, lo, hi, n, got, want)
		}
		if got, want := headText(src, lo, hi, n), clipRight(string(src[lo:hi]), n); got != want {
			t.Fatalf("headText(%q, %d, %d, %d) = %q, want %q", src, lo, hi, n, got, want)
		}
	}
}
