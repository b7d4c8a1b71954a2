package linter

import (
	"math/rand"
	"strings"
	"testing"
	"time"
)

// TestPositionLongLines checks columns on lines far longer than the
// spacing of the rune counts kept for them, with multi-byte characters,
// invalid UTF-8 and offsets inside a character, against a count by hand.
func TestPositionLongLines(t *testing.T) {
	pieces := []string{"a", "é", "€", "🚀", "\xff", "\xe2\x80", "\t", " ", "\r"}
	rng := rand.New(rand.NewSource(7))
	var b strings.Builder
	b.WriteString("\ufeff")
	for l := 0; l < 4; l++ {
		for b.Len() < (l+1)*3*runeMarkEvery {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		b.WriteString("\n")
	}
	d := Parse("x.txt", []byte(b.String()), PlainText)
	for off := 0; off <= len(d.Source); off += 1 + rng.Intn(97) {
		line, col := d.Position(off)
		wl, wc := positionByHand(d.Source, off)
		if line != wl || col != wc {
			t.Fatalf("Position(%d) = %d:%d, counted by hand %d:%d", off, line, col, wl, wc)
		}
	}
}

// TestPositionManyFindingsOnOneLine is the regression test for columns
// counted from the start of the line for every finding: 50,000 positions
// on a 5 MB line took minutes.
func TestPositionManyFindingsOnOneLine(t *testing.T) {
	src := []byte(strings.Repeat("We want a rockstar ninja. ", 200_000))
	d := Parse("x.txt", src, PlainText)
	start := time.Now()
	for off := 0; off < len(src); off += 100 {
		d.Position(off)
	}
	if el := time.Since(start); el > 5*time.Second {
		t.Errorf("50,000 positions on a 5 MB line took %v", el)
	}
	if _, col := d.Position(len(src)); col != len(src)+1 {
		t.Errorf("column at the end = %d, want %d", col, len(src)+1)
	}
}
