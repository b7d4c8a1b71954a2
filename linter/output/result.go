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
	var s Summary
	for _, r := range results {
		s.add(r)
	}
	return s
}

func (s *Summary) add(r FileResult) {
	s.Files++
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

// Reporter writes results file by file as they come, and the summary (or
// whatever closes the format) at Close. Streaming reporters keep counts,
// not documents, so memory does not grow with the number of files.
type Reporter interface {
	File(r FileResult) error
	Close() error
}

// A Preparer is a Reporter that can do the costly part of reporting a
// file (encoding it) ahead of File, on any goroutine, so that a run
// linting files in parallel also encodes them in parallel.
type Preparer interface {
	Reporter
	// Prepare returns what FilePrepared writes for r; it is safe for
	// concurrent use.
	Prepare(r FileResult) Prepared
	// FilePrepared is File for a result prepared by Prepare.
	FilePrepared(r FileResult, p Prepared) error
}

// Prepared is a file's report made ahead by Preparer.Prepare.
type Prepared any

func writeAll(rep Reporter, results []FileResult) error {
	for _, r := range results {
		if err := rep.File(r); err != nil {
			return err
		}
	}
	return rep.Close()
}

// Collect returns a Reporter that keeps every result and writes them all
// with write at Close, for formats that need the whole run at once.
func Collect(write func([]FileResult) error) Reporter { return &collector{write: write} }

type collector struct {
	results []FileResult
	write   func([]FileResult) error
}

func (c *collector) File(r FileResult) error { c.results = append(c.results, r); return nil }
func (c *collector) Close() error            { return c.write(c.results) }

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

// Discard is a Reporter that writes nothing (for --diff, whose output is
// the diffs).
var Discard Reporter = discard{}

type discard struct{}

func (discard) File(FileResult) error { return nil }
func (discard) Close() error          { return nil }
