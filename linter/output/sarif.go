package output

import (
	"encoding/json"
	"io"
	"net/url"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/hirelint/hirelint/linter"
)

// The SARIF 2.1.0 object model, as much of it as hirelint fills in. Field
// names and shapes follow the OASIS schema (sarif-schema-2.1.0.json); a test
// validates the output against it.

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool      sarifTool       `json:"tool"`
	Artifacts []sarifArtifact `json:"artifacts"`
	Results   []sarifResult   `json:"results"`
	// ColumnKind says how columns are counted: hirelint counts Unicode
	// characters (code points), not the UTF-16 code units SARIF assumes
	// by default.
	ColumnKind string `json:"columnKind"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	InformationURI string      `json:"informationUri"`
	Version        string      `json:"version,omitempty"`
	Rules          []sarifRule `json:"rules"`
}

// sarifRule is a SARIF reportingDescriptor.
type sarifRule struct {
	ID                   string               `json:"id"`
	Name                 string               `json:"name,omitempty"`
	ShortDescription     *sarifMultiformat    `json:"shortDescription,omitempty"`
	FullDescription      *sarifMultiformat    `json:"fullDescription,omitempty"`
	Help                 *sarifMultiformat    `json:"help,omitempty"`
	DefaultConfiguration sarifConfiguration   `json:"defaultConfiguration"`
	Properties           *sarifRuleProperties `json:"properties,omitempty"`
}

type sarifMultiformat struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifConfiguration struct {
	Level string `json:"level"`
}

type sarifRuleProperties struct {
	Tags []string `json:"tags"`
}

type sarifArtifact struct {
	Location   sarifArtifactLocation   `json:"location"`
	Roles      []string                `json:"roles"`
	Properties sarifArtifactProperties `json:"properties"`
}

// sarifArtifactProperties carries the file's hirelint score.
type sarifArtifactProperties struct {
	Score int `json:"score"`
}

type sarifArtifactLocation struct {
	URI   string `json:"uri"`
	Index *int   `json:"index,omitempty"`
}

type sarifResult struct {
	RuleID    string          `json:"ruleId"`
	RuleIndex int             `json:"ruleIndex"`
	Level     string          `json:"level"`
	Message   sarifMessage    `json:"message"`
	Locations []sarifLocation `json:"locations"`
	Fixes     []sarifFix      `json:"fixes,omitempty"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           sarifRegion           `json:"region"`
}

// sarifRegion is a text region. Lines and columns are 1-based and the end
// column is exclusive, as in SARIF; byte offsets index the file as read.
// Zero-valued line and column fields are left out (a document-level
// finding has only startLine), while byte fields are pointers because
// offset 0 and length 0 are meaningful.
type sarifRegion struct {
	StartLine   int           `json:"startLine,omitempty"`
	StartColumn int           `json:"startColumn,omitempty"`
	EndLine     int           `json:"endLine,omitempty"`
	EndColumn   int           `json:"endColumn,omitempty"`
	ByteOffset  *int          `json:"byteOffset,omitempty"`
	ByteLength  *int          `json:"byteLength,omitempty"`
	Snippet     *sarifContent `json:"snippet,omitempty"`
}

type sarifContent struct {
	Text string `json:"text"`
}

type sarifFix struct {
	Description     sarifMessage          `json:"description"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
	Properties      sarifFixProperties    `json:"properties"`
}

// sarifFixProperties says whether hirelint's --fix would apply the fix; an
// unsafe fix (a template to complete) is a suggestion only.
type sarifFixProperties struct {
	Safe bool `json:"safe"`
}

type sarifArtifactChange struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Replacements     []sarifReplacement    `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifRegion   `json:"deletedRegion"`
	InsertedContent *sarifContent `json:"insertedContent,omitempty"`
}

const (
	sarifSchemaURI  = "https://json.schemastore.org/sarif-2.1.0.json"
	hirelintURI     = "https://github.com/hirelint/hirelint"
	sarifColumnKind = "unicodeCodePoints"
	sarifToolName   = "hirelint"
	sarifVersion    = "2.1.0"
	sarifRoleTarget = "analysisTarget"
)

