package linter_test

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/hirelint/hirelint"
	"github.com/hirelint/hirelint/linter"
	"github.com/hirelint/hirelint/linter/output"
	"github.com/hirelint/hirelint/rules"
)

// The fuzz targets share one copy of the default rules (a fuzzing worker
// runs many inputs; loading the rules for each would dominate).
var (
	defaultOnce sync.Once
	defaultCfg  *linter.Config
	defaultErr  error
)

func defaults(tb testing.TB) *linter.Config {
	tb.Helper()
	defaultOnce.Do(func() {
		defaultCfg, defaultErr = linter.NewConfig(rules.Kinds()).Extend(hirelint.DefaultRulesName, hirelint.DefaultRules)
		if defaultErr == nil {
			// Rules that are off by default are fuzzed too.
			var all []string
			for _, r := range defaultCfg.Rules {
				all = append(all, r.ID)
			}
			defaultCfg, defaultErr = defaultCfg.Select(all, true)
		}
	})
	if defaultErr != nil {
		tb.Fatal(defaultErr)
	}
	return defaultCfg
}

// adSeeds returns the fixture and example ads with the format their
// extension gives, and a few hand-written hostile documents.
func adSeeds(tb testing.TB) (srcs []string, formats []linter.Format) {
	add := func(s string, f linter.Format) { srcs, formats = append(srcs, s), append(formats, f) }
	for _, pat := range []string{"../testdata/fixtures/*", "../testdata/examples/*"} {
		files, _ := filepath.Glob(pat)
		for _, file := range files {
			b, err := os.ReadFile(file)
			if err != nil {
				tb.Fatal(err)
			}
			add(string(b), linter.FormatForPath(file))
		}
	}
	for _, s := range []string{
		"", "\ufeff", "\x00", "a\xffb rockstar \xfe", "Rockstar rockstar ROCKSTAR ninja guru",
		"# Rockstar\n\nHe or she will be a native English speaker.\nApply Now\n",
		"- 10+ years of Kubernetes\n- 15 years of Rust\n- PhD required\n",
		"We want a rock-\nstar. The successful candidate will\nwork hard, play hard.",
		"<!-- hirelint-disable -->\nrockstar\n<!-- hirelint-enable hype-title -->\n<!-- hirelint-disable-next-line nope -->",
		"# hirelint-disable-next-line\nrockstar",
		"Salary: competitive. £30k+ DOE. Unpaid internship.",
		"<h1>Rockstar</h1><ul><li>He or she</li><li>native speaker &amp; guru</li></ul>",
		"**Rock**star [ninja](http://x) `guru` he/she",
		strings.Repeat("rockstar ", 300), strings.Repeat("- a\n", 100),
	} {
		for _, f := range []linter.Format{linter.Markdown, linter.PlainText, linter.HTML} {
			add(s, f)
		}
	}
	return srcs, formats
}

// checkFindings checks what the engine may hand out about src: no rule
// broke (a panic is turned into an "internal error" finding), every span
// and edit is inside the document with start <= end, and positions and
// JSON can be computed for each.
func checkFindings(t *testing.T, doc *linter.Document, fs []linter.Finding) {
	t.Helper()
	n := len(doc.Source)
	for _, f := range fs {
		if strings.HasPrefix(f.Message, "internal error") {
			t.Fatalf("rule %s broke: %s", f.Rule, f.Message)
		}
		if f.Span.Start < 0 || f.Span.Start > f.Span.End || f.Span.End > n {
			t.Fatalf("%s: span %v outside the document (0..%d)", f.Rule, f.Span, n)
		}
		if f.Doc && (f.Span != linter.Span{}) {
			t.Fatalf("%s: document-level finding with span %v", f.Rule, f.Span)
		}
		if f.Message == "" || f.Rule == "" || f.Severity == linter.SeverityNone {
			t.Fatalf("incomplete finding %+v", f)
		}
		for _, fx := range f.Fixes {
			for _, e := range fx.Edits {
				if e.Span.Start < 0 || e.Span.Start > e.Span.End || e.Span.End > n {
					t.Fatalf("%s: fix %q edits %v, outside the document (0..%d)", f.Rule, fx.Message, e.Span, n)
				}
			}
		}
		p := output.PositionOf(doc, f)
		if p.Line < 1 || p.Column < 1 || p.EndLine < p.Line || (p.EndLine == p.Line && p.EndColumn < p.Column) {
			t.Fatalf("%s: bad position %+v", f.Rule, p)
		}
		output.ToJSON(doc, f)
	}
}

