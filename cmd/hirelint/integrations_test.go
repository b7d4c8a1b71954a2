package main

import (
	"io"
	"os"
	"regexp"
	"testing"
)

// TestIntegrationFlags checks that the GitHub Action and the pre-commit
// hooks use only flags hirelint has, so they cannot drift from the CLI.
func TestIntegrationFlags(t *testing.T) {
	var o options
	fs := newFlagSet(&o, io.Discard)
	flagRe := regexp.MustCompile(`(?:^|\s)--([a-z][a-z-]+)`)
	for _, f := range []string{"../../action.yml", "../../.pre-commit-hooks.yaml"} {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, m := range flagRe.FindAllStringSubmatch(string(data), -1) {
			n++
			if fs.Lookup(m[1]) == nil {
				t.Errorf("%s uses --%s, which hirelint does not have", f, m[1])
			}
		}
		if n == 0 {
			t.Errorf("%s uses no hirelint flag: the test checks nothing", f)
		}
	}
}
