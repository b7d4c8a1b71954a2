package output

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/fatih/color"
	"github.com/hirelint/hirelint/linter"
)

// TextOptions control the text format.
type TextOptions struct {
	// Color turns on ANSI colours; the caller decides it once.
	Color bool
	// Context is how many characters of a long line are shown around a
	// match (0 means 40).
	Context int
}

type palette struct {
	path, errorS, warningS, infoS, rule, dim, caret func(a ...any) string
	del, delHi, ins, insHi                          func(a ...any) string
}

func newPalette(on bool) palette {
	mk := func(attrs ...color.Attribute) func(a ...any) string {
		if !on {
			return fmt.Sprint
		}
		c := color.New(attrs...)
		c.EnableColor()
		return c.SprintFunc()
	}
	return palette{
		path:     mk(color.Bold),
		errorS:   mk(color.FgRed, color.Bold),
		warningS: mk(color.FgYellow, color.Bold),
		infoS:    mk(color.FgCyan),
		rule:     mk(color.Faint),
		dim:      mk(color.FgBlue),
		caret:    mk(color.FgMagenta, color.Bold),
		del:      mk(color.FgRed),
		delHi:    mk(color.FgWhite, color.BgRed, color.Bold),
		ins:      mk(color.FgGreen),
		insHi:    mk(color.FgBlack, color.BgGreen, color.Bold),
	}
}

func (p palette) severity(s linter.Severity) string {
	switch s {
	case linter.Error:
		return p.errorS(s.String())
	case linter.Warning:
		return p.warningS(s.String())
	}
	return p.infoS(s.String())
}

// WriteText writes results for a person: for each finding its place, rule
// and message, the source line with the match underlined and, when there is
// a suggested rewrite, the rewrite as a word-level diff; then a summary.
func WriteText(w io.Writer, results []FileResult, o TextOptions) error {
	return writeAll(NewTextReporter(w, o), results)
}

// textReporter streams the text format: findings file by file, the summary
// at Close. It keeps only counts, not documents.
type textReporter struct {
	w      io.Writer
	o      TextOptions
	p      palette
	sum    Summary
	rules  map[string]*ruleAgg
	order  []string
	scores []int
	paths  []string
}

type ruleAgg struct {
	rule    string
	n       int
	matches map[string]int
	files   int
	last    string
}

// NewTextReporter returns a Reporter for the text format.
func NewTextReporter(w io.Writer, o TextOptions) Reporter {
	if o.Context <= 0 {
		o.Context = 40
	}
	return &textReporter{w: w, o: o, p: newPalette(o.Color), rules: map[string]*ruleAgg{}}
}

func (t *textReporter) File(r FileResult) error {
	var b strings.Builder
	for _, f := range r.Findings {
		writeFinding(&b, t.p, r, f, t.o)
		a := t.rules[f.Rule]
		if a == nil {
			a = &ruleAgg{rule: f.Rule, matches: map[string]int{}}
			t.rules[f.Rule] = a
			t.order = append(t.order, f.Rule)
		}
		a.n++
		if a.last != r.Path {
			a.files++
			a.last = r.Path
		}
		if !f.Doc && len(a.matches) < 1000 {
			a.matches[strings.Join(strings.Fields(string(r.Doc.Source[f.Span.Start:f.Span.End])), " ")]++
		}
	}
	t.sum.add(r)
	t.scores = append(t.scores, r.Score())
	if len(t.paths) <= 10 {
		t.paths = append(t.paths, r.Path)
	}
	_, err := io.WriteString(t.w, b.String())
	return err
}

func (t *textReporter) Close() error {
	var b strings.Builder
	writeSummary(&b, t.p, t.sum)
	t.writeByRule(&b)
	t.writeScores(&b)
	_, err := io.WriteString(t.w, b.String())
	return err
}

func writeFinding(b *strings.Builder, p palette, r FileResult, f linter.Finding, o TextOptions) {
	pos := PositionOf(r.Doc, f)
	fmt.Fprintf(b, "%s:%d:%d: %s %s: %s\n", p.path(r.Path), pos.Line, pos.Column, p.severity(f.Severity), p.rule(f.Rule), f.Message)
	if !f.Doc {
		writeExcerpt(b, p, r.Doc, f.Span, pos.Line, o.Context)
	}
	for i, fx := range f.Fixes {
		if i > 0 {
			fmt.Fprintf(b, "%s or: %s\n", gutter(""), fx.Message)
			continue
		}
		writeFixDiff(b, p, r.Doc, fx, o.Context)
	}
}