// addSeeds adds the seed ads to f's corpus, each with its format.
func addSeeds(f *testing.F) {
	srcs, formats := adSeeds(f)
	for i := range srcs {
		f.Add(srcs[i], uint8(formats[i]))
	}
}

// FuzzLint runs the whole engine, every rule on, over arbitrary text in
// each format, and prints the result in the text format (which renders
// source lines and word diffs).
func FuzzLint(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, src string, format uint8) {
		cfg := defaults(t)
		doc := linter.Parse("ad", []byte(src), linter.Format(format%3))
		fs := cfg.Lint(doc)
		checkFindings(t, doc, fs)
		rep := output.NewTextReporter(io.Discard, output.TextOptions{})
		if err := rep.File(output.FileResult{Path: "ad", Doc: doc, Findings: fs}); err != nil {
			t.Fatal(err)
		}
		if err := rep.Close(); err != nil {
			t.Fatal(err)
		}
	})
}

// checkEdits checks that edits are sorted and that no two overlap or touch
// the same point, as SafeEdits promises.
func checkEdits(t *testing.T, edits []linter.TextEdit, n int) {
	t.Helper()
	for i, e := range edits {
		if e.Span.Start < 0 || e.Span.Start > e.Span.End || e.Span.End > n {
			t.Fatalf("edit %v outside the document (0..%d)", e.Span, n)
		}
		if i > 0 {
			p := edits[i-1]
			if e.Span.Start < p.Span.End || e.Span.Start == p.Span.Start ||
				(e.Span.Start == p.Span.End && (e.Span.Len() == 0 || p.Span.Len() == 0)) {
				t.Fatalf("edits %v and %v overlap or touch at one point", p.Span, e.Span)
			}
		}
	}
}

// checkOutside checks that out is src with the edits applied: equal to src
// before, between and after the edited spans.
func checkOutside(t *testing.T, src, out []byte, edits []linter.TextEdit) {
	t.Helper()
	es := append([]linter.TextEdit(nil), edits...)
	sort.SliceStable(es, func(i, j int) bool { return es[i].Span.Start < es[j].Span.Start })
	pos, last := 0, 0
	for _, e := range es {
		keep := src[last:e.Span.Start]
		if pos+len(keep) > len(out) || !bytes.Equal(out[pos:pos+len(keep)], keep) {
			t.Fatalf("text before the edit at %v changed", e.Span)
		}
		pos += len(keep)
		if !strings.HasPrefix(string(out[pos:]), e.NewText) {
			t.Fatalf("edit at %v: new text %q not in the result", e.Span, e.NewText)
		}
		pos += len(e.NewText)
		last = e.Span.End
	}
	if !bytes.Equal(out[pos:], src[last:]) {
		t.Fatalf("text after the last edit changed: %q, want %q", out[pos:], src[last:])
	}
}

// FuzzFix applies the safe fixes of the default rules to arbitrary text:
// the chosen edits do not overlap, the result equals the input outside
// them, and fixing the fixed text again changes nothing.
func FuzzFix(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, src string, format uint8) {
		cfg := defaults(t)
		fm := linter.Format(format % 3)
		in := []byte(src)
		edits := linter.SafeEdits(cfg.Lint(linter.Parse("ad", in, fm)))
		checkEdits(t, edits, len(in))
		out, err := linter.ApplyEdits(in, edits)
		if err != nil {
			t.Fatalf("SafeEdits chose edits ApplyEdits refuses: %v", err)
		}
		checkOutside(t, in, out, edits)

		once, n, err := cfg.Fix("ad", in, fm)
		if err != nil {
			t.Fatal(err)
		}
		if string(in) != src {
			t.Fatal("Fix modified its input")
		}
		if n == 0 && !bytes.Equal(once, in) {
			t.Fatal("no edit applied but the text changed")
		}
		twice, n2, err := cfg.Fix("ad", once, fm)
		if err != nil {
			t.Fatal(err)
		}
		if n2 != 0 || !bytes.Equal(once, twice) {
			t.Fatalf("fixing twice applied %d more edits:\nonce:  %q\ntwice: %q", n2, once, twice)
		}
	})
}

