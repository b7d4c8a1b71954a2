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
// nothing changes.
const MaxFixRounds = 10

// Fix lints src and applies the safe fixes, again and again until nothing
// is left to fix, and returns the fixed source and how many edits were
// applied. src is not modified. Fixing the result again changes nothing.
func (c *Config) Fix(path string, src []byte, format Format) ([]byte, int, error) {
	out, applied := src, 0
	for round := 0; round < MaxFixRounds; round++ {
		doc := Parse(path, out, format)
		edits := SafeEdits(c.Lint(doc))
		if len(edits) == 0 {
			break
		}
		next, err := ApplyEdits(out, edits)
		if err != nil {
			return src, 0, err
		}
		out, applied = next, applied+len(edits)
	}
	return out, applied, nil
}
