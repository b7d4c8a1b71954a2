package main

import (
	"os"
	"strings"
	"testing"
)

// readmeSection returns the text between "<!-- begin NAME -->" and
// "<!-- end NAME -->" in the README.
func readmeSection(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	begin, end := "<!-- begin "+name+" -->\n", "<!-- end "+name+" -->"
	i, j := strings.Index(s, begin), strings.Index(s, end)
	if i < 0 || j < i {
		t.Fatalf("README has no %q section", name)
	}
	return s[i+len(begin) : j]
}

// TestReadmeRuleTable keeps the README's rule table in step with the rules.
func TestReadmeRuleTable(t *testing.T) {
	cfg, err := loadDefault()
	if err != nil {
		t.Fatal(err)
	}
	list := append(cfg.Rules[:0:0], cfg.Rules...)
	sortRules(list)
	if got, want := readmeSection(t, "rules"), RuleTable(list); got != want {
		t.Errorf("README rule table is stale; replace it with the output of `hirelint rules --format markdown`:\n%s", want)
	}
}

// TestReadmeOutput keeps the example output in the README true: it must be
// the golden output of the README's first command.
func TestReadmeOutput(t *testing.T) {
	golden, err := os.ReadFile("../../testdata/golden/ml-engineer.text")
	if err != nil {
		t.Fatal(err)
	}
	want := "```text\n" + string(golden) + "```\n"
	if got := readmeSection(t, "example output"); got != want {
		t.Errorf("README example output differs from testdata/golden/ml-engineer.text; paste the golden file in")
	}
}