// editsFrom decodes fuzz bytes into edits over a text of n bytes: each
// edit is 5 bytes (start, end, new-text length, safe flag, finding group).
func editsFrom(spec []byte, n int) (edits []linter.TextEdit, safe []bool, group []int) {
	for len(spec) >= 5 {
		at := func(b byte) int { return int(b) % (n + 3) } // a few past the end
		s, e := at(spec[0]), at(spec[1])
		if spec[0]&0x80 != 0 {
			s, e = e, s // sometimes reversed
		}
		edits = append(edits, linter.TextEdit{Span: linter.Span{Start: s, End: e}, NewText: strings.Repeat("x", int(spec[2]%4))})
		safe = append(safe, spec[3]%4 != 0)
		group = append(group, int(spec[4]%4))
		spec = spec[5:]
	}
	return edits, safe, group
}

// FuzzEdits checks ApplyEdits against a plain statement of when edits can
// be applied, and SafeEdits on arbitrary findings.
func FuzzEdits(f *testing.F) {
	f.Add([]byte("we want a rockstar engineer"), []byte{10, 18, 3, 1, 0, 0, 2, 1, 1, 1})
	f.Add([]byte("abc"), []byte{0, 5, 1, 1, 0})
	f.Add([]byte("abc"), []byte{1, 1, 1, 1, 0, 1, 1, 2, 1, 1, 0, 3, 0, 1, 2})
	f.Add([]byte(""), []byte{0, 0, 1, 1, 0, 0, 0, 1, 1, 0})
	f.Add([]byte("abcdef"), []byte{0x82, 1, 1, 1, 0})
	f.Fuzz(func(t *testing.T, src, spec []byte) {
		edits, safe, group := editsFrom(spec, len(src))
		// ApplyEdits succeeds exactly when every edit is inside src and,
		// in order of start, none starts before the previous one ends.
		sorted := append([]linter.TextEdit(nil), edits...)
		sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Span.Start < sorted[j].Span.Start })
		valid := true
		for i, e := range sorted {
			if e.Span.Start < 0 || e.Span.End < e.Span.Start || e.Span.End > len(src) || (i > 0 && e.Span.Start < sorted[i-1].Span.End) {
				valid = false
			}
		}
		orig := append([]byte(nil), src...)
		out, err := linter.ApplyEdits(src, edits)
		if !bytes.Equal(src, orig) {
			t.Fatal("ApplyEdits modified its input")
		}
		if (err == nil) != valid {
			t.Fatalf("ApplyEdits(%q, %v): error %v, want an error: %v", src, edits, err, !valid)
		}
		if err == nil {
			checkOutside(t, src, out, edits)
		}

		// Findings made of the edits: SafeEdits keeps safe, in-document,
		// non-overlapping edits only, and ApplyEdits takes them.
		var fs []linter.Finding
		for i, e := range edits {
			if e.Span.End > len(src) || e.Span.Start > e.Span.End {
				continue // the engine never makes such findings (FuzzLint)
			}
			fx := linter.Fix{Message: "m", Safe: safe[i], Edits: []linter.TextEdit{e}}
			if g := group[i]; g > 0 && len(fs) > 0 && g%2 == 0 {
				// Some findings have a fix of several edits.
				last := &fs[len(fs)-1]
				last.Fixes[0].Edits = append(last.Fixes[0].Edits, e)
				continue
			}
			fs = append(fs, linter.Finding{Rule: "r", Span: e.Span, Fixes: []linter.Fix{fx}})
		}
		chosen := linter.SafeEdits(fs)
		checkEdits(t, chosen, len(src))
		for _, c := range chosen {
			found := false
			for _, f := range fs {
				for _, e := range f.Fixes[0].Edits {
					found = found || (e == c && f.Fixes[0].Safe)
				}
			}
			if !found {
				t.Fatalf("SafeEdits chose %v, which is no safe fix's edit", c)
			}
		}
		out, err = linter.ApplyEdits(src, chosen)
		if err != nil {
			t.Fatalf("SafeEdits chose edits ApplyEdits refuses: %v", err)
		}
		checkOutside(t, src, out, chosen)
	})
}

