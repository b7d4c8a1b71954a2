package lsp

import (
	"sort"
	"testing"
	"time"
)

// BenchmarkDidChangeToDiagnostics measures how long an edit takes to show:
// from writing a didChange for a 5 KB ad (testdata/lsp/ad-5k.md) to
// reading its publishDiagnostics, with the debounce set to 0, over
// in-process pipes (JSON encoding and framing both ways included). Each
// operation is one incremental edit (a word typed or deleted on line 6).
// Besides the mean (ns/op) it reports the median as median-ms:
//
//	go test ./linter/lsp -run '^$' -bench DidChange -benchtime 100x
func BenchmarkDidChangeToDiagnostics(b *testing.B) {
	opts := testOptions(b)
	opts.Debounce = 0
	c := start(b, opts)
	c.initialize("", nil)
	text := readFixture(b, "ad-5k.md")
	if len(text) < 5000 {
		b.Fatalf("the ad has %d bytes, want 5 KB", len(text))
	}
	uri := "file:///bench/ad-5k.md"
	c.open(uri, "markdown", text)
	c.diagnostics(uri, nil)
	durations := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		version := i + 2
		change := map[string]any{"range": Range{Position{5, 0}, Position{5, 0}}, "text": "very "}
		if i%2 == 1 {
			change = map[string]any{"range": Range{Position{5, 0}, Position{5, 5}}, "text": ""}
		}
		t0 := time.Now()
		c.notify("textDocument/didChange", map[string]any{
			"textDocument":   map[string]any{"uri": uri, "version": version},
			"contentChanges": []any{change},
		})
		p := c.diagnostics(uri, func(p PublishDiagnosticsParams) bool { return int(*p.Version) == version })
		durations = append(durations, time.Since(t0))
		if !has(p, "hype-title") {
			b.Fatalf("version %d: %s", version, describe(p))
		}
	}
	b.StopTimer()
	sort.Slice(durations, func(i, j int) bool { return durations[i] < durations[j] })
	median := durations[len(durations)/2]
	if len(durations)%2 == 0 {
		median = (durations[len(durations)/2-1] + durations[len(durations)/2]) / 2
	}
	b.ReportMetric(float64(median.Nanoseconds())/1e6, "median-ms")
}
