package rules

import (
	"fmt"
	"sort"

	"github.com/hirelint/hirelint/linter"
)

// PhraseOptions configure a phrase rule.
type PhraseOptions struct {
	Scope
	Context
	// Phrases to flag.
	Phrases []string `toml:"phrases"`
	// Replace maps a phrase to one or more suggested rewrites; its keys are
	// flagged too.
	Replace map[string][]string `toml:"replace"`
	// Exceptions are phrases that, where they overlap a match, cancel it
	// ("competitive salary" for a rule on "competitive").
	Exceptions []string `toml:"exceptions"`
	// Plural lets the last word of each phrase take a plural ending.
	Plural bool `toml:"plural"`
	// VerbForms lets the first word take -s, -ing and -ed endings.
	VerbForms bool `toml:"verb_forms"`
}

type phraseKind struct{}

func (phraseKind) Name() string { return "phrase" }
func (phraseKind) Summary() string {
	return "flags any of a list of phrases (whole words, any case, across line breaks), with rewrites and exceptions"
}
func (phraseKind) NewOptions() any { return &PhraseOptions{Plural: true} }

type phraseRule struct {
	scope   scope
	ctx     context
	set     *linter.PhraseSet
	nPhrase int        // ids below nPhrase are phrases, the rest exceptions
	repl    [][]string // by phrase id
}

func (phraseKind) Build(o any) (linter.Rule, error) {
	opts := o.(*PhraseOptions)
	r := &phraseRule{set: linter.NewPhraseSet()}
	var err error
	if r.scope, err = opts.Scope.compile(); err != nil {
		return nil, err
	}
	if r.ctx, err = opts.Context.compile(); err != nil {
		return nil, err
	}
	inf := linter.Inflect{Plural: opts.Plural, Verb: opts.VerbForms}
	keys := make([]string, 0, len(opts.Replace))
	for k := range opts.Replace {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	add := func(key, p string, repl []string) error {
		if err := r.set.Add(p, len(r.repl), inf); err != nil {
			return linter.OptErr(key, err)
		}
		r.repl = append(r.repl, repl)
		return nil
	}
	n := len(keys) + len(opts.Phrases) + len(opts.Exceptions)
	r.set.Grow(n)
	r.repl = make([][]string, 0, n)
	for _, k := range keys {
		if len(opts.Replace[k]) == 0 {
			return nil, linter.OptErr("replace", fmt.Errorf("phrase %q has no replacement", k))
		}
		if err := add("replace", k, opts.Replace[k]); err != nil {
			return nil, err
		}
	}
	for _, p := range opts.Phrases {
		if err := add("phrases", p, nil); err != nil {
			return nil, err
		}
	}
	if len(r.repl) == 0 {
		return nil, linter.OptErr("phrases", fmt.Errorf("a phrase rule needs phrases or replace"))
	}
	r.nPhrase = len(r.repl)
	for _, p := range opts.Exceptions {
		if err := add("exceptions", p, nil); err != nil {
			return nil, err
		}
	}
	return r, nil
}

func (r *phraseRule) Check(p *linter.Pass) {
	words := p.Doc.Words()
	var matches []linter.PhraseMatch
	blocked := -1 // words before this index are covered by an exception
	r.set.Longest(p.Doc, func(m linter.PhraseMatch) {
		if m.ID >= r.nPhrase {
			if m.End > blocked {
				blocked = m.End
			}
			// An exception also cancels a match that started before it.
			for len(matches) > 0 && matches[len(matches)-1].End > m.Start {
				matches = matches[:len(matches)-1]
			}
			return
		}
		if m.Start < blocked {
			return
		}
		if n := len(matches); n > 0 && matches[n-1].End > m.Start {
			return // overlaps the previous match: leftmost wins
		}
		if !r.scope.all() && !r.scope.in(p.Doc, words[m.Start].Block) {
			return
		}
		matches = append(matches, m)
	})
	for _, m := range matches {
		start, end := m.Span(p.Doc)
		if r.ctx.cancels(p.Doc, start, end) {
			continue
		}
		text := p.Doc.Text[start:end]
		var fixes []linter.Fix
		sugg := ""
		for _, rp := range r.repl[m.ID] {
			if f, ok := p.ReplaceFix(start, end, rp); ok {
				fixes = append(fixes, f)
			}
			if sugg == "" {
				sugg = linter.MatchCase(text, rp)
			}
		}
		p.ReportText(start, end, p.Message("match", text, "suggestion", sugg), fixes...)
	}
}
