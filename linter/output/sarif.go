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
	return writeAll(NewSARIFReporter(w, rules, version), results)
}

// NewSARIFReporter returns a Reporter for SARIF (see WriteSARIF). A SARIF
// log is one JSON document whose rule list can grow with the results, so
// it is written at Close; what is kept until then is the SARIF results and
// artifacts, not the documents.
func NewSARIFReporter(w io.Writer, rules []*linter.RuleConfig, version string) Reporter {
	s := &sarifReporter{w: w, ruleIndex: map[string]int{}, run: sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name: sarifToolName, InformationURI: hirelintURI, Version: version, Rules: []sarifRule{},
		}},
		Artifacts:  []sarifArtifact{},
		Results:    []sarifResult{},
		ColumnKind: sarifColumnKind,
	}}
	for _, rc := range rules {
		if rc == nil {
			continue
		}
		if _, dup := s.ruleIndex[rc.ID]; dup {
			continue
		}
		s.ruleIndex[rc.ID] = len(s.run.Tool.Driver.Rules)
		s.run.Tool.Driver.Rules = append(s.run.Tool.Driver.Rules, sarifRuleOf(rc))
	}
	return s
}

type sarifReporter struct {
	w         io.Writer
	run       sarifRun
	ruleIndex map[string]int
}

func (s *sarifReporter) File(r FileResult) error {
	uri := sarifURI(r.Path)
	loc := sarifArtifactLocation{URI: uri, Index: intPtr(len(s.run.Artifacts))}
	s.run.Artifacts = append(s.run.Artifacts, sarifArtifact{
		Location:   sarifArtifactLocation{URI: uri},
		Roles:      []string{sarifRoleTarget},
		Properties: sarifArtifactProperties{Score: r.Score()},
	})
	for _, f := range r.Findings {
		res := sarifResult{
			RuleID:    f.Rule,
			RuleIndex: s.rule(f),
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
		s.run.Results = append(s.run.Results, res)
	}
	return nil
}

// rule returns the index of f's rule, adding a bare descriptor for a rule
// outside the configured set.
func (s *sarifReporter) rule(f linter.Finding) int {
	if i, ok := s.ruleIndex[f.Rule]; ok {
		return i
	}
	i := len(s.run.Tool.Driver.Rules)
	s.ruleIndex[f.Rule] = i
	s.run.Tool.Driver.Rules = append(s.run.Tool.Driver.Rules, sarifRule{
		ID: f.Rule, Name: pascalCase(f.Rule),
		DefaultConfiguration: sarifConfiguration{Level: sarifLevel(f.Severity)},
	})
	return i
}

func (s *sarifReporter) Close() error {
	log := sarifLog{Schema: sarifSchemaURI, Version: sarifVersion, Runs: []sarifRun{s.run}}
	enc := json.NewEncoder(s.w)
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
	if 0 <= f.Span.Start && f.Span.Start < f.Span.End && f.Span.End <= len(doc.Source) {
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
