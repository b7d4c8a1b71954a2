package output

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/hirelint/hirelint/linter"
	"github.com/hirelint/hirelint/linter/linttest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden/formats")

const (
	formatsGoldenDir = "../../testdata/golden/formats"
	sarifSchemaPath  = "../../testdata/sarif-schema-2.1.0.json"
	testVersion      = "0.0.0-test"
)

// The ads the format tests run on. The first has a rocket and accented
// letters before a finding on the same line (so character columns, byte
// offsets and UTF-16 columns all differ), a document-level finding with a
// template fix, a safe replacement fix, a finding spanning two lines with
// a deletion fix, a message with a comma, a colon, a percent sign and a
// line break, and a finding from a rule outside the rule set. The second
// has no findings; the third has a comma in its name.
const (
	adCafe = "# Barista-engineer — Zürich\n" +
		"\n" +
		"🚀 Our café wants a rockstar engineer.\n" +
		"Pay is competitive.\n" +
		"You will own the espresso machine and\n" +
		"the deploy pipeline, from day one.\n" +
		"<!-- hirelint-disable-next-line hype-title -->\n"
	adClean = "Data analyst\n\nSalary: EUR 52,000-58,000. Hybrid, two office days a week.\n"
	adOps   = "Ops lead\r\nWork hard, play hard.\r\n"
)

func testRules() []*linter.RuleConfig {
	return []*linter.RuleConfig{
		{RuleHeader: linter.RuleHeader{
			ID: "hype-title", Severity: linter.Warning, Family: "hype", Message: "hype title {match}: name the level",
			Docs: linter.Docs{
				Title:  "Hype job titles",
				Why:    "Titles like rockstar or ninja put off experienced applicants and say nothing about the level.",
				Before: "We want a rockstar engineer.",
				After:  "We want a senior engineer.",
				Source: "Gaucher, Friesen & Kay (2011), Journal of Personality and Social Psychology",
			},
		}},
		{RuleHeader: linter.RuleHeader{
			ID: "missing-salary", Severity: linter.Error, Family: "pay", Message: "no salary range",
			Docs: linter.Docs{
				Title:  "Missing salary range",
				Why:    "Ads with a pay range get more applicants.\nMany places require one by law.",
				Before: "Competitive salary.",
				After:  "Salary: EUR 60,000–70,000.\nPlus a yearly bonus.",
			},
		}},
		{RuleHeader: linter.RuleHeader{
			ID: "vague-pay", Severity: linter.Warning, Family: "pay", Message: "vague pay {match}",
			Docs: linter.Docs{Title: "Vague pay"},
		}},
		{RuleHeader: linter.RuleHeader{
			ID: "long-sentence", Severity: linter.Info, Family: "readability", Message: "long sentence",
		}},
		{RuleHeader: linter.RuleHeader{
			ID: "work-life-cliche", Severity: linter.Info, Family: "culture", Message: "cliché {match}",
			Docs: linter.Docs{Title: "Work-life clichés", Why: "They read as a warning about overtime."},
		}},
		// A rule with no findings in the test ads still appears in the
		// SARIF rule metadata.
		{RuleHeader: linter.RuleHeader{
			ID: "gendered-wording", Severity: linter.Warning, Family: "inclusion", Message: "gendered wording {match}",
			Docs: linter.Docs{Title: "Gendered wording"},
		}},
	}
}

// span returns the byte span of the n-th (from 0) occurrence of sub in src.
func span(t *testing.T, src, sub string, n int) linter.Span {
	t.Helper()
	off := 0
	for i := 0; ; i++ {
		j := strings.Index(src[off:], sub)
		if j < 0 {
			t.Fatalf("%q not found %d times in %q", sub, n+1, src)
		}
		if i == n {
			return linter.Span{Start: off + j, End: off + j + len(sub)}
		}
		off += j + len(sub)
	}
}