// WriteSARIF writes results as a SARIF 2.1.0 log with one run. rules is the
// rule set in effect: each becomes a reportingDescriptor with its title,
// why, before/after example and source as descriptions and help, its
// severity as the default level and its family as a tag. A finding from a
// rule not in rules (an engine diagnostic) gets a bare descriptor so every
// result has a ruleIndex. version is hirelint's version string.
//
// Each file becomes an artifact carrying its score in properties.score.
// Regions give 1-based lines and columns counted in Unicode code points
// (run.columnKind "unicodeCodePoints") with an exclusive end column, plus
// the byte offset and length of the span; document-level findings point at
// line 1. Each fix becomes a SARIF fix whose replacements delete the edit's
// byte range and insert its new text.
func WriteSARIF(w io.Writer, results []FileResult, rules []*linter.RuleConfig, version string) error {
	driver := sarifDriver{Name: sarifToolName, InformationURI: hirelintURI, Version: version, Rules: []sarifRule{}}
	ruleIndex := map[string]int{}
	for _, rc := range rules {
		if rc == nil {
			continue
		}
		if _, dup := ruleIndex[rc.ID]; dup {
			continue
		}
		ruleIndex[rc.ID] = len(driver.Rules)
		driver.Rules = append(driver.Rules, sarifRuleOf(rc))
	}
	run := sarifRun{
		Tool:       sarifTool{Driver: driver},
		Artifacts:  []sarifArtifact{},
		Results:    []sarifResult{},
		ColumnKind: sarifColumnKind,
	}
	for ai, r := range results {
		uri := sarifURI(r.Path)
		run.Artifacts = append(run.Artifacts, sarifArtifact{
			Location:   sarifArtifactLocation{URI: uri},
			Roles:      []string{sarifRoleTarget},
			Properties: sarifArtifactProperties{Score: r.Score()},
		})
		loc := sarifArtifactLocation{URI: uri, Index: intPtr(ai)}
		for _, f := range r.Findings {
			idx, ok := ruleIndex[f.Rule]
			if !ok {
				idx = len(run.Tool.Driver.Rules)
				ruleIndex[f.Rule] = idx
				run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRule{
					ID: f.Rule, Name: pascalCase(f.Rule),
					DefaultConfiguration: sarifConfiguration{Level: sarifLevel(f.Severity)},
				})
			}
			res := sarifResult{
				RuleID:    f.Rule,
				RuleIndex: idx,
				Level:     sarifLevel(f.Severity),
				Message:   sarifMessage{Text: f.Message},
				Locations: []sarifLocation{{PhysicalLocation: sarifPhysicalLocation{
					ArtifactLocation: loc,
					Region:           findingRegion(r.Doc, f),
				}}},
			}
			for _, fx := range f.Fixes {
				if sf, ok := sarifFixOf(r.Doc, loc, fx); ok {
					res.Fixes = append(res.Fixes, sf)
				}
			}
			run.Results = append(run.Results, res)
		}
	}
	log := sarifLog{Schema: sarifSchemaURI, Version: sarifVersion, Runs: []sarifRun{run}}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(log)
}

// sarifRuleOf builds the reportingDescriptor of a configured rule.
func sarifRuleOf(rc *linter.RuleConfig) sarifRule {
	d := rc.Docs
	r := sarifRule{
		ID:                   rc.ID,
		Name:                 pascalCase(rc.ID),
		DefaultConfiguration: sarifConfiguration{Level: sarifLevel(rc.Severity)},
	}
	if t := strings.TrimSpace(d.Title); t != "" {
		r.ShortDescription = &sarifMultiformat{Text: t}
	}
	if why := strings.TrimSpace(d.Why); why != "" {
		r.FullDescription = &sarifMultiformat{Text: why}
	}
	if text, md := ruleHelp(d); text != "" {
		r.Help = &sarifMultiformat{Text: text, Markdown: md}
	}
	if rc.Family != "" {
		r.Properties = &sarifRuleProperties{Tags: []string{rc.Family}}
	}
	return r
}

