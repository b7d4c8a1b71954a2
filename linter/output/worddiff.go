package output

import (
	"unicode"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// Op says whether a diff piece is unchanged, removed or added.
type Op int

// Diff operations.
const (
	Equal Op = iota
	Delete
	Insert
)

// Piece is a run of text with its diff operation.
type Piece struct {
	Op   Op
	Text string
}

// WordDiff diffs two texts word by word (words, runs of white space and
// single punctuation marks are the units), so a rewrite shows as whole words
// removed and added rather than scattered letters.
func WordDiff(a, b string) []Piece {
	index := map[string]rune{}
	var tokens []string
	encode := func(s string) []rune {
		var out []rune
		for _, t := range splitWords(s) {
			r, ok := index[t]
			if !ok {
				// Private-use runes stand for tokens; go-diff diffs runes.
				r = rune(0xE000 + len(tokens))
				if r > 0xF8FF {
					r = rune(0xF0000 + len(tokens) - (0xF8FF - 0xE000 + 1))
				}
				index[t] = r
				tokens = append(tokens, t)
			}
			out = append(out, r)
		}
		return out
	}
	ra, rb := encode(a), encode(b)
	dmp := diffmatchpatch.New()
	diffs := dmp.DiffCleanupSemantic(dmp.DiffMainRunes(ra, rb, false))
	rev := make(map[rune]string, len(index))
	for t, r := range index {
		rev[r] = t
	}
	var out []Piece
	for _, d := range diffs {
		var text []byte
		for _, r := range d.Text {
			text = append(text, rev[r]...)
		}
		op := Equal
		switch d.Type {
		case diffmatchpatch.DiffDelete:
			op = Delete
		case diffmatchpatch.DiffInsert:
			op = Insert
		}
		if n := len(out); n > 0 && out[n-1].Op == op {
			out[n-1].Text += string(text)
			continue
		}
		out = append(out, Piece{Op: op, Text: string(text)})
	}
	return out
}

func splitWords(s string) []string {
	var out []string
	for len(s) > 0 {
		r, n := utf8.DecodeRuneInString(s)
		class := runeClass(r)
		i := n
		if class != 2 {
			for i < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[i:])
				if runeClass(r2) != class {
					break
				}
				i += n2
			}
		}
		out = append(out, s[:i])
		s = s[i:]
	}
	return out
}

// runeClass: 0 word, 1 space, 2 punctuation (each mark its own token).
func runeClass(r rune) int {
	switch {
	case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’':
		return 0
	case unicode.IsSpace(r):
		return 1
	}
	return 2
}
