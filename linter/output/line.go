package output

import (
	"fmt"
	"io"
	"strings"
)

// WriteLine writes one line per finding and nothing else, for editors'
// quickfix lists and grep:
//
//	path:line:col: severity rule-id: message
//
// Columns count characters from 1; a document-level finding is at 1:1. A
// line break inside a message becomes a space, so each finding stays on
// one line.
func WriteLine(w io.Writer, results []FileResult) error {
	return writeAll(NewLineReporter(w), results)
}

// NewLineReporter returns a Reporter that streams the line format (see
// WriteLine).
func NewLineReporter(w io.Writer) Reporter { return lineReporter{w: w} }

type lineReporter struct{ w io.Writer }

func (l lineReporter) File(r FileResult) error {
	var b strings.Builder
	for _, f := range r.Findings {
		p := PositionOf(r.Doc, f)
		fmt.Fprintf(&b, "%s:%d:%d: %s %s: %s\n", r.Path, p.Line, p.Column, f.Severity, f.Rule, oneLine(f.Message))
	}
	_, err := io.WriteString(l.w, b.String())
	return err
}

func (l lineReporter) Close() error { return nil }

// oneLine replaces each line break (CRLF, LF or CR) in s with a space.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	return strings.Join(strings.FieldsFunc(strings.ReplaceAll(s, "\r\n", "\n"), func(r rune) bool { return r == '\n' || r == '\r' }), " ")
}