// ruleHelp renders a rule's docs as plain text and as Markdown: why, the
// before/after example, then the source. Both are empty when the rule has
// no docs beyond its title.
func ruleHelp(d linter.Docs) (text, md string) {
	var t, m []string
	if why := strings.TrimSpace(d.Why); why != "" {
		t = append(t, why)
		m = append(m, why)
	}
	before, after := strings.TrimSpace(d.Before), strings.TrimSpace(d.After)
	if before != "" {
		t = append(t, "Before: "+before)
		m = append(m, "Before:\n\n"+mdQuote(before))
	}
	if after != "" {
		t = append(t, "After: "+after)
		m = append(m, "After:\n\n"+mdQuote(after))
	}
	if src := strings.TrimSpace(d.Source); src != "" {
		t = append(t, "Source: "+src)
		m = append(m, "Source: "+src)
	}
	return strings.Join(t, "\n\n"), strings.Join(m, "\n\n")
}

// mdQuote renders s as a Markdown block quote.
func mdQuote(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight("> "+l, " ")
	}
	return strings.Join(lines, "\n")
}

// findingRegion is the region of f in doc: line 1 for a document-level
// finding, else the span's lines, columns, bytes and text.
func findingRegion(doc *linter.Document, f linter.Finding) sarifRegion {
	if f.Doc {
		return sarifRegion{StartLine: 1}
	}
	reg := spanRegion(doc, f.Span)
	if f.Span.End > f.Span.Start {
		reg.Snippet = &sarifContent{Text: string(doc.Source[f.Span.Start:f.Span.End])}
	}
	return reg
}

// spanRegion is the region of the byte span sp of doc.
func spanRegion(doc *linter.Document, sp linter.Span) sarifRegion {
	var r sarifRegion
	r.StartLine, r.StartColumn = doc.Position(sp.Start)
	r.EndLine, r.EndColumn = doc.Position(sp.End)
	r.ByteOffset, r.ByteLength = intPtr(sp.Start), intPtr(sp.Len())
	return r
}

// sarifFixOf converts a fix; ok is false for a fix with no edits, which
// SARIF cannot express (a fix needs at least one replacement).
func sarifFixOf(doc *linter.Document, loc sarifArtifactLocation, fx linter.Fix) (sarifFix, bool) {
	if len(fx.Edits) == 0 {
		return sarifFix{}, false
	}
	ch := sarifArtifactChange{ArtifactLocation: loc}
	for _, e := range fx.Edits {
		rep := sarifReplacement{DeletedRegion: spanRegion(doc, e.Span)}
		if e.NewText != "" {
			rep.InsertedContent = &sarifContent{Text: e.NewText}
		}
		ch.Replacements = append(ch.Replacements, rep)
	}
	return sarifFix{
		Description:     sarifMessage{Text: fx.Message},
		ArtifactChanges: []sarifArtifactChange{ch},
		Properties:      sarifFixProperties{Safe: fx.Safe},
	}, true
}

// sarifLevel maps a severity to a SARIF level.
func sarifLevel(s linter.Severity) string {
	switch s {
	case linter.Error:
		return "error"
	case linter.Warning:
		return "warning"
	case linter.Info:
		return "note"
	}
	return "none"
}

// sarifURI turns a file path into a URI reference: a relative path stays
// relative (slash-separated, percent-encoded where a URI needs it), an
// absolute path becomes a file: URI.
func sarifURI(path string) string {
	p := filepath.ToSlash(path)
	if filepath.IsAbs(path) {
		if !strings.HasPrefix(p, "/") {
			p = "/" + p // a Windows drive path: file:///C:/...
		}
		return (&url.URL{Scheme: "file", Path: p}).String()
	}
	return (&url.URL{Path: p}).String()
}

// pascalCase turns a kebab-case rule id into the PascalCase name SARIF
// recommends: "missing-salary" becomes "MissingSalary".
func pascalCase(id string) string {
	var b strings.Builder
	up := true
	for _, r := range id {
		if r == '-' || r == '_' || r == ' ' {
			up = true
			continue
		}
		if up {
			r = unicode.ToUpper(r)
			up = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

func intPtr(n int) *int { return &n }
