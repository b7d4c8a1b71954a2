package rules_test

import (
	"os"
	"strings"
	"testing"

	"github.com/hirelint/hirelint/linter"
	"github.com/hirelint/hirelint/rules"
)

// BenchmarkRuleKind runs each built-in rule, grouped by kind, over a 5 KB
// ad: the cost of one kind's Check calls with the default rules.
func BenchmarkRuleKind(b *testing.B) {
	cfg := defaultConfig(b)
	var s strings.Builder
	for _, f := range []string{"../testdata/examples/ml-engineer.md", "../testdata/examples/good-ad.md"} {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		s.Write(data)
	}
	src := s.String()
	for len(src) < 5000 {
		src += "\n" + src
	}
	doc := linter.Parse("ad.md", []byte(src[:5000]), linter.Markdown)
	doc.Words()
	doc.Sentences()
	byKind := map[string][]*linter.RuleConfig{}
	var kinds []string
	for _, r := range cfg.Rules {
		if byKind[r.Kind] == nil {
			kinds = append(kinds, r.Kind)
		}
		byKind[r.Kind] = append(byKind[r.Kind], r)
	}
	for _, k := range kinds {
		rs := byKind[k]
		b.Run(k, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				for _, r := range rs {
					r.Rule.Check(&linter.Pass{Doc: doc, Rule: r})
				}
			}
		})
	}
}

// BenchmarkLoadDefaultDecoded loads the built-in rules as the command does.
func BenchmarkLoadDefaultDecoded(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := rules.LoadDefault(); err != nil {
			b.Fatal(err)
		}
	}
}