// FuzzConfig loads arbitrary TOML as a user config over the default
// rules: a config error that names the file, never a panic. A config that
// loads is used to lint a small ad.
func FuzzConfig(f *testing.F) {
	for _, s := range []string{
		"", "disable = [\"ad-length\"]", "enable = [\"readability\"]\ndisable = []",
		"[[rule]]\nid = \"hype-title\"\nseverity = \"error\"\n",
		"[[rule]]\nid = \"too-many-requirements\"\nmax = 2\nbands = [{ max = 1, severity = \"info\" }]\n",
		"[[rule]]\nid = \"no-jira\"\nkind = \"phrase\"\nseverity = \"warning\"\nfamily = \"clarity\"\nmessage = \"{match} is jargon\"\nphrases = [\"jira\", \"tiger team\"]\nreplace = { \"jira\" = [\"the tracker\"] }\n",
		"[[rule]]\nid = \"my-pattern\"\nkind = \"pattern\"\nseverity = \"info\"\nfamily = \"x\"\nmessage = \"m {match}\"\npatterns = ['(?P<n>\\d+)k']\nreplace = [\"${n},000\"]\nreport = \"n\"\n",
		"[[rule]]\nid = \"need-x\"\nkind = \"require\"\nseverity = \"info\"\nfamily = \"x\"\nmessage = \"m\"\nphrases = [\"x\"]\ninsert = \"X: <x>\"\n",
		"[[rule]]\nid = \"cnt\"\nkind = \"count\"\nseverity = \"info\"\nfamily = \"x\"\nmessage = \"{count}\"\nsections = [\"req\"]\nmax = 1\n",
		"[[rule]]\nid = \"met\"\nkind = \"metric\"\nseverity = \"info\"\nfamily = \"x\"\nmessage = \"{value}\"\nmetric = \"ratio\"\nwords = [\"we\"]\nper = [\"you\"]\nmax = 0.5\n",
		"[[rule]]\nid = \"yrs\"\nkind = \"years\"\nseverity = \"info\"\nfamily = \"x\"\nmessage = \"m\"\ncheck = \"experience\"\nmax = 3\n",
		"[[rule]]\nid = \"bal\"\nkind = \"balance\"\nseverity = \"info\"\nfamily = \"x\"\nmessage = \"m\"\nwords = [\"strong*\"]\nagainst = [\"kind\"]\nthreshold = 1\n",
		"[[override]]\npaths = [\"a/**\"]\n[[override.rule]]\nid = \"hype-title\"\nenabled = false\n",
		"[[rule]]\nid = \"x\"\nkind = \n", "[[rule]]\nid = \"Bad_Id\"\n", "[rule]\nid = 1", "disable = \"x\"", "[[rule]]\n[[rule]]\n",
		"[[rule]]\nid = \"hype-title\"\nonly_if = [\"(\"]\n", "[[rule]]\nid = \"hype-title\"\nrequires = [\"hype-title\"]\n",
		"a = 1\n[b]\nc = [1, \"x\"]\nd = 1979-05-27T07:32:00Z\n", "\xff", "[[rule]]\nid = \"hype-title\"\nphrases = [\"\"]\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		cfg, err := defaults(t).Extend("fuzz.toml", []byte(src))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.toml:") {
				t.Fatalf("config error does not name the file: %v", err)
			}
			return
		}
		for _, format := range []linter.Format{linter.Markdown, linter.PlainText} {
			doc := linter.Parse("ad", []byte("# Rockstar\n\n## Requirements\n\n- 10 years of Go\n- jira\n\nWe pay 50k. You will work with strong people.\n"), format)
			checkFindings(t, doc, cfg.Lint(doc))
			for _, o := range cfg.Overrides {
				checkFindings(t, doc, o.Config.Lint(doc))
			}
		}
	})
}

// TestEditsFromDecodes keeps the fuzz decoder honest: the seed spec gives
// the edits it says.
func TestEditsFromDecodes(t *testing.T) {
	edits, safe, group := editsFrom([]byte{10, 18, 3, 1, 2}, 27)
	if len(edits) != 1 || edits[0].Span != (linter.Span{Start: 10, End: 18}) || edits[0].NewText != "xxx" || !safe[0] || group[0] != 2 {
		t.Errorf("editsFrom = %v %v %v", edits, safe, group)
	}
}
