// Package linttest checks rules against fixture ads that mark the findings
// they expect inline, in HTML comments at the end of a line:
//
//	We want a rockstar engineer. <!-- want hype-title@"rockstar engineer" -->
//	<!-- want@doc missing-salary -->
//
// "want RULE@"MATCH"" expects a finding of RULE starting on that line whose
// matched source text is MATCH (white space runs compare equal);
// "want@doc RULE" expects a document-level finding of RULE. One comment may
// hold several wants. Both missing and unexpected findings fail the test.
//
// A comment "<!-- linttest disable RULE ... -->" turns rules (or families)
// off for that fixture, so a fixture about one rule need not list the
// findings of, say, ad-length.
//
// The comments are blanked out (replaced by spaces of the same length) before
// linting, so plain-text fixtures use the same syntax and offsets stay exact.
package linttest

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/hirelint/hirelint/linter"
)

// Want is one expected finding.
type Want struct {
	Rule  string
	Line  int // 0 for document-level
	Match string
}

func (w Want) String() string {
	if w.Line == 0 {
		return fmt.Sprintf("doc %s", w.Rule)
	}
	return fmt.Sprintf("line %d %s@%q", w.Line, w.Rule, w.Match)
}

var (
	commentRe = regexp.MustCompile(`<!--\s*want(?:@doc)?\b[\s\S]*?-->`)
	disableRe = regexp.MustCompile(`<!--\s*linttest\s+disable\s+([^>]*?)\s*-->`)
	wantRe    = regexp.MustCompile(`want\s+([a-z0-9-]+)@("(?:[^"\\]|\\.)*")|want@doc\s+([a-z0-9-]+)`)
)

// Extract returns src with want and linttest comments blanked out, the
// wants and the rules to disable.
func Extract(src []byte) ([]byte, []Want, []string, error) {
	out := append([]byte(nil), src...)
	var wants []Want
	var disable []string
	blank := func(loc []int) {
		for i := loc[0]; i < loc[1]; i++ {
			if out[i] != '\n' && out[i] != '\r' {
				out[i] = ' '
			}
		}
	}
	for _, m := range disableRe.FindAllSubmatchIndex(src, -1) {
		disable = append(disable, strings.Fields(string(src[m[2]:m[3]]))...)
		blank(m)
	}
	for _, loc := range commentRe.FindAllIndex(src, -1) {
		line := 1 + strings.Count(string(src[:loc[0]]), "\n")
		body := string(src[loc[0]:loc[1]])
		ms := wantRe.FindAllStringSubmatch(body, -1)
		if len(ms) == 0 {
			return nil, nil, nil, fmt.Errorf("line %d: want comment with no want in it: %s", line, body)
		}
		for _, m := range ms {
			if m[3] != "" {
				wants = append(wants, Want{Rule: m[3]})
				continue
			}
			match, err := strconv.Unquote(m[2])
			if err != nil {
				return nil, nil, nil, fmt.Errorf("line %d: bad quoted match %s: %v", line, m[2], err)
			}
			wants = append(wants, Want{Rule: m[1], Line: line, Match: match})
		}
		blank(loc)
	}
	return out, wants, disable, nil
}

// Got converts findings to the Want form for comparison.
func Got(doc *linter.Document, fs []linter.Finding) []Want {
	var out []Want
	for _, f := range fs {
		if f.Doc {
			out = append(out, Want{Rule: f.Rule})
			continue
		}
		line, _ := doc.Position(f.Span.Start)
		out = append(out, Want{Rule: f.Rule, Line: line, Match: string(doc.Source[f.Span.Start:f.Span.End])})
	}
	return out
}

func key(w Want) string {
	return fmt.Sprintf("%d\x00%s\x00%s", w.Line, w.Rule, strings.Join(strings.Fields(w.Match), " "))
}

// Compare returns the wants not found and the findings not wanted.
func Compare(wants, got []Want) (missing, unexpected []Want) {
	count := map[string]int{}
	for _, g := range got {
		count[key(g)]++
	}
	for _, w := range wants {
		if count[key(w)] > 0 {
			count[key(w)]--
			continue
		}
		missing = append(missing, w)
	}
	need := map[string]int{}
	for _, w := range wants {
		need[key(w)]++
	}
	for _, g := range got {
		if need[key(g)] > 0 {
			need[key(g)]--
			continue
		}
		unexpected = append(unexpected, g)
	}
	return missing, unexpected
}

// Lint blanks the wants of a fixture, lints it and returns the document,
// the findings and the wants.
func Lint(cfg *linter.Config, path string, src []byte) (*linter.Document, []linter.Finding, []Want, error) {
	clean, wants, disable, err := Extract(src)
	if err != nil {
		return nil, nil, nil, err
	}
	if len(disable) > 0 {
		if cfg, err = cfg.Select(disable, false); err != nil {
			return nil, nil, nil, err
		}
	}
	doc := linter.Parse(path, clean, linter.FormatForPath(path))
	return doc, cfg.Lint(doc), wants, nil
}

// Run checks every fixture file (.md, .markdown, .txt, .html, .htm) in dir
// as a subtest.
func Run(t *testing.T, cfg *linter.Config, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		ext := filepath.Ext(e.Name())
		if e.IsDir() || (ext != ".md" && ext != ".txt" && ext != ".markdown" && ext != ".html" && ext != ".htm") {
			continue
		}
		n++
		path := filepath.Join(dir, e.Name())
		t.Run(e.Name(), func(t *testing.T) {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			Check(t, cfg, path, src)
		})
	}
	if n == 0 {
		t.Fatalf("no fixtures in %s", dir)
	}
}

// Check lints one fixture and reports missing and unexpected findings.
func Check(t *testing.T, cfg *linter.Config, path string, src []byte) {
	t.Helper()
	doc, fs, wants, err := Lint(cfg, path, src)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	missing, unexpected := Compare(wants, Got(doc, fs))
	sort.Slice(missing, func(i, j int) bool { return missing[i].Line < missing[j].Line })
	for _, w := range missing {
		t.Errorf("%s: missing finding: %s", path, w)
	}
	for _, g := range unexpected {
		t.Errorf("%s: unexpected finding: %s", path, g)
	}
}

// FirstDiff shows the first line where got departs from want, for a
// test's failure message.
func FirstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := range max(len(wl), len(gl)) {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return fmt.Sprintf("line %d:\nwant: %s\n got: %s", i+1, w, g)
		}
	}
	return "(same lines)"
}
