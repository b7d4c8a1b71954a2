package linter

import "sort"

// SafeEdits chooses the edits --fix applies: the first safe fix of each
// finding, in order of position, leaving out any fix whose edits would
// overlap (or touch the same point as) an edit already chosen or one
// another. Fixes that are not safe (templates for the writer to complete)
// are never chosen.
func SafeEdits(fs []Finding) []TextEdit {
	var chosen []TextEdit
	ordered := append([]Finding(nil), fs...)
	SortFindings(ordered)
	for _, f := range ordered {
		for _, fx := range f.Fixes {
			if !fx.Safe || len(fx.Edits) == 0 {
				continue
			}
			if !clashes(chosen, fx.Edits) && !selfClashes(fx.Edits) {
				chosen = append(chosen, fx.Edits...)
			}
			break
		}
	}
	sort.SliceStable(chosen, func(i, j int) bool { return chosen[i].Span.Start < chosen[j].Span.Start })
	return chosen
}

// selfClashes reports whether two edits of one fix overlap or touch at one
// point: such a fix is malformed and is left out.
func selfClashes(edits []TextEdit) bool {
	for i := 1; i < len(edits); i++ {
		if clashes(edits[:i], edits[i:i+1]) {
			return true
		}
	}
	return false
}

func clashes(chosen, edits []TextEdit) bool {
	for _, e := range edits {
		for _, c := range chosen {
			if e.Span.Start < c.Span.End && c.Span.Start < e.Span.End {
				return true
			}
			// Two insertions, or an insertion at the edge of a
			// replacement, at one point: their order would be a guess.
			if e.Span.Start == c.Span.Start || (e.Span.Len() == 0 && e.Span.Start == c.Span.End) ||
				(c.Span.Len() == 0 && c.Span.Start == e.Span.End) {
				return true
			}
		}
	}
	return false
}

// MaxFixRounds bounds how often Fix re-lints and fixes: a fix may uncover
// another (or one was left out for overlapping), so fixing repeats until
// nothing changes or this many rounds have run (rules whose fixes keep
// making new ones stop there).
const MaxFixRounds = 10

// Fix lints src and applies the safe fixes, round after round until
// nothing is left to fix or MaxFixRounds rounds have run, and returns the
// fixed source and how many edits were applied. src is not modified.
// Unless the rounds ran out, fixing the result again changes nothing.
func (c *Config) Fix(path string, src []byte, format Format) ([]byte, int, error) {
	r, err := c.FixLint(path, src, format)
	return r.Fixed, r.Applied, err
}

// A Linted is a document and the findings Lint returned for it.
type Linted struct {
	Doc      *Document
	Findings []Finding
}

// A FixResult is what FixLint did: the fixed source, how many edits it
// applied, and the findings of the source before the fixes and after
// them.
type FixResult struct {
	Fixed   []byte
	Applied int
	// Before is src linted; After is Fixed linted, the same as Before
	// when nothing was applied.
	Before, After Linted
}

// FixLint is Fix that also returns the findings of src and of the fixed
// source: a caller that reports what is left (--fix) need not lint the
// fixed source again. They are what Lint returns for Parse(path, src,
// format) and Parse(path, Fixed, format). Each round lints the source it
// fixes, so they cost nothing more, except After when the rounds ran out:
// the source they left is linted once more. On an error only Fixed (src)
// is set.
func (c *Config) FixLint(path string, src []byte, format Format) (FixResult, error) {
	r := FixResult{Fixed: src}
	for round := 0; round < MaxFixRounds; round++ {
		doc := Parse(path, r.Fixed, format)
		cur := Linted{Doc: doc, Findings: c.Lint(doc)}
		if round == 0 {
			r.Before = cur
		}
		edits := SafeEdits(cur.Findings)
		if len(edits) == 0 {
			r.After = cur
			return r, nil
		}
		next, err := ApplyEdits(r.Fixed, edits)
		if err != nil {
			return FixResult{Fixed: src}, err
		}
		r.Fixed, r.Applied = next, r.Applied+len(edits)
	}
	doc := Parse(path, r.Fixed, format)
	r.After = Linted{Doc: doc, Findings: c.Lint(doc)}
	return r, nil
}
