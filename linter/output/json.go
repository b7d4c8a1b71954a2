package output

import (
	"bytes"
	"encoding/json"
	"io"

	"github.com/hirelint/hirelint/linter"
)

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
// {"files": [{"path", "score", "findings": [...]}], "summary": {...}}.
func WriteJSON(w io.Writer, results []FileResult) error {
	return writeAll(NewJSONReporter(w), results)
}

// NewJSONReporter returns a Reporter that streams the JSON report: the
// same document WriteJSON writes, one file object at a time.
func NewJSONReporter(w io.Writer) Reporter { return &jsonReporter{w: w} }

type jsonReporter struct {
	w   io.Writer
	n   int
	sum Summary
}

func (j *jsonReporter) File(r FileResult) error { return j.FilePrepared(r, j.Prepare(r)) }

// fileSep goes before each file's object but the first.
const fileSep = ",\n    "

// Prepare returns fileSep and then the file's object, encoded ([]byte),
// so that FilePrepared writes each file but the first in one piece (it
// drops the separator of the first, after the report's head).
func (j *jsonReporter) Prepare(r FileResult) Prepared {
	jf := jsonFile{Path: r.Path, Score: r.Score(), Findings: make([]JSONFinding, 0, len(r.Findings))}
	for _, f := range r.Findings {
		jf.Findings = append(jf.Findings, ToJSON(r.Doc, f))
	}
	// Room for the whole object at once: a finding takes about 730 bytes, indented.
	b := make([]byte, 0, len(fileSep)+128+len(r.Path)+768*len(r.Findings))
	return appendFileJSON(append(b, fileSep...), jf, "    ", "  ")
}

func (j *jsonReporter) FilePrepared(r FileResult, p Prepared) error {
	b := p.([]byte)
	if j.n == 0 {
		if _, err := io.WriteString(j.w, "{\n  \"files\": [\n    "); err != nil {
			return err
		}
		b = b[len(fileSep):]
	}
	j.n++
	j.sum.add(r)
	_, err := j.w.Write(b)
	return err
}

func (j *jsonReporter) Close() error {
	sum, err := marshalIndent(j.sum, "  ")
	if err != nil {
		return err
	}
	files := "\n  ],\n"
	if j.n == 0 {
		files = "{\n  \"files\": [],\n"
	}
	_, err = io.WriteString(j.w, files+"  \"summary\": "+string(sum)+"\n}\n")
	return err
}

// marshalIndent encodes v indented two spaces per level from prefix,
// without escaping HTML characters.
func marshalIndent(v any, prefix string) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent(prefix, "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}
