package rules

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/hirelint/hirelint/linter"
)

// DuplicatesOptions configure a duplicates rule: a paragraph (or list
// item) of at least MinWords words that appears in at least MinFiles of the
// files linted together is reported once, in the first of them (by path),
// with the list of the others.
type DuplicatesOptions struct {
	MinFiles int `toml:"min_files"`
	MinWords int `toml:"min_words"`
}

type duplicatesKind struct{}

func (duplicatesKind) Name() string { return "duplicates" }
func (duplicatesKind) Summary() string {
	return "reports paragraphs copied across many of the files linted together (needs a second pass over the files)"
}
func (duplicatesKind) NewOptions() any { return &DuplicatesOptions{MinFiles: 5, MinWords: 12} }

type duplicatesRule struct{ opts *DuplicatesOptions }

func (duplicatesKind) Build(o any) (linter.Rule, error) {
	opts := o.(*DuplicatesOptions)
	if opts.MinFiles < 2 {
		return nil, linter.OptErr("min_files", fmt.Errorf("min_files must be at least 2"))
	}
	if opts.MinWords < linter.CorpusMinWords {
		return nil, linter.OptErr("min_words", fmt.Errorf("min_words must be at least %d", linter.CorpusMinWords))
	}
	return &duplicatesRule{opts}, nil
}

// UsesCorpus marks the rule as one that looks across files.
func (*duplicatesRule) UsesCorpus() {}

func (r *duplicatesRule) Check(p *linter.Pass) {
	if p.Corpus == nil {
		return
	}
	d := p.Doc
	seen := map[uint64]bool{}
	for i, b := range d.Blocks {
		if b.Kind == linter.Heading {
			continue
		}
		key, n := linter.ParagraphKey(d.BlockText(i))
		if n < r.opts.MinWords || seen[key] {
			continue
		}
		seen[key] = true
		places := p.Corpus.Places(key)
		if len(places) < r.opts.MinFiles || places[0] != d.Path {
			continue
		}
		others := places[1:]
		list := strings.Join(others, ", ")
		if len(others) > 5 {
			list = strings.Join(others[:5], ", ") + fmt.Sprintf(" and %d more", len(others)-5)
		}
		p.Report(linter.Finding{Span: d.SourceSpan(b.Start, b.End), Area: true,
			Message: p.Message("count", strconv.Itoa(len(places)), "files", list)})
	}
}
