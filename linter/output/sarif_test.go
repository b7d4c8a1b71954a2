package output

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/hirelint/hirelint/linter"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// sarifLogForTest is the part of a SARIF log the tests read back.
type sarifLogForTest struct {
	Runs []struct {
		ColumnKind string `json:"columnKind"`
		Tool       struct {
			Driver struct {
				Name    string `json:"name"`
				Version string `json:"version"`
				Rules   []struct {
					ID                   string `json:"id"`
					Name                 string `json:"name"`
					DefaultConfiguration struct {
						Level string `json:"level"`
					} `json:"defaultConfiguration"`
					Help *struct {
						Text     string `json:"text"`
						Markdown string `json:"markdown"`
					} `json:"help"`
					Properties struct {
						Tags []string `json:"tags"`
					} `json:"properties"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Artifacts []struct {
			Location struct {
				URI string `json:"uri"`
			} `json:"location"`
			Properties struct {
				Score int `json:"score"`
			} `json:"properties"`
		} `json:"artifacts"`
		Results []struct {
			RuleID    string `json:"ruleId"`
			RuleIndex int    `json:"ruleIndex"`
			Level     string `json:"level"`
			Message   struct {
				Text string `json:"text"`
			} `json:"message"`
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct {
						URI   string `json:"uri"`
						Index int    `json:"index"`
					} `json:"artifactLocation"`
					Region map[string]any `json:"region"`
				} `json:"physicalLocation"`
			} `json:"locations"`
			Fixes []struct {
				ArtifactChanges []struct {
					Replacements []struct {
						DeletedRegion struct {
							ByteOffset *int `json:"byteOffset"`
							ByteLength *int `json:"byteLength"`
						} `json:"deletedRegion"`
						InsertedContent *struct {
							Text string `json:"text"`
						} `json:"insertedContent"`
					} `json:"replacements"`
				} `json:"artifactChanges"`
			} `json:"fixes"`
		} `json:"results"`
	} `json:"runs"`
}

func writeSARIFForTest(t *testing.T, rs []FileResult, rules []*linter.RuleConfig) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := WriteSARIF(&b, rs, rules, testVersion); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestSARIFSchema validates SARIF output against the OASIS SARIF 2.1.0
// JSON schema (draft-07) kept in testdata and read offline. The copy is
// the committee specification's schema as published by the OASIS SARIF TC
// in github.com/oasis-tcs/sarif-spec
// (Documents/CommitteeSpecifications/2.1.0/sarif-schema-2.1.0.json), kept
// byte for byte. Copyright OASIS Open; the repository's content is governed
// by the OASIS IPR Policy, whose copyright notice lets OASIS documents be
// copied and furnished to others in whole or in part, provided the notice
// is kept with them (here).
func TestSARIFSchema(t *testing.T) {
	schema := compileSARIFSchema(t)
	cases := map[string][]byte{
		"ads":      writeSARIFForTest(t, testResults(t), testRules()),
		"no files": writeSARIFForTest(t, nil, nil),
		"no rules": writeSARIFForTest(t, testResults(t), nil),
	}
	for name, out := range cases {
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
		if err != nil {
			t.Fatalf("%s: SARIF output is not JSON: %v", name, err)
		}
		if err := schema.Validate(inst); err != nil {
			t.Errorf("%s: SARIF output does not match the SARIF 2.1.0 schema: %v", name, err)
		}
	}
	// The validator does reject a log that breaks the schema: a result
	// without a message, a region with column 0, an unknown column kind.
	for name, mutate := range map[string]func(map[string]any){
		"column kind": func(log map[string]any) {
			log["runs"].([]any)[0].(map[string]any)["columnKind"] = "bytes"
		},
		"result without message": func(log map[string]any) {
			delete(firstResult(log), "message")
		},
		"column 0": func(log map[string]any) {
			loc := firstResult(log)["locations"].([]any)[0].(map[string]any)
			loc["physicalLocation"].(map[string]any)["region"].(map[string]any)["startColumn"] = 0
		},
	} {
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(cases["ads"]))
		if err != nil {
			t.Fatal(err)
		}
		mutate(inst.(map[string]any))
		if err := schema.Validate(inst); err == nil {
			t.Errorf("%s: the schema accepted a broken SARIF log; is the validator working?", name)
		}
	}
}

// firstResult returns the first result of log with a text region (the
// first one is document-level).
func firstResult(log map[string]any) map[string]any {
	run := log["runs"].([]any)[0].(map[string]any)
	return run["results"].([]any)[1].(map[string]any)
}

func compileSARIFSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	abs, err := filepath.Abs(sarifSchemaPath)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat() // check "uri", "uri-reference" and the like too
	schema, err := c.Compile(abs)
	if err != nil {
		t.Fatalf("compile %s: %v", sarifSchemaPath, err)
	}
	return schema
}

// TestSARIFMapping checks what the schema cannot: that regions, rules and
// fixes say the right things about the source.
func TestSARIFMapping(t *testing.T) {
	results := testResults(t)
	var log sarifLogForTest
	if err := json.Unmarshal(writeSARIFForTest(t, results, testRules()), &log); err != nil {
		t.Fatal(err)
	}
	if len(log.Runs) != 1 {
		t.Fatalf("%d runs, want 1", len(log.Runs))
	}
	run := log.Runs[0]
	if run.ColumnKind != "unicodeCodePoints" || run.Tool.Driver.Name != "hirelint" || run.Tool.Driver.Version != testVersion {
		t.Errorf("columnKind %q, driver %q %q", run.ColumnKind, run.Tool.Driver.Name, run.Tool.Driver.Version)
	}
	// Every configured rule is described, in order, then the rule that
	// reported without being configured.
	var ids []string
	for _, r := range run.Tool.Driver.Rules {
		ids = append(ids, r.ID)
	}
	if got, want := strings.Join(ids, " "), "hype-title missing-salary vague-pay long-sentence work-life-cliche gendered-wording unused-directive"; got != want {
		t.Errorf("rule ids %q, want %q", got, want)
	}
	hype := run.Tool.Driver.Rules[0]
	if hype.Name != "HypeTitle" || hype.DefaultConfiguration.Level != "warning" || strings.Join(hype.Properties.Tags, ",") != "hype" {
		t.Errorf("hype-title descriptor = %+v", hype)
	}
	if hype.Help == nil || !strings.Contains(hype.Help.Text, "Before: We want a rockstar engineer.") || !strings.Contains(hype.Help.Markdown, "> We want a senior engineer.") {
		t.Errorf("hype-title help lacks the example: %+v", hype.Help)
	}
	levels := map[string]string{}
	for _, r := range run.Tool.Driver.Rules {
		levels[r.ID] = r.DefaultConfiguration.Level
	}
	if levels["missing-salary"] != "error" || levels["long-sentence"] != "note" {
		t.Errorf("default levels = %v", levels)
	}

	if len(run.Artifacts) != 3 || run.Artifacts[1].Location.URI != "ads/clean%20ad.txt" || run.Artifacts[1].Properties.Score != 100 {
		t.Errorf("artifacts = %+v", run.Artifacts)
	}
	if got := run.Artifacts[2].Location.URI; got != "ads/ops,%20lead.txt" {
		t.Errorf("URI of %q = %q, want slash-separated and escaped", results[2].Path, got)
	}

	var findings []struct {
		r FileResult
		f linter.Finding
	}
	for _, r := range results {
		for _, f := range r.Findings {
			findings = append(findings, struct {
				r FileResult
				f linter.Finding
			}{r, f})
		}
	}
	if len(run.Results) != len(findings) {
		t.Fatalf("%d SARIF results for %d findings", len(run.Results), len(findings))
	}
	for i, res := range run.Results {
		r, f := findings[i].r, findings[i].f
		if res.RuleID != f.Rule || run.Tool.Driver.Rules[res.RuleIndex].ID != f.Rule || res.Message.Text != f.Message {
			t.Errorf("result %d: rule %q index %d message %q, want %q %q", i, res.RuleID, res.RuleIndex, res.Message.Text, f.Rule, f.Message)
		}
		region := res.Locations[0].PhysicalLocation.Region
		if f.Doc {
			if len(region) != 1 || region["startLine"] != 1.0 {
				t.Errorf("document-level region = %v, want startLine 1 only", region)
			}
		} else {
			// Recompute line and character column from the source
			// independently of linter.Document.
			line, col := lineCol(r.Doc.Source, f.Span.Start)
			eline, ecol := lineCol(r.Doc.Source, f.Span.End)
			want := map[string]any{"startLine": float64(line), "startColumn": float64(col), "endLine": float64(eline), "endColumn": float64(ecol),
				"byteOffset": float64(f.Span.Start), "byteLength": float64(f.Span.Len())}
			for k, v := range want {
				if region[k] != v {
					t.Errorf("result %d (%s): region %s = %v, want %v", i, f.Rule, k, region[k], v)
				}
			}
			if snip, _ := region["snippet"].(map[string]any); snip["text"] != string(r.Doc.Source[f.Span.Start:f.Span.End]) {
				t.Errorf("result %d: snippet %v", i, region["snippet"])
			}
		}
		// Applying the SARIF replacements by their byte ranges gives what
		// the engine's own edits give.
		if len(res.Fixes) != len(f.Fixes) {
			t.Fatalf("result %d: %d SARIF fixes for %d fixes", i, len(res.Fixes), len(f.Fixes))
		}
		for j, fx := range res.Fixes {
			var edits []linter.TextEdit
			for _, rep := range fx.ArtifactChanges[0].Replacements {
				e := linter.TextEdit{Span: linter.Span{Start: *rep.DeletedRegion.ByteOffset, End: *rep.DeletedRegion.ByteOffset + *rep.DeletedRegion.ByteLength}}
				if rep.InsertedContent != nil {
					e.NewText = rep.InsertedContent.Text
				}
				edits = append(edits, e)
			}
			got, err := linter.ApplyEdits(r.Doc.Source, edits)
			if err != nil {
				t.Fatalf("result %d fix %d: %v", i, j, err)
			}
			want, _ := linter.ApplyEdits(r.Doc.Source, f.Fixes[j].Edits)
			if string(got) != string(want) {
				t.Errorf("result %d fix %d: applying the SARIF fix gives %q, want %q", i, j, got, want)
			}
		}
	}
	// Counted by hand: 19 characters precede "rockstar" on line 3 ("🚀 Our
	// café wants a "), so it starts at column 20 (in UTF-16 code units it
	// would be 21: the rocket is two) and at byte 55 (31 bytes of line 1,
	// with "—" and "ü"; 1 of line 2; 23 on line 3, the rocket being 4).
	region := run.Results[1].Locations[0].PhysicalLocation.Region
	if region["startLine"] != 3.0 || region["startColumn"] != 20.0 || region["endColumn"] != 28.0 || region["byteOffset"] != 55.0 {
		t.Errorf("rockstar region = %v, want line 3, columns 20..28, byte 55", region)
	}
}

// lineCol returns the 1-based line and character column of byte offset off.
func lineCol(src []byte, off int) (line, col int) {
	start := bytes.LastIndexByte(src[:off], '\n') + 1
	return bytes.Count(src[:off], []byte("\n")) + 1, utf8.RuneCount(src[start:off]) + 1
}

// TestSARIFURI: paths become URI references, relative ones staying
// relative.
func TestSARIFURI(t *testing.T) {
	cases := map[string]string{
		"ad.md":        "ad.md",
		"ads/x y#1.md": "ads/x%20y%231.md",
		"a:b.md":       "./a:b.md", // not a URI scheme
	}
	if filepath.IsAbs("/home/u/ads/a.md") { // not on Windows
		cases["/home/u/ads/a.md"] = "file:///home/u/ads/a.md"
	}
	for path, want := range cases {
		if got := sarifURI(path); got != want {
			t.Errorf("sarifURI(%q) = %q, want %q", path, got, want)
		}
	}
}
