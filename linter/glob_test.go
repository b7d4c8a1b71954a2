package linter

import "testing"

func TestGlobRegexp(t *testing.T) {
	for _, tc := range []struct {
		glob, path string
		match      bool
	}{
		{"postings/engineering/**", "postings/engineering/ml/a.md", true},
		{"postings/engineering/**", "postings/sales/a.md", false},
		{"postings/engineering/", "postings/engineering/a.md", true},
		{"postings/engineering", "postings/engineering/a.md", true},
		{"*.md", "a.md", true},
		{"*.md", "dir/a.md", false},
		{"**/*.md", "dir/sub/a.md", true},
		{"**/*.md", "a.md", true},
		{"**/drafts", "x/drafts/a.md", true},
		{"a?.txt", "ab.txt", true},
		{"[ab].md", "c.md", false},
		{"./docs/*.md", "docs/x.md", true},
	} {
		re, err := GlobRegexp(tc.glob)
		if err != nil {
			t.Fatal(err)
		}
		if got := re.MatchString(tc.path); got != tc.match {
			t.Errorf("%s ~ %s = %v, want %v (%s)", tc.glob, tc.path, got, tc.match, re)
		}
	}
}
