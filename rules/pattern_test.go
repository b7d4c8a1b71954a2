package rules

import (
	"strings"
	"testing"

	"github.com/hirelint/hirelint/linter"
)

// TestHasGroup checks that a named group is told from the same text
// escaped, quoted or inside a class, before and after the expression is
// compiled.
func TestHasGroup(t *testing.T) {
	for _, c := range []struct {
		expr string
		want bool
	}{
		{`(?i)a(?P<m>x)`, true},
		{`(?<m>x)`, true},
		{`\(?P<m>x\)`, false},
		{`[(?P<m>]x`, false},
		{`\Q(?P<m>\Ex`, false},
		{`(?P<mm>x)`, false},
	} {
		r := regexpRule{lazyRegexp: &lazyRegexp{expr: c.expr}}
		if got := hasGroup(r, "m"); got != c.want {
			t.Errorf("%s, not compiled: hasGroup = %v, want %v", c.expr, got, c.want)
		}
		r.Regexp()
		if got := hasGroup(r, "m"); got != c.want {
			t.Errorf("%s, compiled: hasGroup = %v, want %v", c.expr, got, c.want)
		}
	}
}

// TestReportGroupMissing checks that a report group missing from a pattern
// is reported with the pattern as written, case-sensitive or not.
func TestReportGroupMissing(t *testing.T) {
	for _, cs := range []string{"true", "false"} {
		src := "[[rule]]\nid = \"my-pattern\"\nkind = \"pattern\"\nseverity = \"info\"\nfamily = \"x\"\nmessage = \"m\"\n" +
			"case_sensitive = " + cs + "\npatterns = ['Xyz(?P<n>\\d+)', 'Abc\\d+']\nreport = \"n\"\n"
		_, err := linter.NewConfig(Kinds()).Extend("user.toml", []byte(src))
		if err == nil || !strings.Contains(err.Error(), `pattern "Abc\\d+" has no group named "n"`) {
			t.Errorf("case_sensitive = %s: error = %v, want it to name the pattern as written", cs, err)
		}
	}
}
