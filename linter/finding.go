package linter

import (
	"fmt"
	"sort"
	"strings"
)

// Severity ranks findings. The zero value means "not set".
type Severity int

// Severities, from least to most severe.
const (
	SeverityNone Severity = iota
	Info
	Warning
	Error
)

// ParseSeverity parses "error", "warning" or "info".
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "error":
		return Error, nil
	case "warning", "warn":
		return Warning, nil
	case "info":
		return Info, nil
	}
	return SeverityNone, fmt.Errorf("unknown severity %q (want error, warning or info)", s)
}

func (s Severity) String() string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	case Info:
		return "info"
	}
	return "none"
}

// MarshalText implements encoding.TextMarshaler.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler, so TOML config decodes
// severities strictly.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// Span is a half-open range of byte offsets [Start, End) into a document's
// source as read.
type Span struct {
	Start, End int
}

// Len returns the number of bytes in s.
func (s Span) Len() int { return s.End - s.Start }

// TextEdit replaces the source bytes in Span with NewText.
type TextEdit struct {
	Span    Span
	NewText string
}

// Fix is a suggested change: a verb-phrase message and non-overlapping edits.
// A fix that is not Safe (for example a template the writer must complete)
// is shown but never applied automatically.
type Fix struct {
	Message string
	Edits   []TextEdit
	Safe    bool
}

// Finding is one problem found in a document. Span is the matched text;
// document-level findings have Doc set and an empty span at offset 0.
// Area is set for findings that mark a stretch of text (a sentence, a
// section) rather than the offending words; they never compete with
// word-level findings for the same text.
type Finding struct {
	Rule     string
	Severity Severity
	Family   string
	Message  string
	Span     Span
	Doc      bool
	Area     bool
	Fixes    []Fix
}

// SortFindings orders findings by position, then rule id.
func SortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Doc != b.Doc {
			return a.Doc
		}
		if a.Span.Start != b.Span.Start {
			return a.Span.Start < b.Span.Start
		}
		if a.Span.End != b.Span.End {
			return a.Span.End < b.Span.End
		}
		return a.Rule < b.Rule
	})
}

// ApplyEdits returns src with edits applied. Edits may come in any order; they
// must lie inside src and must not overlap, else an error is returned and src
// is not changed.
func ApplyEdits(src []byte, edits []TextEdit) ([]byte, error) {
	es := append([]TextEdit(nil), edits...)
	sort.SliceStable(es, func(i, j int) bool { return es[i].Span.Start < es[j].Span.Start })
	prev := 0
	for i, e := range es {
		if e.Span.Start < 0 || e.Span.End < e.Span.Start || e.Span.End > len(src) {
			return nil, fmt.Errorf("edit %d..%d outside the document (0..%d)", e.Span.Start, e.Span.End, len(src))
		}
		if i > 0 && e.Span.Start < prev {
			return nil, fmt.Errorf("edit at %d overlaps the edit ending at %d", e.Span.Start, prev)
		}
		prev = e.Span.End
	}
	var b strings.Builder
	b.Grow(len(src))
	last := 0
	for _, e := range es {
		b.Write(src[last:e.Span.Start])
		b.WriteString(e.NewText)
		last = e.Span.End
	}
	b.Write(src[last:])
	return []byte(b.String()), nil
}
