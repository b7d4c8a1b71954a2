package rules

import (
	"math/rand"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/hirelint/hirelint/linter"
)

// TestScanRun checks the longest runs of the built-in classes against a
// rune-by-rune count by the classes' ranges, over the example and fixture
// ads and over random text with non-ASCII characters and broken UTF-8.
func TestScanRun(t *testing.T) {
	nonzero := 0
	for _, d := range runDocs(t) {
		for bi, b := range d.Blocks {
			text := d.Text[b.Start:b.End]
			for k, cl := range builtinClasses {
				want := runByRunes(text, cl.has)
				got := scanRun(d, bi, cl)
				if got != want {
					t.Fatalf("%s block %d class %d: %d, by ranges %d", d.Path, bi, k, got, want)
				}
				if got > 0 {
					nonzero++
				}
			}
		}
	}
	if nonzero == 0 {
		t.Fatal("no runs found")
	}
}

// runDocs returns the example and fixture ads and random texts with
// non-ASCII characters and broken UTF-8.
func runDocs(t *testing.T) []*linter.Document {
	docs := builtinDocs(t)
	pieces := []string{"a", "Z", "9", " ", "  ", "\t", "\n", ",", ".", "-", "_", "'", "’", "é", "ſ", "\u212a", "\u00a0", "\xff", "\xe2\x80", "€", "日本", "Ab1", "(", "*", "#", "\v", "\f", "\r\n"}
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 300; i++ {
		var b strings.Builder
		for n := rng.Intn(60); n >= 0; n-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		docs = append(docs, linter.Parse("r.txt", []byte(b.String()), linter.PlainText))
	}
	return docs
}

// runByRunes returns the length in bytes of the longest run of the
// characters of text that in accepts, counted rune by rune.
func runByRunes(text string, in func(rune) bool) int {
	want, cur := 0, 0
	for i, w := 0, 0; i < len(text); i += w {
		var r rune
		r, w = utf8.DecodeRuneInString(text[i:])
		if in(r) {
			cur += w
			want = max(want, cur)
		} else {
			cur = 0
		}
	}
	return want
}

// TestRunBounds checks what bounds each class's runs: a class of white
// space only is bounded by the longest run of white space, one without
// white space by the longest run of other characters, any other by its
// own longest run; and that each bound is at least the class's longest
// run, over the texts of TestScanRun. It checks too whether each block is
// all ASCII.
func TestRunBounds(t *testing.T) {
	space := func(r rune) bool { return r < utf8.RuneSelf && isSpace[r] }
	for _, tc := range []struct {
		ranges []rune
		want   classBound
	}{
		{[]rune{'\t', '\t', ' ', ' '}, boundSpace},
		{[]rune{'\t', '\n', '\f', '\r', ' ', ' '}, boundSpace},
		{[]rune{'0', '9', 'A', 'Z', '_', '_', 'a', 'z', 'ſ', 'ſ', 'K', 'K'}, boundNonSpace},
		{[]rune{0, '\b', '\v', '\v', 0x0e, 0x1f, '!', utf8.MaxRune}, boundNonSpace}, // \S
		{[]rune{'\t', '\n', '\f', '\r', ' ', ' ', '-', '-'}, boundExact},            // [\s-]
		{[]rune{0, '\t', '\v', utf8.MaxRune}, boundExact},                           // [^\n]
		{[]rune{'\v', '\v', ' ', ' '}, boundExact},                                  // \v is not \s
		{[]rune{' ', ' ', 0xa0, 0xa0}, boundExact},                                  // nor is U+00A0
	} {
		if got := newRunClass(tc.ranges).bound; got != tc.want {
			t.Errorf("class %q: bound %d, want %d", string(tc.ranges), got, tc.want)
		}
	}
	kinds := map[classBound]int{}
	for k, cl := range builtinClasses {
		kinds[cl.bound]++
		hasSpace, hasOther := false, false
		for r := rune(0); r <= utf8.MaxRune; r++ {
			if cl.has(r) {
				hasSpace = hasSpace || space(r)
				hasOther = hasOther || !space(r)
			}
		}
		want := boundExact
		if hasSpace && !hasOther {
			want = boundSpace
		} else if hasOther && !hasSpace {
			want = boundNonSpace
		}
		if cl.bound != want {
			t.Errorf("built-in class %d %q: bound %d, want %d", k, string(cl.ranges), cl.bound, want)
		}
	}
	if kinds[boundSpace] == 0 || kinds[boundNonSpace] == 0 || kinds[boundExact] == 0 {
		t.Fatalf("built-in classes by bound: %v, want some of each", kinds)
	}
	for _, d := range runDocs(t) {
		runs := runsOf(d)
		for bi, b := range d.Blocks {
			text := d.Text[b.Start:b.End]
			if got, want := runs.block(d, bi).ascii, isASCII(text); got != want {
				t.Fatalf("%s block %d %q: ascii %t, want %t", d.Path, bi, text, got, want)
			}
			for k, cl := range builtinClasses {
				exact := runByRunes(text, cl.has)
				want := exact
				switch cl.bound {
				case boundSpace:
					want = runByRunes(text, space)
				case boundNonSpace:
					want = runByBytes(text, func(c byte) bool { return !isSpace[c] })
				}
				got := runs.longestRun(d, bi, int32(k))
				if got != want || got < exact {
					t.Fatalf("%s block %d %q class %d %q: bound %d, want %d (longest run %d)", d.Path, bi, text, k, string(cl.ranges), got, want, exact)
				}
			}
		}
	}
}

// runByBytes returns the longest run of the bytes of text that in accepts.
func runByBytes(text string, in func(byte) bool) int {
	want, cur := 0, 0
	for i := 0; i < len(text); i++ {
		if in(text[i]) {
			cur++
			want = max(want, cur)
		} else {
			cur = 0
		}
	}
	return want
}

// A user pattern's class equal to a built-in one ("\s+" in a config) gets
// the built-in id, so documents measure its runs once.
func TestRegisterClassReusesBuiltin(t *testing.T) {
	for i, c := range builtinClasses {
		if id := registerClass(slices.Clone(c.ranges)); id != int32(i) {
			t.Errorf("built-in class %d registered again as %d", i, id)
		}
	}
}

// isASCII reports whether s is all ASCII.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// TestLateClassRun checks a class added to the table after a document was
// first asked about: its run is counted from the table, not from the
// document's list of classes, which does not hold it.
func TestLateClassRun(t *testing.T) {
	d := linter.Parse("ad.txt", []byte("aaa  bbbb qq"), linter.PlainText)
	runs := runsOf(d)
	runs.longestRun(d, 0, 0)
	// b, q and a character no class has yet, so that the class is new
	// however often the test runs.
	classTable.Lock()
	fresh := rune(0x10000 + len(classTable.list))
	classTable.Unlock()
	id := registerClass([]rune{'b', 'b', 'q', 'q', fresh, fresh})
	if int(id) < len(runs.list) {
		t.Fatalf("class %d is in the document's list of %d", id, len(runs.list))
	}
	if got := runs.longestRun(d, 0, id); got != 4 {
		t.Errorf("late class b, q in %q: run %d, want 4 (bbbb)", d.Text, got)
	}
}