func testResults(t *testing.T) []FileResult {
	t.Helper()
	rock := span(t, adCafe, "rockstar", 0)
	pay := span(t, adCafe, "competitive", 0)
	long := linter.Span{Start: span(t, adCafe, "You will", 0).Start, End: span(t, adCafe, "day one.", 0).End}
	and := span(t, adCafe, " and\nthe", 0)
	directive := span(t, adCafe, "<!-- hirelint-disable-next-line hype-title -->", 0)
	cafe := []linter.Finding{
		{Rule: "missing-salary", Severity: linter.Error, Family: "pay", Doc: true,
			Message: "no salary range: add one",
			Fixes: []linter.Fix{{Message: "add a salary section to complete", Safe: false,
				Edits: []linter.TextEdit{{Span: linter.Span{Start: len(adCafe), End: len(adCafe)}, NewText: "\n## Salary\n\nEUR <from>–<to> a year\n"}}}}},
		{Rule: "hype-title", Severity: linter.Warning, Family: "hype", Span: rock,
			Message: `hype title "rockstar": name the level`,
			Fixes: []linter.Fix{{Message: `replace "rockstar" with "senior"`, Safe: true,
				Edits: []linter.TextEdit{{Span: rock, NewText: "senior"}}}}},
		{Rule: "vague-pay", Severity: linter.Warning, Family: "pay", Span: pay,
			Message: "vague pay \"competitive\": give a range, e.g. 50,000–60,000 (100% base)\nor drop the sentence"},
		{Rule: "long-sentence", Severity: linter.Info, Family: "readability", Span: long, Area: true,
			Message: "long sentence: split it",
			Fixes: []linter.Fix{{Message: "split at \"and\"", Safe: true,
				Edits: []linter.TextEdit{{Span: and, NewText: ".\nYou will also own\nthe"}}}}},
		{Rule: "unused-directive", Severity: linter.Warning, Family: "directives", Span: directive,
			Message: "unused directive: hype-title reported nothing on the next line",
			Fixes: []linter.Fix{{Message: "delete the directive", Safe: true,
				Edits: []linter.TextEdit{{Span: linter.Span{Start: directive.Start, End: directive.End + 1}}}}}},
	}
	cliche := span(t, adOps, "Work hard, play hard.", 0)
	ops := []linter.Finding{
		{Rule: "work-life-cliche", Severity: linter.Info, Family: "culture", Span: cliche,
			Message: `cliché "Work hard, play hard.": say what the hours & <on-call> duties are`},
	}
	return []FileResult{
		{Path: "ads/café-ad.md", Doc: linter.Parse("ads/café-ad.md", []byte(adCafe), linter.Markdown), Findings: cafe},
		{Path: "ads/clean ad.txt", Doc: linter.Parse("ads/clean ad.txt", []byte(adClean), linter.PlainText)},
		{Path: "ads/ops, lead.txt", Doc: linter.Parse("ads/ops, lead.txt", []byte(adOps), linter.PlainText), Findings: ops},
	}
}

// formats lists each machine format with its golden file.
var formats = []struct {
	golden string
	write  func(*bytes.Buffer, []FileResult) error
}{
	{"ads.sarif.json", func(b *bytes.Buffer, rs []FileResult) error {
		return WriteSARIF(b, rs, testRules(), testVersion)
	}},
	{"ads.github.txt", func(b *bytes.Buffer, rs []FileResult) error { return WriteGitHub(b, rs) }},
	{"ads.checkstyle.xml", func(b *bytes.Buffer, rs []FileResult) error { return WriteCheckstyle(b, rs, testVersion) }},
	{"ads.line.txt", func(b *bytes.Buffer, rs []FileResult) error { return WriteLine(b, rs) }},
}

