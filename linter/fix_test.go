package linter_test

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
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

// A fixtureAd is a fixture or example ad and its source.
type fixtureAd struct {
	path string
	src  []byte
}

// fixtureAds reads the fixtures and example ads.
func fixtureAds(t *testing.T) []fixtureAd {
	t.Helper()
	var ads []fixtureAd
	for _, g := range []string{"../testdata/fixtures/*", "../testdata/examples/*"} {
		m, err := filepath.Glob(g)
		if err != nil || len(m) == 0 {
			t.Fatalf("%s: no files (%v)", g, err)
		}
		for _, f := range m {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			ads = append(ads, fixtureAd{f, src})
		}
	}
	return ads
}

// TestFixFixtures fixes every fixture and example ad: the result differs
// from the source only inside the edits, and fixing it again changes
// nothing.
func TestFixFixtures(t *testing.T) {
	cfg := base(t)
	fixedSome := false
	for _, ad := range fixtureAds(t) {
		f, src := ad.path, ad.src
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

// TestFixLintFindings: the findings FixLint returns are those Lint gives
// the source and the fixed source, for every fixture and example ad, and
// when the rounds run out with something still to fix.
func TestFixLintFindings(t *testing.T) {
	check := func(cfg *linter.Config, name string, src []byte, format linter.Format) linter.FixResult {
		t.Helper()
		r, err := cfg.FixLint(name, src, format)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		fixed, n := fixRounds(t, cfg, name, src, format)
		if !bytes.Equal(r.Fixed, fixed) || r.Applied != n {
			t.Errorf("%s: FixLint fixed %d places, linting and applying the safe edits round by round %d", name, r.Applied, n)
		}
		for _, c := range []struct {
			what string
			got  linter.Linted
			src  []byte
		}{{"before", r.Before, src}, {"after", r.After, r.Fixed}} {
			want := cfg.Lint(linter.Parse(name, c.src, format))
			if c.got.Doc == nil {
				t.Errorf("%s: no document %s fixing", name, c.what)
				continue
			}
			if !bytes.Equal(c.got.Doc.Source, c.src) || !reflect.DeepEqual(c.got.Findings, want) {
				t.Errorf("%s: the findings %s fixing are not those of linting it:\n%+v\nwant\n%+v", name, c.what, c.got.Findings, want)
			}
		}
		return r
	}
	cfg := base(t)
	fixedSome := false
	for _, ad := range fixtureAds(t) {
		f, src := ad.path, ad.src
		fixedSome = check(cfg, f, src, linter.FormatForPath(f)).Applied > 0 || fixedSome
	}
	if !fixedSome {
		t.Error("no example had anything to fix")
	}
	// Each fix turns one place to fix into two, so the rounds run out.
	grow, err := cfg.Extend("grow.toml", []byte(`
[[rule]]
id = "grow"
kind = "pattern"
severity = "warning"
family = "wording"
message = "{match}"
patterns = ['\bzz\b']
replace = ['zz zz']
`))
	if err != nil {
		t.Fatal(err)
	}
	r := check(grow, "grow.txt", []byte("Say zz.\n"), linter.PlainText)
	// Round k replaces 2^k places: 2^rounds-1 in all.
	if want := 1<<linter.MaxFixRounds - 1; r.Applied != want || len(r.After.Findings) == 0 {
		t.Errorf("%d edits, %d findings left; want %d edits and the rounds run out", r.Applied, len(r.After.Findings), want)
	}
}

// fixRounds fixes src as Fix is documented to, from the exported parts
// alone: lint, apply the safe edits, again until none are left or
// MaxFixRounds rounds have run. (Fix itself calls FixLint, so it cannot
// serve as FixLint's reference.)
func fixRounds(t *testing.T, cfg *linter.Config, name string, src []byte, format linter.Format) ([]byte, int) {
	t.Helper()
	applied := 0
	for round := 0; round < linter.MaxFixRounds; round++ {
		edits := linter.SafeEdits(cfg.Lint(linter.Parse(name, src, format)))
		if len(edits) == 0 {
			break
		}
		next, err := linter.ApplyEdits(src, edits)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		src, applied = next, applied+len(edits)
	}
	return src, applied
}
