package lsp

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestLineIndex converts byte offsets to UTF-16 positions and back on
// lines with multi-byte characters: "é" is 2 bytes and 1 unit, "🚀" 4
// bytes and 2 units, "e\u0301" (e and a combining accent) 3 bytes and 2
// units, the Japanese "求人" 6 bytes and 2 units.
func TestLineIndex(t *testing.T) {
	text := "Café 🚀 rockstar\r\ne\u0301 求人 ninja\rlast\n"
	li := newLineIndex(text)
	tests := []struct {
		find string // the offset of the first occurrence
		want Position
	}{
		{"Café", Position{0, 0}},
		{"é", Position{0, 3}},
		{" 🚀", Position{0, 4}},
		{"🚀", Position{0, 5}},
		{" rockstar", Position{0, 7}},
		{"rockstar", Position{0, 8}},
		{"\r\n", Position{0, 16}},
		{"e\u0301", Position{1, 0}},
		{" 求人", Position{1, 2}},
		{"ninja", Position{1, 6}},
		{"\rlast", Position{1, 11}},
		{"last", Position{2, 0}},
	}
	for _, tt := range tests {
		off := strings.Index(text, tt.find)
		if got := li.position(off); got != tt.want {
			t.Errorf("position(%d) (at %q) = %+v, want %+v", off, tt.find, got, tt.want)
		}
		if got := li.offset(tt.want); got != off {
			t.Errorf("offset(%+v) = %d, want %d (at %q)", tt.want, got, off, tt.find)
		}
	}
	if got := li.position(len(text)); got != (Position{3, 0}) {
		t.Errorf("end of text: %+v, want 3:0", got)
	}
	// Positions outside the text are clamped as the protocol says.
	clamp := []struct {
		p    Position
		want int
	}{
		{Position{0, 99}, strings.Index(text, "\r\n")},     // past the line: its end, before "\r\n"
		{Position{1, 99}, strings.Index(text, "\rlast")},   // a lone "\r" ends a line too
		{Position{2, 99}, strings.Index(text, "last") + 4}, // not past "\n"
		{Position{9, 0}, len(text)},                        // past the last line
		{Position{3, 5}, len(text)},                        // the empty last line
		{Position{-1, 0}, 0},
		{Position{0, 6}, strings.Index(text, "🚀")},      // inside the surrogate pair: the emoji's start
		{Position{1, 1}, strings.Index(text, "\u0301")}, // between e and its accent
		{Position{1, 4}, strings.Index(text, "人")},
		{Position{1, 10}, strings.Index(text, "\rlast") - 1},
	}
	for _, tt := range clamp {
		if got := li.offset(tt.p); got != tt.want {
			t.Errorf("offset(%+v) = %d, want %d", tt.p, got, tt.want)
		}
	}
}

func TestUTF16Len(t *testing.T) {
	for s, want := range map[string]int{"": 0, "abc": 3, "é": 1, "🚀": 2, "🧑‍💻": 5, "e\u0301": 2, "求人": 2, "\xff": 1} {
		if got := utf16Len(s); got != want {
			t.Errorf("utf16Len(%q) = %d, want %d", s, got, want)
		}
	}
}

// TestApplyChanges applies incremental changes in order, each against the
// text the previous one left, and full replacements.
func TestApplyChanges(t *testing.T) {
	r := func(l1, c1, l2, c2 int) *Range { return &Range{Position{l1, c1}, Position{l2, c2}} }
	tests := []struct {
		name, text string
		changes    []TextDocumentContentChangeEvent
		want       string
	}{
		{"insert after an emoji", "🚀 x\n", []TextDocumentContentChangeEvent{{Range: r(0, 2, 0, 2), Text: "!"}}, "🚀! x\n"},
		{"replace across lines", "ab\ncd\nef", []TextDocumentContentChangeEvent{{Range: r(0, 1, 2, 1), Text: "-"}}, "a-f"},
		{"two changes in order", "Café rockstar", []TextDocumentContentChangeEvent{
			{Range: r(0, 5, 0, 13), Text: "senior"},
			{Range: r(0, 0, 0, 0), Text: "🎉 "},
		}, "🎉 Café senior"},
		{"full text", "old", []TextDocumentContentChangeEvent{{Text: "new"}}, "new"},
		{"full then range", "old", []TextDocumentContentChangeEvent{{Text: "new\n"}, {Range: r(1, 0, 1, 0), Text: "x"}}, "new\nx"},
		{"reversed range", "abcdef", []TextDocumentContentChangeEvent{{Range: r(0, 4, 0, 1), Text: ""}}, "aef"},
		{"past the end", "abc", []TextDocumentContentChangeEvent{{Range: r(5, 0, 9, 9), Text: "!"}}, "abc!"},
		{"CRLF line end", "a\r\nb", []TextDocumentContentChangeEvent{{Range: r(0, 1, 1, 0), Text: " "}}, "a b"},
	}
	for _, tt := range tests {
		if got := applyChanges(tt.text, tt.changes); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestLineIndexLongLines compares the marked conversions with counting
// from the line start, on long lines of mixed characters where the marks
// (every 256 bytes) matter.
func TestLineIndexLongLines(t *testing.T) {
	pieces := []string{"a", "é", "🚀", "求", "e\u0301", " ", "\r\n", "\n", "\r", "🧑‍💻", "word "}
	var b strings.Builder
	for i := 0; b.Len() < 20000; i++ {
		// A fixed, irregular sequence: long runs without line breaks.
		p := pieces[(i*7+i/13)%len(pieces)]
		if strings.ContainsAny(p, "\r\n") && i%50 != 0 {
			continue
		}
		b.WriteString(p)
	}
	text := b.String()
	li := newLineIndex(text)
	naive := func(off int) Position {
		line, start := 0, 0
		for i := 0; i < off; i++ {
			if text[i] == '\n' || (text[i] == '\r' && (i+1 >= len(text) || text[i+1] != '\n')) {
				line, start = line+1, i+1
			}
		}
		return Position{line, utf16Len(text[start:off])}
	}
	checked := 0
	for off := 0; off <= len(text); off++ {
		if off < len(text) && !utf8.RuneStart(text[off]) || (off > 0 && off < len(text) && text[off-1] == '\r' && text[off] == '\n') {
			continue
		}
		want := naive(off)
		if got := li.position(off); got != want {
			t.Fatalf("position(%d) = %+v, want %+v", off, got, want)
		}
		if got := li.offset(want); got != off {
			t.Fatalf("offset(%+v) = %d, want %d", want, got, off)
		}
		checked++
	}
	if checked < 10000 || len(li.marks) < 50 || len(li.starts) < 20 {
		t.Fatalf("the text does not exercise the index: %d offsets, %d marks, %d lines", checked, len(li.marks), len(li.starts))
	}
}
