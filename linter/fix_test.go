package linter_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hirelint/hirelint/linter"
)

func TestSafeEditsSkipsTemplatesAndOverlaps(t *testing.T) {
	fs := []linter.Finding{
		{Span: linter.Span{Start: 0, End: 8}, Fixes: []linter.Fix{{Safe: true, Edits: []linter.TextEdit{{Span: linter.Span{Start: 0, End: 8}, NewText: "senior"}}}}},
		{Span: linter.Span{Start: 4, End: 12}, Fixes: []linter.Fix{{Safe: true, Edits: []linter.TextEdit{{Span: linter.Span{Start: 4, End: 12}, NewText: "x"}}}}},
		{Doc: true, Fixes: []linter.Fix{{Safe: false, Edits: []linter.TextEdit{{Span: linter.Span{Start: 20, End: 20}, NewText: "Salary: <min>"}}}}},
		{Span: linter.Span{Start: 14, End: 16}, Fixes: []linter.Fix{{Safe: true, Edits: []linter.TextEdit{{Span: linter.Span{Start: 14, End: 16}, NewText: "y"}}}}},
	}
	got := linter.SafeEdits(fs)
	if len(got) != 2 || got[0].NewText != "senior" || got[1].NewText != "y" {
		t.Errorf("SafeEdits = %+v, want the first and the last edit only", got)
	}
}

// TestFixFixtures fixes every fixture and example ad: the result differs
// from the source only inside the edits, and fixing it again changes
// nothing.
func TestFixFixtures(t *testing.T) {
	cfg := base(t)
	var files []string
	for _, g := range []string{"../testdata/fixtures/*", "../testdata/examples/*"} {
		m, _ := filepath.Glob(g)
		files = append(files, m...)
	}
	fixedSome := false
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		format := linter.FormatForPath(f)
		once, n, err := cfg.Fix(f, src, format)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if n > 0 {
			fixedSome = true
		}
		twice, n2, err := cfg.Fix(f, once, format)
		if err != nil || n2 != 0 || !bytes.Equal(once, twice) {
			t.Errorf("%s: fixing twice changed %d more places (err %v)", f, n2, err)
		}
		if n == 0 && !bytes.Equal(once, src) {
			t.Errorf("%s: no edits but the text changed", f)
		}
	}
	if !fixedSome {
		t.Error("no fixture had anything to fix: the test checks nothing")
	}
}

func TestFixExample(t *testing.T) {
	src := []byte("# Rockstar engineer\n\nWe need a rockstar engineer. The successful candidate will be a native English speaker.\nApply Now\nHe or she will start in May.\n")
	out, n, err := base(t).Fix("ad.md", src, linter.Markdown)
	if err != nil {
		t.Fatal(err)
	}
	want := "# Senior engineer\n\nWe need a senior engineer. You will be fluent in English.\nThey will start in May.\n"
	if string(out) != want {
		t.Errorf("fixed:\n%s\nwant:\n%s", out, want)
	}
	if n != 6 {
		t.Errorf("applied %d edits, want 6", n)
	}
	if strings.Contains(string(out), "<min>") {
		t.Error("a template fix was applied")
	}
}

// TestSafeEditsSkipsSelfOverlappingFix is a crash FuzzEdits found: a fix
// whose own edits overlap (an insertion at the start of a replacement of
// the same text) was chosen, so the order of its edits was a guess.
func TestSafeEditsSkipsSelfOverlappingFix(t *testing.T) {
	bad := linter.Fix{Safe: true, Edits: []linter.TextEdit{{Span: linter.Span{Start: 0, End: 1}, NewText: "x"}, {Span: linter.Span{Start: 0, End: 0}, NewText: "y"}}}
	good := linter.Fix{Safe: true, Edits: []linter.TextEdit{{Span: linter.Span{Start: 2, End: 3}, NewText: "z"}}}
	fs := []linter.Finding{
		{Span: linter.Span{Start: 0, End: 1}, Fixes: []linter.Fix{bad}},
		{Span: linter.Span{Start: 2, End: 3}, Fixes: []linter.Fix{good}},
	}
	got := linter.SafeEdits(fs)
	if len(got) != 1 || got[0].NewText != "z" {
		t.Errorf("SafeEdits = %+v, want only the edit of the well-formed fix", got)
	}
}
