package rules

import (
	"fmt"
	"strings"

	"github.com/hirelint/hirelint/linter"
)

// RequireOptions configure a require rule: the ad must contain at least one
// of the phrases or patterns (within the scope), else one document-level
// finding is reported.
type RequireOptions struct {
	Scope
	Phrases  []string `toml:"phrases"`
	Patterns []string `toml:"patterns"`
	// UnlessNear holds regular expressions: a match does not count when one
	// of them matches in the same sentence within Near characters of it
	// (e.g. "raised" next to a money amount).
	UnlessNear []string `toml:"unless_near"`
	Near       int      `toml:"near"`
	Context
	// FrontMatter lists front-matter fields that, when set, satisfy the rule.
	FrontMatter []string `toml:"front_matter"`
	// Insert is text the writer could add (a template, shown and never
	// applied automatically).
	Insert string `toml:"insert"`
}

type requireKind struct{}

func (requireKind) Name() string { return "require" }
func (requireKind) Summary() string {
	return "reports once per ad when none of a set of phrases or patterns appears (optionally within a section)"
}
func (requireKind) NewOptions() any { return &RequireOptions{Near: 80} }

type requireRule struct {
	opts   *RequireOptions
	scope  scope
	set    *linter.PhraseSet
	res    []regexpRule
	unless []regexpRule
	ctx    context
	// fixMessage is the message of the fix that adds opts.Insert, made
	// once.
	fixMessage string
}

func (requireKind) Build(o any) (linter.Rule, error) {
	opts := o.(*RequireOptions)
	r := &requireRule{opts: opts}
	var err error
	if r.scope, err = opts.Scope.compile(); err != nil {
		return nil, err
	}
	if r.set, err = phraseSet("phrases", opts.Phrases, linter.Inflect{Plural: true}); err != nil {
		return nil, err
	}
	if r.res, err = compileAll("patterns", opts.Patterns); err != nil {
		return nil, err
	}
	if r.unless, err = compileAll("unless_near", opts.UnlessNear); err != nil {
		return nil, err
	}
	if r.ctx, err = opts.Context.compile(); err != nil {
		return nil, err
	}
	if len(opts.Phrases)+len(opts.Patterns)+len(opts.FrontMatter) == 0 {
		return nil, linter.OptErr("phrases", fmt.Errorf("a require rule needs phrases, patterns or front_matter"))
	}
	if opts.Near < 0 {
		return nil, linter.OptErr("near", fmt.Errorf("near must not be negative"))
	}
	if opts.Insert != "" {
		r.fixMessage = fmt.Sprintf("add %q and complete it", opts.Insert)
	}
	return r, nil
}

func (r *requireRule) Check(p *linter.Pass) {
	if r.satisfied(p.Doc) {
		return
	}
	var fixes []linter.Fix
	if r.opts.Insert != "" {
		src := p.Doc.Source
		text := r.opts.Insert + "\n"
		if len(src) > 0 && src[len(src)-1] != '\n' {
			text = "\n" + text
		}
		fixes = append(fixes, linter.Fix{
			Message: r.fixMessage,
			Edits:   []linter.TextEdit{{Span: linter.Span{Start: len(src), End: len(src)}, NewText: text}},
		})
	}
	p.ReportDoc(p.Message(), fixes...)
}

func (r *requireRule) satisfied(d *linter.Document) bool {
	for _, k := range r.opts.FrontMatter {
		if strings.TrimSpace(d.FrontMatter[strings.ToLower(k)]) != "" {
			return true
		}
	}
	found := false
	words := d.Words()
	r.set.LongestWhile(d, func(m linter.PhraseMatch) bool {
		found = r.counts(d, words[m.Start].Block, words[m.Start].Start, words[m.End-1].End+m.Suffix)
		return !found
	})
	if found {
		return true
	}
	plain := r.scope.all() && len(r.unless) == 0 && len(r.ctx.unless) == 0
	for i := range r.res {
		re := &r.res[i]
		if !re.mayMatch(d) {
			continue
		}
		for _, sp := range re.spans(d) {
			if plain {
				// Any match counts: stop at the first.
				if re.matches(d, sp) {
					return true
				}
				continue
			}
			base, _, ms := re.find(d, sp, false)
			for _, m := range ms {
				if r.counts(d, sp.block, base+m[0], base+m[1]) {
					return true
				}
			}
		}
	}
	return false
}

// counts reports whether a match at Text[start:end] in block bi is in scope
// and not cancelled by an unless_near expression.
func (r *requireRule) counts(d *linter.Document, bi, start, end int) bool {
	if !r.scope.all() && !r.scope.in(d, bi) {
		return false
	}
	if r.ctx.cancels(d, start, end) {
		return false
	}
	if len(r.unless) == 0 {
		return true
	}
	ctx := sentenceAround(d, start, end)
	lo, hi := start-r.opts.Near, end+r.opts.Near
	if lo < ctx[0] {
		lo = ctx[0]
	}
	if hi > ctx[1] {
		hi = ctx[1]
	}
	for i := range r.unless {
		re := &r.unless[i]
		if re.matchIn(d, lo, hi) {
			return false
		}
	}
	return true
}
