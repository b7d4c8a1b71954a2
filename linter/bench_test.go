package linter_test

import (
	"os"
	"strings"
	"testing"

	"github.com/hirelint/hirelint/linter"
)

// benchAd returns an ad of about n bytes built from the example ads.
func benchAd(b *testing.B, n int) []byte {
	b.Helper()
	var s strings.Builder
	for _, f := range []string{"../testdata/examples/ml-engineer.md", "../testdata/examples/good-ad.md"} {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		s.Write(data)
		s.WriteString("\n")
	}
	ad := s.String()
	for len(ad) < n {
		ad += "\n" + ad
	}
	return []byte(ad[:n])
}

func BenchmarkParse(b *testing.B) {
	src := benchAd(b, 5000)
	html := []byte("<html><body><h1>Engineer</h1><ul><li>" + strings.ReplaceAll(string(src), "\n", "</li><li>") + "</li></ul></body></html>")
	for _, tc := range []struct {
		name   string
		src    []byte
		format linter.Format
	}{{"markdown", src, linter.Markdown}, {"text", src, linter.PlainText}, {"html", html, linter.HTML}} {
		b.Run(tc.name, func(b *testing.B) {
			b.SetBytes(int64(len(tc.src)))
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				d := linter.Parse("ad", tc.src, tc.format)
				d.Words()
				d.Sentences()
			}
		})
	}
}

// BenchmarkPhraseMatch matches 500 phrases against the words of a 5 KB ad.
func BenchmarkPhraseMatch(b *testing.B) {
	set := linter.NewPhraseSet()
	words := strings.Fields(strings.ToLower(string(benchAd(b, 20000))))
	n := 0
	for i := 0; i+2 < len(words) && n < 500; i += 7 {
		if set.Add(words[i]+" "+words[i+1]+" "+words[i+2], n, linter.Inflect{Plural: true}) == nil {
			n++
		}
	}
	d := linter.Parse("ad", benchAd(b, 5000), linter.Markdown)
	d.Words()
	b.SetBytes(5000)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		set.Longest(d, func(linter.PhraseMatch) {})
	}
}

// BenchmarkLintAd runs the default rules over a 5 KB ad, parsing included.
func BenchmarkLintAd(b *testing.B) {
	cfg := baseB(b)
	src := benchAd(b, 5000)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		cfg.Lint(linter.Parse("ad.md", src, linter.Markdown))
	}
}

// BenchmarkLintLine lints a one-line ad: the cost every ad pays whatever
// its length (running each rule, its lookups and its findings).
func BenchmarkLintLine(b *testing.B) {
	cfg := baseB(b)
	src := []byte("We are hiring a data engineer to build pipelines in Berlin.\n")
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		cfg.Lint(linter.Parse("ad.txt", src, linter.PlainText))
	}
}

// BenchmarkLoadDefault compiles the built-in rule set.
func BenchmarkLoadDefault(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		baseB(b)
	}
}

// BenchmarkCorpus lints every file in $HIRELINT_BENCH_DIR (skipped when unset).
func BenchmarkCorpus(b *testing.B) {
	dir := os.Getenv("HIRELINT_BENCH_DIR")
	if dir == "" {
		b.Skip("HIRELINT_BENCH_DIR not set")
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		b.Fatal(err)
	}
	type ad struct {
		name string
		src  []byte
	}
	var ads []ad
	total := 0
	for _, e := range entries {
		data, err := os.ReadFile(dir + "/" + e.Name())
		if err != nil {
			b.Fatal(err)
		}
		ads = append(ads, ad{e.Name(), data})
		total += len(data)
	}
	cfg := baseB(b)
	b.SetBytes(int64(total))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, a := range ads {
			cfg.Lint(linter.Parse(a.name, a.src, linter.FormatForPath(a.name)))
		}
	}
}
