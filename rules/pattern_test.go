package rules

import (
	"regexp"
	"strings"
	"testing"

	"github.com/hirelint/hirelint/linter"
)

// TestHasGroup checks that a named group is told from the same text
// escaped, quoted or inside a class, as the compiled expression tells it.
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
		sh := shapeOf(c.expr)
		if got := hasGroup(regexpRule{shape: &sh}, "m"); got != c.want {
			t.Errorf("%s: hasGroup = %v, want %v", c.expr, got, c.want)
		}
		if compiled := regexp.MustCompile(c.expr).SubexpIndex("m") >= 0; compiled != c.want {
			t.Errorf("%s: compiled, the group is there: %v", c.expr, compiled)
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
