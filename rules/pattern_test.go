package rules

import (
	"regexp"
	"slices"
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

// TestPatternAloneNotCounted checks that matches of alone patterns are
// reported whatever their number and do not count towards min_matches,
// and that matches of the first pattern do count.
func TestPatternAloneNotCounted(t *testing.T) {
	src := "[[rule]]\nid = \"my-pattern\"\nkind = \"pattern\"\nseverity = \"warning\"\nfamily = \"x\"\nmessage = \"m\"\n" +
		"min_matches = 2\nalone = ['\\bunicorn\\b', '\\brockstar\\b']\npatterns = ['\\bexpert\\b', '\\bguru\\b']\n"
	cfg, err := linter.NewConfig(Kinds()).Extend("user.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		text string
		want []string
	}{
		// One counted match and one of each alone pattern: only those.
		{"A unicorn and a rockstar. An expert.", []string{"unicorn", "rockstar"}},
		{"A rockstar. A guru.", []string{"rockstar"}},
		// Two counted matches, of the first pattern and the last.
		{"A rockstar. An expert and a guru.", []string{"rockstar", "expert", "guru"}},
		{"An expert. Another expert.", []string{"expert", "expert"}},
		{"An expert.", nil},
	} {
		ad := linter.Parse("ad.txt", []byte(c.text), linter.PlainText)
		var got []string
		for _, f := range cfg.Lint(ad) {
			got = append(got, ad.Text[f.Span.Start:f.Span.End])
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%q: findings %q, want %q", c.text, got, c.want)
		}
	}
}
