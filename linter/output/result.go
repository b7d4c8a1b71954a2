package output

import "github.com/hirelint/hirelint/linter"

// FileResult is what linting one file produced.
type FileResult struct {
	// Path is the name shown for the file.
	Path     string
	Doc      *linter.Document
	Findings []linter.Finding
}

// Score is the file's 0–100 score (see linter.Score).
func (r FileResult) Score() int { return linter.Score(r.Findings) }

// Summary counts findings by severity over a run.
type Summary struct {
	Files    int `json:"files"`
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	Infos    int `json:"infos"`
	// FilesWithFindings counts files with at least one finding.
	FilesWithFindings int `json:"files_with_findings"`
}

// Summarize counts the findings of results.
func Summarize(results []FileResult) Summary {
	s := Summary{Files: len(results)}
	for _, r := range results {
		if len(r.Findings) > 0 {
			s.FilesWithFindings++
		}
		for _, f := range r.Findings {
			switch f.Severity {
			case linter.Error:
				s.Errors++
			case linter.Warning:
				s.Warnings++
			case linter.Info:
				s.Infos++
			}
		}
	}
	return s
}

// Position is a finding's place in its file.
type Position struct {
	Line, Column, EndLine, EndColumn int
	Offset, EndOffset                int
}

// PositionOf computes where f is in doc. Document-level findings are at
// line 1, column 1, offsets 0..0.
func PositionOf(doc *linter.Document, f linter.Finding) Position {
	if f.Doc {
		return Position{Line: 1, Column: 1, EndLine: 1, EndColumn: 1}
	}
	p := Position{Offset: f.Span.Start, EndOffset: f.Span.End}
	p.Line, p.Column = doc.Position(f.Span.Start)
	p.EndLine, p.EndColumn = doc.Position(f.Span.End)
	return p
}
