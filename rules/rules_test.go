package rules_test

import (
	"testing"

	"github.com/hirelint/hirelint"
	"github.com/hirelint/hirelint/linter"
	"github.com/hirelint/hirelint/linter/linttest"
	"github.com/hirelint/hirelint/rules"
)

// testOverrides pins what depends on the date, so fixtures give the same
// findings in any year.
const testOverrides = `
[[rule]]
id = "years-exceed-technology-age"
reference_year = 2026
`

func defaultConfig(t testing.TB) *linter.Config {
	t.Helper()
	cfg, err := linter.NewConfig(rules.Kinds()).Extend(hirelint.DefaultRulesName, hirelint.DefaultRules)
	if err != nil {
		t.Fatalf("default rules: %v", err)
	}
	if cfg, err = cfg.Extend("test overrides", []byte(testOverrides)); err != nil {
		t.Fatal(err)
	}
	return cfg
}

// TestFixtures lints every fixture ad with the default rules and compares
// the findings with the ones marked inline.
func TestFixtures(t *testing.T) {
	linttest.Run(t, defaultConfig(t), "../testdata/fixtures")
}
