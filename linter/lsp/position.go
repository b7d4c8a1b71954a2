package lsp

import (
	"sort"
	"unicode/utf8"
)

// lineIndex converts between byte offsets into a text and LSP positions,
// whose characters count UTF-16 code units. Lines end at "\n", "\r\n" or
// a lone "\r", as the protocol says.
//
// Marks every markEvery bytes record how many UTF-16 units precede them,
// so a conversion counts at most markEvery bytes however long the line: a
// document that is one long line with thousands of findings converts in
// linear time, not quadratic.
type lineIndex struct {
	text   string
	starts []int  // byte offset of each line's first byte
	marks  []mark // marks[0] is {0, 0}; offsets and units increase
	ascii  bool   // every byte is ASCII: units are bytes
}

type mark struct{ off, units int }

const markEvery = 256

func newLineIndex(text string) *lineIndex {
	li := &lineIndex{text: text, starts: make([]int, 1, 1+len(text)/40), marks: []mark{{0, 0}}, ascii: true}
	units, next := 0, markEvery
	for i := 0; i < len(text); {
		c := text[i]
		if i >= next {
			li.marks = append(li.marks, mark{i, units})
			next = i + markEvery
		}
		switch {
		case c == '\n':
			li.starts = append(li.starts, i+1)
		case c == '\r':
			if i+1 < len(text) && text[i+1] == '\n' {
				units++
				i++
			}
			li.starts = append(li.starts, i+1)
		case c >= utf8.RuneSelf:
			li.ascii = false
			r, size := utf8.DecodeRuneInString(text[i:])
			units++
			if r >= 0x10000 {
				units++
			}
			i += size
			continue
		}
		units++
		i++
	}
	return li
}

// unitsAt returns the number of UTF-16 units before byte offset off.
func (li *lineIndex) unitsAt(off int) int {
	if li.ascii {
		return off
	}
	k := sort.Search(len(li.marks), func(i int) bool { return li.marks[i].off > off }) - 1
	return li.marks[k].units + utf16Len(li.text[li.marks[k].off:off])
}

// lineEnd returns the offset just before line's terminator.
func (li *lineIndex) lineEnd(line int) int {
	if line+1 >= len(li.starts) {
		return len(li.text)
	}
	end := li.starts[line+1] - 1
	if end > li.starts[line] && li.text[end] == '\n' && li.text[end-1] == '\r' {
		end--
	}
	return end
}

// position returns the position of byte offset off (clamped to the text).
func (li *lineIndex) position(off int) Position {
	off = max(0, min(off, len(li.text)))
	line := sort.Search(len(li.starts), func(i int) bool { return li.starts[i] > off }) - 1
	return Position{Line: line, Character: li.unitsAt(off) - li.unitsAt(li.starts[line])}
}

// rangeOf returns the range of the byte span [start, end).
func (li *lineIndex) rangeOf(start, end int) Range {
	return Range{li.position(start), li.position(end)}
}

// offset returns the byte offset of p. A line past the end means the end
// of the text; a character past the end of its line means the end of the
// line (before its terminator), as the protocol asks; a character inside a
// surrogate pair means the start of that character.
func (li *lineIndex) offset(p Position) int {
	if p.Line < 0 {
		return 0
	}
	if p.Line >= len(li.starts) {
		return len(li.text)
	}
	start, end := li.starts[p.Line], li.lineEnd(p.Line)
	if li.ascii {
		return start + max(0, min(p.Character, end-start))
	}
	// Start from the last mark inside the line at or before the target.
	target := li.unitsAt(start) + max(0, p.Character)
	off, units := start, li.unitsAt(start)
	k := sort.Search(len(li.marks), func(i int) bool { return li.marks[i].off > end || li.marks[i].units > target }) - 1
	if k >= 0 && li.marks[k].off > start {
		off, units = li.marks[k].off, li.marks[k].units
	}
	for off < end && units < target {
		r, size := utf8.DecodeRuneInString(li.text[off:end])
		w := 1
		if r >= 0x10000 {
			w = 2
		}
		if units+w > target {
			break
		}
		units += w
		off += size
	}
	return off
}

// utf16Len returns the length of s in UTF-16 code units. A byte that is
// not valid UTF-8 counts as one unit (it reaches the client as U+FFFD).
func utf16Len(s string) int {
	n := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			n++
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
		i += size
	}
	return n
}
