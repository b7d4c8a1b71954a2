package rules

import (
	"strings"
	"testing"
	"unicode"
)

// asciiWords returns every string of up to n bytes over alphabet.
func asciiWords(alphabet string, n int) []string {
	out := []string{""}
	level := []string{""}
	for k := 0; k < n; k++ {
		var next []string
		for _, w := range level {
			for i := 0; i < len(alphabet); i++ {
				next = append(next, w+alphabet[i:i+1])
			}
		}
		out = append(out, next...)
		level = next
	}
	return out
}

// The byte-wise path of the reading ease gives what the rune-wise one
// does on ASCII words.
func TestReadingEaseASCIIPath(t *testing.T) {
	words := asciiWords("aelydsbtcgzxR7'", 5)
	words = append(words, "table", "candle", "created", "jumped", "likes", "ate", "the", "rhythm", "queue", "yoyo")
	for _, w := range words {
		letter, digit, lower, ok := classifyASCII(w)
		if !ok {
			t.Fatalf("classifyASCII(%q): not ASCII", w)
		}
		if want := strings.IndexFunc(w, unicode.IsLetter) >= 0; letter != want {
			t.Errorf("classifyASCII(%q) letter = %v, want %v", w, letter, want)
		}
		if want := strings.IndexFunc(w, unicode.IsDigit) >= 0; digit != want {
			t.Errorf("classifyASCII(%q) digit = %v, want %v", w, digit, want)
		}
		if want := strings.ToUpper(w) != w; lower != want {
			t.Errorf("classifyASCII(%q) lower = %v, want %v", w, lower, want)
		}
		norm := strings.ToLower(w)
		if got, want := syllablesASCII(norm), Syllables(norm); got != want {
			t.Errorf("syllablesASCII(%q) = %d, Syllables = %d", norm, got, want)
		}
	}
	if _, _, _, ok := classifyASCII("café"); ok {
		t.Error(`classifyASCII("café") took it for ASCII`)
	}
	for w, want := range map[string]int{"table": 2, "baked": 1, "jumped": 1, "likes": 1, "rhythm": 1, "queue": 1, "engineer": 3} {
		if got := syllablesASCII(w); got != want {
			t.Errorf("syllablesASCII(%q) = %d, want %d", w, got, want)
		}
	}
}

// TestCountedWord checks isCountedWord's ASCII fast path against its
// definition: the word holds a letter.
func TestCountedWord(t *testing.T) {
	words := asciiWords("a7_Z-", 4)
	words = append(words, "café", "2024", "ǅ", "ⅰ", "١٢", "日本", "\x80", "9\xff", "3é", "٣x", "\u0301")
	for _, w := range words {
		if got, want := isCountedWord(w), strings.IndexFunc(w, unicode.IsLetter) >= 0; got != want {
			t.Errorf("isCountedWord(%q) = %v, want %v", w, got, want)
		}
	}
}
