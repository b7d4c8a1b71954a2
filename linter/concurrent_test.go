package linter_test

import (
	"fmt"
	"sync"
	"testing"

	"github.com/hirelint/hirelint/linter"
)

// TestConcurrentLint lints the seed ads from several goroutines with one
// shared rule set and corpus, as the command does, and checks that each
// gets the findings a lone run gives. Under -race (.ci/run) it finds
// state the rules share without locking.
func TestConcurrentLint(t *testing.T) {
	srcs, formats := adSeeds(t)
	corpus := linter.NewCorpus()
	for i := range srcs {
		corpus.Add(linter.Parse(fmt.Sprintf("ad%d", i), []byte(srcs[i]), formats[i]))
	}
	cfg := defaults(t).WithCorpus(corpus)
	lintOne := func(i int) string {
		doc := linter.Parse(fmt.Sprintf("ad%d", i), []byte(srcs[i]), formats[i])
		fs := cfg.Lint(doc)
		// Positions are computed lazily on the document: ask for them
		// too, from the goroutine that linted.
		for _, f := range fs {
			doc.Position(f.Span.Start)
		}
		return fmt.Sprint(fs)
	}
	want := make([]string, len(srcs))
	for i := range srcs {
		want[i] = lintOne(i)
	}
	const workers = 4
	got := make([][]string, workers)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		got[w] = make([]string, len(srcs))
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range srcs {
				i := (k + w*7) % len(srcs) // each worker in its own order
				got[w][i] = lintOne(i)
			}
		}()
	}
	wg.Wait()
	for w := range got {
		for i := range srcs {
			if got[w][i] != want[i] {
				t.Fatalf("worker %d, ad %d: findings differ from a lone run:\n got %s\nwant %s", w, i, got[w][i], want[i])
			}
		}
	}
}

// TestConcurrentDocument reads one parsed document from several
// goroutines: its lazily computed words, sentences, lower-cased text and
// positions are safe to share.
func TestConcurrentDocument(t *testing.T) {
	srcs, formats := adSeeds(t)
	doc := linter.Parse("ad", []byte(srcs[0]), formats[0])
	var wg sync.WaitGroup
	results := make([]string, 4)
	for w := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			l, c := doc.Position(len(doc.Source))
			results[w] = fmt.Sprint(len(doc.Words()), len(doc.Sentences()), len(doc.LowerText()), doc.FoldTraps(), l, c)
		}()
	}
	wg.Wait()
	for _, r := range results[1:] {
		if r != results[0] {
			t.Errorf("goroutines saw %q and %q", results[0], r)
		}
	}
}
