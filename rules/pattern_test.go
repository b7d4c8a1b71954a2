package rules

import "testing"

// TestHasGroup checks that a named group is told from the same text
// escaped or inside a class, before and after the expression is compiled.
func TestHasGroup(t *testing.T) {
	for _, c := range []struct {
		expr string
		want bool
	}{
		{`(?i)a(?P<m>x)`, true},
		{`(?<m>x)`, true},
		{`\(?P<m>x\)`, false},
		{`[(?P<m>]x`, false},
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
