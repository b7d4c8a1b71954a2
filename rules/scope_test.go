package rules

import (
	"regexp"
	"testing"
)

func TestFoldApostrophes(t *testing.T) {
	for _, tc := range []struct {
		pat   string
		text  string
		match bool
	}{
		{`^what you'll do\b`, "What you’ll do", true},
		{`^what you'll do\b`, "What you'll do", true},
		{`^what you'll do\b`, "What youll do", false},
		{`(?i)don't|won't`, "We WONʼT", true},
		{`[a']b`, "’b", false}, // classes are left alone
		{`\bit's\b`, "its", false},
	} {
		re := regexp.MustCompile("(?i)" + foldApostrophes(tc.pat))
		if got := re.MatchString(tc.text); got != tc.match {
			t.Errorf("%s (as %s) on %q = %v, want %v", tc.pat, foldApostrophes(tc.pat), tc.text, got, tc.match)
		}
	}
}
