package linter

import (
	"sort"
	"unicode/utf8"
)

// runeMarkEvery is the spacing, in bytes, of the rune counts a document
// keeps for columns on long lines.
const runeMarkEvery = 4096

// runeMark records that Source[:off] holds runes runes; off is a rune
// boundary.
type runeMark struct{ off, runes int }

// runesBetween returns utf8.RuneCount(d.Source[start:off]), start being a
// line start (a rune boundary). Counting from the line start for every
// finding made columns on a long line quadratic (a 10 MB line with
// thousands of findings took hours), so past runeMarkEvery bytes the count
// comes from rune counts kept every runeMarkEvery bytes of the source.
func (d *Document) runesBetween(start, off int) int {
	if off-start <= runeMarkEvery {
		return utf8.RuneCount(d.Source[start:off])
	}
	d.runeOnce.Do(d.markRunes)
	return d.runesBefore(off) - d.runesBefore(start)
}

func (d *Document) markRunes() {
	src := d.Source
	n, next := 0, 0
	for i := 0; i < len(src); n++ {
		if i >= next {
			d.runeMarks = append(d.runeMarks, runeMark{i, n})
			next = i + runeMarkEvery
		}
		if src[i] < utf8.RuneSelf {
			i++
		} else {
			_, size := utf8.DecodeRune(src[i:])
			i += size
		}
	}
}

// runesBefore returns utf8.RuneCount(d.Source[:x]).
func (d *Document) runesBefore(x int) int {
	k := sort.Search(len(d.runeMarks), func(k int) bool { return d.runeMarks[k].off > x }) - 1
	if k < 0 {
		return utf8.RuneCount(d.Source[:x])
	}
	m := d.runeMarks[k]
	return m.runes + utf8.RuneCount(d.Source[m.off:x])
}