const gutterWidth = 5

func gutter(label string) string {
	return fmt.Sprintf("%*s |", gutterWidth, label)
}

// writeExcerpt prints the first source line of sp with the match underlined.
func writeExcerpt(b *strings.Builder, p palette, d *linter.Document, sp linter.Span, line, ctx int) {
	ls := d.LineSpan(line)
	end := sp.End
	if end > ls.End {
		end = ls.End
	}
	start := sp.Start
	if start < ls.Start {
		start = ls.Start
	}
	pre, mid, post := tailText(d.Source, ls.Start, start, ctx), headText(d.Source, start, end, 3*ctx), headText(d.Source, end, ls.End, ctx)
	pre, mid, post = expandTabs(pre), expandTabs(mid), expandTabs(post)
	fmt.Fprintf(b, "%s %s%s%s\n", p.dim(gutter(fmt.Sprint(line))), pre, mid, post)
	n := utf8.RuneCountInString(mid)
	if n == 0 {
		n = 1
	}
	fmt.Fprintf(b, "%s %s%s\n", p.dim(gutter("")), strings.Repeat(" ", utf8.RuneCountInString(pre)), p.caret(strings.Repeat("^", n)))
}

// writeFixDiff prints what the fix would change, as "-" and "+" lines with
// the removed and added words highlighted.
func writeFixDiff(b *strings.Builder, p palette, d *linter.Document, fx linter.Fix, ctx int) {
	if len(fx.Edits) == 0 {
		return
	}
	lo, hi := fx.Edits[0].Span.Start, fx.Edits[0].Span.End
	for _, e := range fx.Edits[1:] {
		lo, hi = min(lo, e.Span.Start), max(hi, e.Span.End)
	}
	if lo < 0 || hi > len(d.Source) || lo > hi {
		return
	}
	// A pure insertion at the end of the document: show what to add.
	if lo == hi && lo == len(d.Source) && len(fx.Edits) == 1 {
		for _, l := range strings.Split(strings.Trim(fx.Edits[0].NewText, "\n"), "\n") {
			fmt.Fprintf(b, "%s %s\n", p.dim(gutter("")), p.ins("+ "+l))
		}
		if !fx.Safe {
			fmt.Fprintf(b, "%s %s\n", p.dim(gutter("")), p.dim("(a template: complete it yourself; --fix leaves it out)"))
		}
		return
	}
	l1, _ := d.Position(lo)
	last := hi
	if hi > lo {
		last = hi - 1
	}
	l2, _ := d.Position(last)
	region := linter.Span{Start: d.LineSpan(l1).Start, End: max(d.LineSpan(l2).End, hi)}
	var rel []linter.TextEdit
	for _, e := range fx.Edits {
		rel = append(rel, linter.TextEdit{Span: linter.Span{Start: e.Span.Start - lo, End: e.Span.End - lo}, NewText: e.NewText})
	}
	midNew, err := linter.ApplyEdits(d.Source[lo:hi], rel)
	if err != nil {
		return
	}
	pre := tailText(d.Source, region.Start, lo, ctx)
	post := headText(d.Source, hi, region.End, ctx)
	oldText := pre + string(d.Source[lo:hi]) + post
	newText := pre + string(midNew) + post
	pieces := WordDiff(strings.TrimRight(oldText, "\r\n"), strings.TrimRight(newText, "\r\n"))
	writeDiffLine(b, p, pieces, Delete, "-", p.del, p.delHi)
	if strings.TrimSpace(strings.TrimRight(newText, "\r\n")) != "" {
		writeDiffLine(b, p, pieces, Insert, "+", p.ins, p.insHi)
	}
}

// writeDiffLine prints the old (Delete) or new (Insert) side of pieces.
func writeDiffLine(b *strings.Builder, p palette, pieces []Piece, side Op, mark string, plain, hi func(a ...any) string) {
	prefix := p.dim(gutter("")) + " " + plain(mark+" ")
	b.WriteString(prefix)
	for _, pc := range pieces {
		if pc.Op != Equal && pc.Op != side {
			continue
		}
		lines := strings.Split(strings.ReplaceAll(expandTabs(pc.Text), "\r", ""), "\n")
		for i, l := range lines {
			if i > 0 {
				b.WriteString("\n" + prefix)
			}
			if l == "" {
				continue
			}
			if pc.Op == Equal {
				b.WriteString(plain(l))
			} else {
				b.WriteString(hi(l))
			}
		}
	}
	b.WriteString("\n")
}

