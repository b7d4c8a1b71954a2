package main

import (
	"bytes"
	"io"
	"os"
	"testing"
)

// BenchmarkStdinAd is what an editor pays on every save, less process
// start: load the built-in rules, lint a 5 KB ad from standard input and
// print the findings.
func BenchmarkStdinAd(b *testing.B) {
	ad, err := os.ReadFile("../../testdata/lsp/ad-5k.md")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if code := run([]string{"--stdin-filename", "ad.md", "--fail-on", "none", "-"}, bytes.NewReader(ad), io.Discard, io.Discard); code != 0 {
			b.Fatalf("exit %d", code)
		}
	}
}
