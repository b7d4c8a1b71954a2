package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hirelint/hirelint/linter/linttest"
	"github.com/rogpeppe/go-internal/testscript"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"hirelint": func() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the CLI scripts in testdata/script: exit codes, standard
// input, config discovery, config errors, rules and explain.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:           "../../testdata/script",
		UpdateScripts: *update,
		Setup: func(e *testscript.Env) error {
			// Colour must be decided by the flags the scripts give.
			e.Setenv("NO_COLOR", "")
			e.Setenv("FORCE_COLOR", "")
			return nil
		},
	})
}

// TestGolden pins the text (without colour) and JSON output for the
// example ads.
func TestGolden(t *testing.T) {
	ads, err := filepath.Glob("../../testdata/examples/*.md")
	if err != nil || len(ads) == 0 {
		t.Fatalf("no example ads: %v", err)
	}
	for _, ad := range ads {
		for _, format := range []string{"text", "json"} {
			name := strings.TrimSuffix(filepath.Base(ad), ".md") + "." + format
			t.Run(name, func(t *testing.T) {
				rel, _ := filepath.Rel("../..", ad)
				var out, errb bytes.Buffer
				// Run from the repository root so paths in the output are
				// the ones a user sees.
				wd, _ := os.Getwd()
				if err := os.Chdir("../.."); err != nil {
					t.Fatal(err)
				}
				code := run([]string{"--format", format, "--color", "never", rel}, nil, &out, &errb)
				os.Chdir(wd)
				if code != 0 && code != 1 {
					t.Fatalf("exit %d: %s", code, errb.String())
				}
				golden := filepath.Join("../../testdata/golden", name)
				if *update {
					if err := os.WriteFile(golden, out.Bytes(), 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatalf("%v (run go test ./cmd/hirelint -run TestGolden -update)", err)
				}
				if !bytes.Equal(out.Bytes(), want) {
					t.Errorf("output differs from %s (rerun with -update and review the diff):\n%s", golden, linttest.FirstDiff(string(want), out.String()))
				}
			})
		}
	}
}
