package output

import (
	"encoding/json"
	"io"

	"github.com/hirelint/hirelint/linter"
)

type jsonReport struct {
	Files   []jsonFile `json:"files"`
	Summary Summary    `json:"summary"`
}

type jsonFile struct {
	Path     string        `json:"path"`
	Score    int           `json:"score"`
	Findings []JSONFinding `json:"findings"`
}

// JSONFinding is the JSON shape of one finding.
type JSONFinding struct {
	Rule      string    `json:"rule"`
	Severity  string    `json:"severity"`
	Family    string    `json:"family"`
	Message   string    `json:"message"`
	Line      int       `json:"line"`
	Column    int       `json:"column"`
	EndLine   int       `json:"end_line"`
	EndColumn int       `json:"end_column"`
	Offset    int       `json:"offset"`
	EndOffset int       `json:"end_offset"`
	Match     string    `json:"match"`
	Document  bool      `json:"document,omitempty"`
	Fixes     []JSONFix `json:"fixes"`
}

// JSONFix is the JSON shape of a fix.
type JSONFix struct {
	Message string     `json:"message"`
	Safe    bool       `json:"safe"`
	Edits   []JSONEdit `json:"edits"`
}

// JSONEdit is the JSON shape of a text edit.
type JSONEdit struct {
	Offset    int    `json:"offset"`
	EndOffset int    `json:"end_offset"`
	NewText   string `json:"new_text"`
}

// ToJSON converts a finding of doc to its JSON shape.
func ToJSON(doc *linter.Document, f linter.Finding) JSONFinding {
	p := PositionOf(doc, f)
	j := JSONFinding{
		Rule: f.Rule, Severity: f.Severity.String(), Family: f.Family, Message: f.Message,
		Line: p.Line, Column: p.Column, EndLine: p.EndLine, EndColumn: p.EndColumn,
		Offset: p.Offset, EndOffset: p.EndOffset, Document: f.Doc, Fixes: []JSONFix{},
	}
	if !f.Doc {
		j.Match = string(doc.Source[f.Span.Start:f.Span.End])
	}
	for _, fx := range f.Fixes {
		jf := JSONFix{Message: fx.Message, Safe: fx.Safe}
		for _, e := range fx.Edits {
			jf.Edits = append(jf.Edits, JSONEdit{Offset: e.Span.Start, EndOffset: e.Span.End, NewText: e.NewText})
		}
		j.Fixes = append(j.Fixes, jf)
	}
	return j
}

// WriteJSON writes results as one JSON document:
// {"files": [{"path", "findings": [...]}], "summary": {...}}.
func WriteJSON(w io.Writer, results []FileResult) error {
	rep := jsonReport{Files: []jsonFile{}, Summary: Summarize(results)}
	for _, r := range results {
		jf := jsonFile{Path: r.Path, Score: r.Score(), Findings: []JSONFinding{}}
		for _, f := range r.Findings {
			jf.Findings = append(jf.Findings, ToJSON(r.Doc, f))
		}
		rep.Files = append(rep.Files, jf)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(rep)
}
