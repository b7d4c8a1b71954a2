package output

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/hirelint/hirelint/linter"
)

// WriteGitHub writes one GitHub Actions workflow command per finding, which
// the runner turns into an annotation on the file:
//
//	::warning file=PATH,line=L,col=C,endLine=EL,endColumn=EC,title=RULE-ID::MESSAGE
//
// Errors become ::error, warnings ::warning and infos ::notice. Columns
// count characters from 1 and the end column is exclusive, as in the other
// formats. GitHub only honours columns for a one-line annotation, so a
// finding spanning lines gives line and endLine without columns, and a
// document-level finding gives line=1 alone. Values are escaped as the
// runner expects: % CR LF in the message, and also : and , in properties.
func WriteGitHub(w io.Writer, results []FileResult) error {
	return writeAll(NewGitHubReporter(w), results)
}

// NewGitHubReporter returns a Reporter that streams GitHub Actions
// workflow commands (see WriteGitHub).
func NewGitHubReporter(w io.Writer) Reporter { return githubReporter{w: w} }

type githubReporter struct{ w io.Writer }

func (g githubReporter) File(r FileResult) error {
	var b strings.Builder
	file := filepath.ToSlash(r.Path)
	for _, f := range r.Findings {
		b.WriteString("::" + githubCommand(f.Severity) + " ")
		props := []string{"file=" + escapeGitHubProperty(file)}
		p := PositionOf(r.Doc, f)
		switch {
		case f.Doc:
			props = append(props, "line=1")
		case p.EndLine == p.Line:
			props = append(props, fmt.Sprintf("line=%d,col=%d,endLine=%d,endColumn=%d", p.Line, p.Column, p.EndLine, p.EndColumn))
		default:
			props = append(props, fmt.Sprintf("line=%d,endLine=%d", p.Line, p.EndLine))
		}
		props = append(props, "title="+escapeGitHubProperty(f.Rule))
		b.WriteString(strings.Join(props, ","))
		b.WriteString("::" + escapeGitHubData(f.Message) + "\n")
	}
	_, err := io.WriteString(g.w, b.String())
	return err
}

func (g githubReporter) Close() error { return nil }

func githubCommand(s linter.Severity) string {
	switch s {
	case linter.Error:
		return "error"
	case linter.Warning:
		return "warning"
	}
	return "notice"
}

var (
	githubData     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	githubProperty = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

// escapeGitHubData escapes a workflow command's message.
func escapeGitHubData(s string) string { return githubData.Replace(s) }

// escapeGitHubProperty escapes a workflow command's property value.
func escapeGitHubProperty(s string) string { return githubProperty.Replace(s) }
