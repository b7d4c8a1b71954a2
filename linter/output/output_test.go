package output

import (
	"bytes"
	"strings"
	"testing"

	"github.com/hirelint/hirelint/linter"
)

func TestWordDiff(t *testing.T) {
	pieces := WordDiff("We want a rockstar engineer, now.", "We want a senior engineer, now.")
	var del, ins, eq []string
	for _, p := range pieces {
		switch p.Op {
		case Delete:
			del = append(del, p.Text)
		case Insert:
			ins = append(ins, p.Text)
		default:
			eq = append(eq, p.Text)
		}
	}
	if strings.Join(del, "|") != "rockstar" || strings.Join(ins, "|") != "senior" {
		t.Errorf("deleted %q, inserted %q; want whole words rockstar -> senior", del, ins)
	}
	if strings.Join(eq, "") != "We want a  engineer, now." {
		t.Errorf("unchanged text = %q", strings.Join(eq, ""))
	}
}

func result(src string, f linter.Finding) FileResult {
	doc := linter.Parse("ad.md", []byte(src), linter.Markdown)
	return FileResult{Path: "ad.md", Doc: doc, Findings: []linter.Finding{f}}
}

func TestTextRewriteDiff(t *testing.T) {
	src := "# Job\n\nWe want a rockstar engineer.\n"
	i := strings.Index(src, "rockstar")
	f := linter.Finding{Rule: "hype-title", Severity: linter.Warning, Message: "hype", Span: linter.Span{Start: i, End: i + 8},
		Fixes: []linter.Fix{{Message: "replace", Safe: true, Edits: []linter.TextEdit{{Span: linter.Span{Start: i, End: i + 8}, NewText: "senior"}}}}}
	var plain, colored bytes.Buffer
	if err := WriteText(&plain, []FileResult{result(src, f)}, TextOptions{}); err != nil {
		t.Fatal(err)
	}
	want := "ad.md:3:11: warning hype-title: hype\n" +
		"    3 | We want a rockstar engineer.\n" +
		"      |           ^^^^^^^^\n" +
		"      | - We want a rockstar engineer.\n" +
		"      | + We want a senior engineer.\n" +
		"\n1 problem (0 errors, 1 warning, 0 infos) in 1 of 1 file\n" +
		"score: 94/100\n"
	if plain.String() != want {
		t.Errorf("text output:\n%s\nwant:\n%s", plain.String(), want)
	}
	if err := WriteText(&colored, []FileResult{result(src, f)}, TextOptions{Color: true}); err != nil {
		t.Fatal(err)
	}
	out := colored.String()
	// The removed word is highlighted on a red background, the added one on
	// a green background, and the rest of the lines is not.
	if !strings.Contains(out, "\x1b[37;41;1mrockstar") || !strings.Contains(out, "\x1b[30;42;1msenior") {
		t.Errorf("colored diff does not highlight the changed words:\n%q", out)
	}
	if strings.Contains(out, "41;1mWe want") {
		t.Errorf("unchanged words highlighted:\n%q", out)
	}
}

func TestTextLongLineIsClipped(t *testing.T) {
	src := strings.Repeat("word ", 100) + "rockstar " + strings.Repeat("tail ", 100)
	i := strings.Index(src, "rockstar")
	f := linter.Finding{Rule: "r", Severity: linter.Info, Message: "m", Span: linter.Span{Start: i, End: i + 8}}
	var b bytes.Buffer
	WriteText(&b, []FileResult{result(src, f)}, TextOptions{})
	lines := strings.Split(b.String(), "\n")
	if len(lines[1]) > 120 || !strings.Contains(lines[1], "…") || !strings.Contains(lines[1], "rockstar") {
		t.Errorf("long line not clipped around the match: %q", lines[1])
	}
	// Columns on screen are characters: compare rune positions.
	caret := strings.Index(lines[2], "^")
	if r := []rune(lines[1]); string(r[caret:caret+8]) != "rockstar" {
		t.Errorf("caret at %d does not point at the match in %q", caret, lines[1])
	}
}

func TestJSONDocumentFinding(t *testing.T) {
	f := linter.Finding{Rule: "missing-salary", Severity: linter.Error, Doc: true, Message: "m"}
	j := ToJSON(linter.Parse("a", []byte("x\ny"), linter.PlainText), f)
	if j.Line != 1 || j.Column != 1 || j.Offset != 0 || j.EndOffset != 0 || j.Match != "" || j.Fixes == nil {
		t.Errorf("document finding JSON = %+v", j)
	}
}
