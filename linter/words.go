package linter

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Word is a word token of Document.Text: a run of letters and digits, with
// inner apostrophes ("you'll"). Norm is the lower-cased form with typographic
// apostrophes folded. Sep is the punctuation between the previous word and
// this one, white space removed and dashes folded to "-" (so "" means only
// white space). Block is the index of the block the word is in.
type Word struct {
	Start, End int
	Norm       string
	Sep        string
	Block      int
}

// Words returns the document's word tokens, computed once.
func (d *Document) Words() []Word {
	d.wordsOnce.Do(func() {
		d.words = make([]Word, 0, len(d.Text)/6+1)
		lower := d.LowerText()
		for bi, b := range d.Blocks {
			d.words = appendTokens(d.words, d.Text[b.Start:b.End], lower[b.Start:b.End], b.Start, bi)
		}
	})
	return d.words
}

// Tokenize splits s into word tokens with offsets into s, as documents and
// phrase lists are split, for callers that split text of their own the
// same way.
func Tokenize(s string) []Word { return appendTokens(nil, s, "", 0, 0) }

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// asciiWord marks the ASCII letters and digits.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = true, true
	}
	return t
}()

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

// appendTokens appends the words of s, a stretch of block at offset base
// of the text, to out. lower, if not empty, is s with its ASCII letters in
// lower case: the norms of ASCII words are taken from it.
func appendTokens(out []Word, s, lower string, base, block int) []Word {
	var sepBuf [16]byte
	sep := sepBuf[:0]
	i := 0
	for i < len(s) {
		if c := s[i]; c == ' ' || c == '\n' || c == '\t' {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			switch {
			case unicode.IsSpace(r):
			case r == '-' || r == '‐' || r == '‑' || r == '–' || r == '—':
				sep = append(sep, '-')
			default:
				sep = utf8.AppendRune(sep, r)
			}
			i += size
			continue
		}
		start := i
		ascii := true
		for i < len(s) {
			if c := s[i]; c < utf8.RuneSelf {
				if asciiWord[c] {
					i++
					continue
				}
				if c != '\'' {
					break
				}
			}
			ascii = false
			r, size = utf8.DecodeRuneInString(s[i:])
			if isWordRune(r) {
				i += size
				continue
			}
			if isApostrophe(r) && i+size < len(s) {
				if r2, _ := utf8.DecodeRuneInString(s[i+size:]); isWordRune(r2) {
					i += size
					continue
				}
			}
			break
		}
		var norm string
		if ascii && lower != "" {
			norm = lower[start:i]
		} else {
			norm = normWord(s[start:i])
		}
		out = append(out, Word{Start: base + start, End: base + i, Norm: norm, Sep: string(sep), Block: block})
		sep = sep[:0]
	}
	return out
}

func normWord(w string) string {
	lower := true
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf || (c >= 'A' && c <= 'Z') {
			lower = false
			break
		}
	}
	if lower {
		return w
	}
	w = strings.ToLower(w)
	if strings.ContainsAny(w, "’ʼ") {
		w = apostrophes.Replace(w)
	}
	return w
}

var apostrophes = strings.NewReplacer("’", "'", "ʼ", "'")

// Sentence is a sentence of a block, as a range of Text.
type Sentence struct {
	Start, End int
	Block      int
}

// Sentences splits every block into sentences: a sentence ends at ".", "!"
// or "?" followed by white space, or at the end of the block. Headings and
// list items count as one sentence each unless they hold several.
func (d *Document) Sentences() []Sentence {
	d.sentOnce.Do(func() { d.sents = d.splitSentences() })
	return d.sents
}

func (d *Document) splitSentences() []Sentence {
	var out []Sentence
	for bi, b := range d.Blocks {
		t := d.Text[b.Start:b.End]
		start := 0
		for i := 0; i < len(t); i++ {
			c := t[i]
			if c != '.' && c != '!' && c != '?' {
				continue
			}
			// A stop ends a sentence before white space, or glued to a
			// capital after a lower-case word ("levels.Stay", as scraped
			// text often has).
			glued := c == '.' && i > 0 && i+1 < len(t) && t[i-1] >= 'a' && t[i-1] <= 'z' && t[i+1] >= 'A' && t[i+1] <= 'Z'
			if i+1 == len(t) || t[i+1] == ' ' || t[i+1] == '\n' || glued {
				// Skip common abbreviations ("e.g. ", "i.e. ", "etc. ").
				if c == '.' && isAbbrevBefore(t[:i]) {
					continue
				}
				out = appendSentence(out, t, b.Start, start, i+1, bi)
				start = i + 1
			}
		}
		out = appendSentence(out, t, b.Start, start, len(t), bi)
	}
	return out
}

func appendSentence(out []Sentence, t string, base, start, end, block int) []Sentence {
	for start < end && (t[start] == ' ' || t[start] == '\n') {
		start++
	}
	if strings.IndexFunc(t[start:end], isWordRune) < 0 {
		return out
	}
	return append(out, Sentence{Start: base + start, End: base + end, Block: block})
}

var abbrevs = []string{"e.g", "i.e", "etc", "vs", "approx", "incl", "dr", "mr", "ms", "mrs", "inc", "ltd", "no"}

func isAbbrevBefore(t string) bool {
	w := t[strings.LastIndexAny(t, " \n(")+1:]
	if !asciiOnly(w) {
		// Lower-casing may change the length ("İ" becomes "i"), and
		// EqualFold would take "vſ" (long s) for "vs".
		w = strings.ToLower(w)
		return slices.Contains(abbrevs, w) || len(w) == 1
	}
	if len(w) == 1 {
		return true // an initial: "J. Smith"
	}
	return slices.ContainsFunc(abbrevs, func(a string) bool { return strings.EqualFold(w, a) })
}

// asciiOnly reports whether s is all ASCII.
func asciiOnly(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