func writeSummary(b *strings.Builder, p palette, s Summary) {
	files := Plural(s.Files, "file")
	if s.Errors+s.Warnings+s.Infos == 0 {
		fmt.Fprintf(b, "%s\n", p.ins(fmt.Sprintf("no problems in %s", files)))
		return
	}
	total := s.Errors + s.Warnings + s.Infos
	fmt.Fprintf(b, "\n%s (%s, %s, %s) in %d of %s\n", p.path(Plural(total, "problem")),
		p.errorS(Plural(s.Errors, "error")), p.warningS(Plural(s.Warnings, "warning")), p.infoS(Plural(s.Infos, "info")),
		s.FilesWithFindings, files)
}

// writeByRule groups repeated findings: for each rule reported more than
// once, how often and the most frequent matches.
func (t *textReporter) writeByRule(b *strings.Builder) {
	var rep []*ruleAgg
	for _, id := range t.order {
		if t.rules[id].n > 1 {
			rep = append(rep, t.rules[id])
		}
	}
	if len(rep) == 0 {
		return
	}
	sort.SliceStable(rep, func(i, j int) bool { return rep[i].n > rep[j].n })
	width := 0
	for _, a := range rep {
		width = max(width, len(a.rule))
	}
	b.WriteString("repeated:\n")
	for _, a := range rep {
		type mc struct {
			m string
			n int
		}
		var ms []mc
		for m, n := range a.matches {
			ms = append(ms, mc{m, n})
		}
		sort.Slice(ms, func(i, j int) bool {
			if ms[i].n != ms[j].n {
				return ms[i].n > ms[j].n
			}
			return ms[i].m < ms[j].m
		})
		var parts []string
		for i, m := range ms {
			if i == 3 {
				parts = append(parts, "…")
				break
			}
			parts = append(parts, fmt.Sprintf("%s ×%d", quoteMatch(m.m), m.n))
		}
		if a.files > 1 {
			parts = append(parts, "in "+Plural(a.files, "file"))
		}
		fmt.Fprintf(b, "  %s %3d  %s\n", t.p.rule(fmt.Sprintf("%-*s", width, a.rule)), a.n, strings.Join(parts, ", "))
	}
}

func quoteMatch(s string) string {
	return fmt.Sprintf("%q", clipRight(s, 40))
}

// writeScores prints each file's score, or a digest for many files.
func (t *textReporter) writeScores(b *strings.Builder) {
	switch n := len(t.scores); {
	case n == 0:
	case n == 1:
		fmt.Fprintf(b, "score: %s\n", t.p.path(fmt.Sprintf("%d/100", t.scores[0])))
	case n <= 10:
		b.WriteString("scores:\n")
		for i, s := range t.scores {
			fmt.Fprintf(b, "  %3d/100  %s\n", s, t.paths[i])
		}
	default:
		sorted := append([]int(nil), t.scores...)
		sort.Ints(sorted)
		fmt.Fprintf(b, "scores: lowest %d, median %d, highest %d over %d files\n", sorted[0], sorted[n/2], sorted[n-1], n)
	}
}

// Plural writes n with word, adding an s unless n is 1: "1 file", "3 files".
func Plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// tailText returns clipLeft(string(src[lo:hi]), n) without converting more
// than a few bytes per character kept: a line may be megabytes long, and
// converting all of it for each of its findings was quadratic. Keeping the
// last 4(n+2) bytes, from a character boundary, keeps more than n
// characters, so the result is the same.
func tailText(src []byte, lo, hi, n int) string {
	if cut := hi - 4*(n+2); cut > lo {
		lo = cut
		for lo < hi && !utf8.RuneStart(src[lo]) {
			lo++
		}
	}
	return clipLeft(string(src[lo:hi]), n)
}

// headText returns clipRight(string(src[lo:hi]), n), converting at most
// 4(n+2) bytes (see tailText).
func headText(src []byte, lo, hi, n int) string {
	if cut := lo + 4*(n+2); cut < hi {
		hi = cut
	}
	return clipRight(string(src[lo:hi]), n)
}

// clipLeft keeps the last n characters of s, marking a cut with "…".
func clipLeft(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return "…" + string(r[len(r)-n:])
}

// clipRight keeps the first n characters of s, marking a cut with "…".
func clipRight(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

func expandTabs(s string) string { return strings.ReplaceAll(s, "\t", "    ") }
