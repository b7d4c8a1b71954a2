package linter

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// checkDocument checks the invariants every parser keeps, whatever the
// input: the prose maps back to the source (checkMapping), every offset the
// document hands out is inside the source, and Position agrees with a
// line and column counted by hand from the source bytes.
func checkDocument(t *testing.T, d *Document) {
	t.Helper()
	checkMapping(t, d)
	prev := 0
	for i := 0; i <= len(d.Text); i++ {
		o := d.SourceOffset(i)
		if o < 0 || o > len(d.Source) {
			t.Fatalf("prose offset %d maps to source offset %d, outside 0..%d", i, o, len(d.Source))
		}
		if o < prev {
			t.Fatalf("prose offset %d maps to %d, before %d (the map goes backwards)", i, o, prev)
		}
		prev = o
	}
	var offs []int
	for _, s := range d.segs {
		offs = append(offs, s.src, s.src+s.n)
	}
	for _, c := range d.Comments {
		offs = append(offs, c.Start, c.End)
	}
	for _, b := range d.Blocks {
		sp := d.SourceSpan(b.Start, b.End)
		if sp.Start > sp.End {
			t.Fatalf("block %+v maps to the reversed source span %v", b, sp)
		}
		offs = append(offs, sp.Start, sp.End)
	}
	offs = append(offs, 0, len(d.Source))
	for _, o := range offs {
		line, col := d.Position(o)
		wl, wc := positionByHand(d.Source, o)
		if line != wl || col != wc {
			t.Fatalf("Position(%d) = %d:%d, counted by hand %d:%d", o, line, col, wl, wc)
		}
		if ls := d.LineSpan(line); (o < ls.Start && o >= d.bom) || (o > ls.End && !lineEndingAt(d.Source, ls.End, o)) {
			t.Fatalf("offset %d is on line %d, whose span is %v", o, line, ls)
		}
	}
	for _, w := range d.Words() {
		if w.Start < 0 || w.End > len(d.Text) || w.Start >= w.End {
			t.Fatalf("bad word %+v in prose of %d bytes", w, len(d.Text))
		}
	}
	for _, s := range d.Sentences() {
		if s.Start < 0 || s.End > len(d.Text) || s.Start > s.End {
			t.Fatalf("bad sentence %+v in prose of %d bytes", s, len(d.Text))
		}
	}
}

// positionByHand counts the 1-based line and rune column of off in src, a
// leading byte-order mark not counted.
func positionByHand(src []byte, off int) (line, col int) {
	bom := 0
	if bytes.HasPrefix(src, []byte("\xef\xbb\xbf")) {
		bom = 3
	}
	if off < bom {
		return 1, 1
	}
	line = 1 + bytes.Count(src[:off], []byte("\n"))
	start := bytes.LastIndexByte(src[:off], '\n') + 1
	if start == 0 {
		start = bom
	}
	return line, utf8.RuneCount(src[start:off]) + 1
}

// lineEndingAt reports whether src[end:off] is the line ending after a
// line's content ("\r", "\n" or "\r\n").
func lineEndingAt(src []byte, end, off int) bool {
	s := string(src[end:off])
	return s == "\r" || s == "\n" || s == "\r\n"
}

// parserSeeds are inputs for the parser fuzz targets: the fixture and
// example ads, and small broken or hostile documents.
func parserSeeds(tb testing.TB, exts ...string) []string {
	seeds := []string{
		"", "\n", "\r\n", "\r", "\ufeff", "\ufeff#", "# ", "#", "- ", "-", "1.", "1. x", "* * *", "> ", ">",
		"\x00", "\xff\xfe", "a\xffb", "\xe2\x80", "é\u0301", "\t\t-\tx", "  \u00a0  ", "\u2028\u2029",
		"---\n", "---\ntitle: x\n---\n", "---\ntitle: x\n", "+++\nsalary = \"1\"\n+++\nBody", "---\r\nsalary: 1\r\n---\r\nx",
		"# Title\n\n## Requirements\n\n- one\n- two\n  - nested\n\nAfter.",
		"Title\n\nRequirements:\n- one\n• two\n  - nested\n\nAFTER ALL\n",
		"# hirelint-disable hype-title\nA rockstar\n# hirelint-enable\n",
		"<!-- hirelint-disable-next-line -->\nA rockstar ninja",
		"Text `code` [link](http://x.y \"t\") <http://a.b> ![img](i.png) <b>html</b> &amp; &#x41; \\* *em* __strong__",
		"```\ncode\n```\n\n    indented\n\n<div>\nhtml\n</div>\n",
		"a  \nb\\\nc\nd", "Setext\n===\n\nTwo\n---", "| a | b |\n|---|---|\n| c | d |",
		"[ref]: http://x\n\n[ref] and [x][ref]", "<!-- unterminated", "<!---->x<!-- a -->",
		strings.Repeat("> ", 200) + "deep", strings.Repeat("- ", 200) + "deep", strings.Repeat("  ", 100) + "- x",
		strings.Repeat("*", 300) + "x" + strings.Repeat("_", 300), strings.Repeat("[", 500) + "x" + strings.Repeat("]", 500),
		strings.Repeat("a\r", 50), strings.Repeat("1. ", 100), strings.Repeat("#", 7) + " x",
	}
	for _, pat := range []string{"../testdata/fixtures/*", "../testdata/examples/*"} {
		files, _ := filepath.Glob(pat)
		for _, file := range files {
			ok := len(exts) == 0
			for _, e := range exts {
				ok = ok || filepath.Ext(file) == e
			}
			if !ok {
				continue
			}
			b, err := os.ReadFile(file)
			if err != nil {
				tb.Fatal(err)
			}
			seeds = append(seeds, string(b))
		}
	}
	return seeds
}

func FuzzParseMarkdown(f *testing.F) {
	for _, s := range parserSeeds(f, ".md") {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		checkDocument(t, Parse("x.md", []byte(src), Markdown))
	})
}

func FuzzParsePlain(f *testing.F) {
	for _, s := range parserSeeds(f, ".txt") {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		checkDocument(t, Parse("x.txt", []byte(src), PlainText))
	})
}

// TestParseBroken runs the document checks over the parser seeds in every
// format, so a plain `go test` checks them without fuzzing.
func TestParseBroken(t *testing.T) {
	for _, src := range append(parserSeeds(t), brokenHTML...) {
		for _, format := range []Format{PlainText, Markdown, HTML} {
			checkDocument(t, Parse("x", []byte(src), format))
		}
	}
}
