package linter

import (
	"hash/fnv"
	"sort"
	"strings"
	"sync"
	"unicode"
)

// Corpus indexes the paragraphs of a set of documents, for rules that look
// across files (copied boilerplate). It is filled in a first pass over the
// files and read by rules in the second; it is safe for concurrent use.
type Corpus struct {
	mu    sync.Mutex
	paths map[uint64][]string
}

// CorpusMinWords is the fewest words a paragraph needs to be indexed.
const CorpusMinWords = 8

// NewCorpus returns an empty corpus.
func NewCorpus() *Corpus { return &Corpus{paths: map[uint64][]string{}} }

// ParagraphKey identifies a paragraph by its words, ignoring case,
// punctuation and white space; n is its number of words.
func ParagraphKey(text string) (key uint64, n int) {
	h := fnv.New64a()
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		h.Write([]byte(strings.ToLower(w)))
		h.Write([]byte{0})
		n++
	}
	return h.Sum64(), n
}

// Add indexes the paragraphs and list items of doc under its path.
func (c *Corpus) Add(doc *Document) {
	keys := map[uint64]bool{}
	for i, b := range doc.Blocks {
		if b.Kind == Heading {
			continue
		}
		if k, n := ParagraphKey(doc.BlockText(i)); n >= CorpusMinWords {
			keys[k] = true
		}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for k := range keys {
		c.paths[k] = append(c.paths[k], doc.Path)
	}
}

// Places returns the sorted paths of the documents holding a paragraph.
func (c *Corpus) Places(key uint64) []string {
	c.mu.Lock()
	ps := append([]string(nil), c.paths[key]...)
	c.mu.Unlock()
	sort.Strings(ps)
	return ps
}

// WithCorpus returns a copy of c whose rules see corpus (Pass.Corpus).
func (c *Config) WithCorpus(corpus *Corpus) *Config {
	n := *c
	n.corpus = corpus
	n.Overrides = nil
	for _, o := range c.Overrides {
		o.Config = o.Config.WithCorpus(corpus)
		n.Overrides = append(n.Overrides, o)
	}
	return &n
}

// NeedsCorpus reports whether an active rule looks across files.
func (c *Config) NeedsCorpus() bool {
	for _, r := range c.Active() {
		if _, ok := r.Rule.(interface{ UsesCorpus() }); ok {
			return true
		}
	}
	for _, o := range c.Overrides {
		if o.Config.NeedsCorpus() {
			return true
		}
	}
	return false
}