func TestFormatsGolden(t *testing.T) {
	for _, f := range formats {
		t.Run(f.golden, func(t *testing.T) {
			var out bytes.Buffer
			if err := f.write(&out, testResults(t)); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join(formatsGoldenDir, f.golden)
			if *update {
				if err := os.MkdirAll(formatsGoldenDir, 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, out.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got := out.String(); got != string(want) {
				t.Errorf("output differs from %s (rerun with -update and review the diff):\n%s", golden, linttest.FirstDiff(string(want), got))
			}
		})
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestCheckstyleWellFormed parses the Checkstyle output back with
// encoding/xml: every file is there, and attributes read back as written.
func TestCheckstyleWellFormed(t *testing.T) {
	results := testResults(t)
	var b bytes.Buffer
	if err := WriteCheckstyle(&b, results, testVersion); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		XMLName xml.Name `xml:"checkstyle"`
		Version string   `xml:"version,attr"`
		Files   []struct {
			Name   string `xml:"name,attr"`
			Errors []struct {
				Line     string `xml:"line,attr"`
				Column   string `xml:"column,attr"`
				Severity string `xml:"severity,attr"`
				Message  string `xml:"message,attr"`
				Source   string `xml:"source,attr"`
			} `xml:"error"`
		} `xml:"file"`
	}
	dec := xml.NewDecoder(bytes.NewReader(b.Bytes()))
	dec.Strict = true
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("checkstyle output is not well-formed XML: %v\n%s", err, b.String())
	}
	if doc.Version != testVersion || len(doc.Files) != len(results) {
		t.Fatalf("version %q, %d files; want %q, %d", doc.Version, len(doc.Files), testVersion, len(results))
	}
	for i, r := range results {
		f := doc.Files[i]
		if f.Name != r.Path || len(f.Errors) != len(r.Findings) {
			t.Errorf("file %d: name %q with %d errors, want %q with %d", i, f.Name, len(f.Errors), r.Path, len(r.Findings))
			continue
		}
		for j, e := range f.Errors {
			fd := r.Findings[j]
			p := PositionOf(r.Doc, fd)
			wantCol := itoa(p.Column)
			if fd.Doc {
				wantCol = ""
			}
			if e.Message != fd.Message || e.Source != "hirelint."+fd.Rule || e.Severity != fd.Severity.String() || e.Line != itoa(p.Line) || e.Column != wantCol {
				t.Errorf("file %d error %d = %+v, want %s line %d col %q: %q", i, j, e, fd.Rule, p.Line, wantCol, fd.Message)
			}
		}
	}
}

// TestGitHubCommands checks each workflow command reads back, after
// unescaping, as the finding it came from.
func TestGitHubCommands(t *testing.T) {
	results := testResults(t)
	var b bytes.Buffer
	if err := WriteGitHub(&b, results); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	unescape := strings.NewReplacer("%0D", "\r", "%0A", "\n", "%3A", ":", "%2C", ",", "%25", "%")
	i := 0
	for _, r := range results {
		for _, f := range r.Findings {
			if i >= len(lines) {
				t.Fatalf("%d commands for more findings", len(lines))
			}
			l := lines[i]
			i++
			cmd, rest, ok := strings.Cut(strings.TrimPrefix(l, "::"), " ")
			props, msg, ok2 := strings.Cut(rest, "::")
			if !ok || !ok2 {
				t.Fatalf("not a workflow command: %q", l)
			}
			want := map[linter.Severity]string{linter.Error: "error", linter.Warning: "warning", linter.Info: "notice"}[f.Severity]
			if cmd != want {
				t.Errorf("%q: command %q, want %q", l, cmd, want)
			}
			if got := unescape.Replace(msg); got != f.Message {
				t.Errorf("%q: message reads back as %q, want %q", l, got, f.Message)
			}
			kv := map[string]string{}
			var keys []string
			for _, p := range strings.Split(props, ",") {
				k, v, _ := strings.Cut(p, "=")
				kv[k] = unescape.Replace(v)
				keys = append(keys, k)
			}
			if kv["file"] != filepath.ToSlash(r.Path) || kv["title"] != f.Rule {
				t.Errorf("%q: file %q title %q", l, kv["file"], kv["title"])
			}
			if f.Doc && strings.Join(keys, ",") != "file,line,title" {
				t.Errorf("%q: a document-level annotation should give file, line and title only", l)
			}
		}
	}
	if i != len(lines) {
		t.Errorf("%d commands for %d findings", len(lines), i)
	}
	if got := escapeGitHubProperty("a%b:c,d\r\ne"); got != "a%25b%3Ac%2Cd%0D%0Ae" {
		t.Errorf("property escaping = %q", got)
	}
	if got := escapeGitHubData("a%b:c,d\r\ne"); got != "a%25b:c,d%0D%0Ae" {
		t.Errorf("data escaping = %q", got)
	}
}

// TestLineFormat: one line per finding, nothing else, and every line reads
// as path:line:col: severity rule: message.
func TestLineFormat(t *testing.T) {
	results := testResults(t)
	var b bytes.Buffer
	if err := WriteLine(&b, results); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	var want []string
	for _, r := range results {
		for _, f := range r.Findings {
			p := PositionOf(r.Doc, f)
			want = append(want, r.Path+":"+itoa(p.Line)+":"+itoa(p.Column)+": "+f.Severity.String()+" "+f.Rule+": "+strings.ReplaceAll(f.Message, "\n", " "))
		}
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("line output:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
	var empty bytes.Buffer
	if err := WriteLine(&empty, []FileResult{results[1]}); err != nil || empty.Len() != 0 {
		t.Errorf("a clean file gives %q, want nothing", empty.String())
	}
}

// TestPascalCase covers the SARIF rule names.
func TestPascalCase(t *testing.T) {
	for id, want := range map[string]string{"missing-salary": "MissingSalary", "hype": "Hype", "a-b-c": "ABC"} {
		if got := pascalCase(id); got != want {
			t.Errorf("pascalCase(%q) = %q, want %q", id, got, want)
		}
	}
}

// TestReportersStream: the line, GitHub and Checkstyle reporters write
// each file as it comes; SARIF writes its one document at Close. With no
// files, Checkstyle still writes a whole document.
func TestReportersStream(t *testing.T) {
	results := testResults(t)
	for name, mk := range map[string]func(*bytes.Buffer) Reporter{
		"line":       func(b *bytes.Buffer) Reporter { return NewLineReporter(b) },
		"github":     func(b *bytes.Buffer) Reporter { return NewGitHubReporter(b) },
		"checkstyle": func(b *bytes.Buffer) Reporter { return NewCheckstyleReporter(b, testVersion) },
	} {
		var b bytes.Buffer
		rep := mk(&b)
		if err := rep.File(results[0]); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), "rockstar") {
			t.Errorf("%s: nothing written for the first file before Close: %q", name, b.String())
		}
	}
	var b bytes.Buffer
	rep := NewSARIFReporter(&b, testRules(), testVersion)
	if err := rep.File(results[0]); err != nil {
		t.Fatal(err)
	}
	if b.Len() != 0 {
		t.Errorf("sarif: wrote %q before Close", b.String())
	}
	b.Reset()
	if err := WriteCheckstyle(&b, nil, testVersion); err != nil {
		t.Fatal(err)
	}
	want := "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"0.0.0-test\">\n</checkstyle>\n"
	if b.String() != want {
		t.Errorf("checkstyle with no files = %q, want %q", b.String(), want)
	}
}

// TestJSONReportShape checks that the JSON report is one valid document
// listing each file in order, with no separator before the first, for no
// file, one and several.
func TestJSONReportShape(t *testing.T) {
	all := testResults(t)
	for n := 0; n <= len(all); n++ {
		var b bytes.Buffer
		if err := WriteJSON(&b, all[:n]); err != nil {
			t.Fatal(err)
		}
		if !json.Valid(b.Bytes()) {
			t.Fatalf("%d files: not valid JSON:\n%s", n, b.String())
		}
		var got struct {
			Files []struct {
				Path     string
				Findings []json.RawMessage
			}
			Summary json.RawMessage
		}
		if err := json.Unmarshal(b.Bytes(), &got); err != nil {
			t.Fatal(err)
		}
		if len(got.Files) != n || got.Summary == nil {
			t.Fatalf("%d files: decoded %d files, summary %s", n, len(got.Files), got.Summary)
		}
		for i, f := range got.Files {
			if f.Path != all[i].Path || len(f.Findings) != len(all[i].Findings) {
				t.Errorf("%d files: file %d is %q with %d findings, want %q with %d", n, i, f.Path, len(f.Findings), all[i].Path, len(all[i].Findings))
			}
		}
	}
}
