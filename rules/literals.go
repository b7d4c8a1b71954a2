package rules

import (
	"cmp"
	"maps"
	"regexp"
	"regexp/syntax"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/hirelint/hirelint/linter"
)

// A regexpRule is a regular expression with a prefilter: a set of literals
// at least one of which occurs in any text it matches. Most patterns never
// match most ads, so a pattern whose literals are all absent is skipped,
// and one whose literals occur is run only on windows around them (see
// spans). The literals of all patterns are found in one pass over the ad
// (see literalIndex).
type regexpRule struct {
	*lazyRegexp
	litIDs []int32 // ids of shape.lits in the literal table; nil: no prefilter
	// The shape is shared with the prepared table, not copied: a rule set
	// holds hundreds of expressions.
	*shape
	classes []int32 // ids in the class table of shape.runs
}

// shape is what the prefilter knows of an expression: its literals, how
// long a match can be and which context its ends look at.
type shape struct {
	lits []string // nil: no useful literals
	// A match spans at most fixed bytes plus, for each run bound, mult
	// times the longest run of the bound's characters in its block (an
	// unbounded repeat such as \s+ spans one run of the characters its
	// operand can match; docRuns.longestRun gives a bound on that run).
	// fixed < 0: no bound.
	fixed int
	runs  []runBound
	// chars is the number of characters of the fixed part: in a block of
	// ASCII text, a match spans at most chars bytes plus its runs.
	chars int
	// lineStart: every match starts at the start of a line (the
	// expression begins with ^ in (?m) mode); lineEnd: every match ends a
	// line. beginLine and endLine: ^ or $ appear somewhere; textEdges: \A
	// or \z do. Windows are cut where these see what they see in the
	// whole block.
	lineStart, lineEnd, beginLine, endLine, textEdges bool
	// oneLine: no match holds a line break.
	oneLine bool
	// also is a second set of literals, from another part of the
	// expression, one of which every match holds too (see
	// literalSets); nil: none. It is looked for in each window's text
	// (see anyOccursIn), not by the literal search.
	also []string
	// more are up to maxMore further sets, each from a part of its own,
	// one text of each of which every match holds as well (in lower
	// case). They are looked for in a window's text, not by the literal
	// search: a window that lacks one of them is not searched.
	more [][]string
	// need holds ASCII digits and symbols one of which every match
	// holds (see needBytes); "": none known. A window without any of
	// them is not searched.
	need string
	// sided: every match holding an occurrence of a first-set literal
	// starts at most before bytes before the occurrence's end and ends at
	// most after bytes after its start (the literals come from one part
	// of a concatenation: before bounds the parts up to it, after the parts
	// from it on). Windows are cut to that, not to the whole bound on both
	// sides.
	sided         bool
	before, after sideBound
	// groups are the names of the expression's named groups.
	groups []string
}

// A sideBound is a bound like a shape's: fixed bytes (chars characters)
// plus mults[i] times the longest run of the shape's runs[i].
type sideBound struct {
	fixed, chars int
	mults        []int
}

// A runBound is a set of characters, as sorted inclusive rune ranges
// (lo, hi pairs), and how many of its runs a match can span.
type runBound struct {
	class []rune
	mult  int
}

func init() { linter.DocMatcher = docMatcher }

// docMatcher is linter.DocMatcher: the expression runs only when its
// literals occur, over the lines that hold them when its matches hold no
// line break, else over the whole prose of the ad.
func docMatcher(pattern string) (func(*linter.Document) bool, error) {
	r, err := prefiltered(linter.ProseFlags, pattern, func(string) (*regexp.Regexp, error) { return linter.CompileProse(pattern) })
	if err != nil {
		return nil, err
	}
	for _, l := range r.lits {
		if strings.Contains(l, "\n") {
			// Could span the line breaks between blocks, where literals
			// are not looked for.
			return func(d *linter.Document) bool { return r.MatchString(d.Text) }, nil
		}
	}
	if r.oneLine && !r.textEdges {
		// (\A and \z would see each line's edges as the text's.)
		return r.matchLines, nil
	}
	return func(d *linter.Document) bool { return r.mayMatch(d) && r.MatchString(d.Text) }, nil
}

// matchLines reports whether re, whose matches hold no line break and
// which has no \A or \z, matches in d.Text. A match lies within one line
// and holds one of the expression's literals, so only the lines with
// occurrences are searched; in (?m) mode ^, $ and \b see a line's edges in
// the line alone as they see them in the whole text.
func (r *regexpRule) matchLines(d *linter.Document) bool {
	if r.litIDs == nil || d.FoldTraps() {
		return r.MatchString(d.Text)
	}
	idx := literals(d)
	var ends []int
	for _, id := range r.litIDs {
		ends = append(ends, idx.of(id)...)
	}
	if len(ends) == 0 {
		return false
	}
	slices.Sort(ends)
	text := d.Text
	done := -1 // end of the last line searched
	for _, e := range ends {
		if e <= done {
			continue
		}
		ls := strings.LastIndexByte(text[:e-1], '\n') + 1
		le := len(text)
		if i := strings.IndexByte(text[e-1:], '\n'); i >= 0 {
			le = e - 1 + i
		}
		if r.MatchString(text[ls:le]) {
			return true
		}
		done = le
	}
	return false
}

// A lazyRegexp is compiled on first use. Expressions of the built-in rule
// set are known to compile (see prepared), so a process that lints one ad
// compiles only the few its rules run; any other expression is
// compiled when its config is loaded, so that errors are reported then.
type lazyRegexp struct {
	expr string
	once sync.Once
	re   *regexp.Regexp
}

// Regexp returns the compiled expression.
func (l *lazyRegexp) Regexp() *regexp.Regexp {
	l.once.Do(func() {
		if l.re == nil {
			l.re = regexp.MustCompile(l.expr)
		}
	})
	return l.re
}

// lazies holds the expressions of the prepared table, compiled on first
// use, one per expression for the whole process (configs loaded again share
// them). An expression is compiled by the rule that first runs it, not
// ahead: an ad's literals call for several times more expressions than its
// rules end up running (most are exceptions and alternatives consulted
// only after a finding), and compiling those would cost more than it saves.
var lazies = sync.OnceValue(func() []lazyRegexp {
	all := make([]lazyRegexp, len(prepared))
	for i := range prepared {
		all[i].expr = prepared[i].expr
	}
	return all
})

// sharedLazy returns the shared expression of entry i of prepared.
func sharedLazy(i int) *lazyRegexp { return &lazies()[i] }

func (l *lazyRegexp) MatchString(s string) bool { return l.Regexp().MatchString(s) }

// literalTable holds the literals of every pattern compiled in the process,
// and the matcher over them, rebuilt when patterns with new literals are
// compiled (that is, when a config with expressions of its own is loaded).
// The built-in literals come first, with the ids their generated matcher
// knows them by.
var literalTable = struct {
	sync.Mutex
	ids  map[string]int32 // of the literals after the built-in ones
	list []string
	// matcher is read without the lock (every expression of every ad
	// asks for it), set with it; nil: to be built.
	matcher atomic.Pointer[acMatcher]
}{list: builtinLiterals}

func init() { literalTable.matcher.Store(builtinMatcher) }

func registerLiterals(ls []string) []int32 {
	literalTable.Lock()
	defer literalTable.Unlock()
	out := make([]int32, 0, len(ls))
	for _, l := range ls {
		if i, ok := slices.BinarySearch(builtinLiterals, l); ok {
			out = append(out, int32(i))
			continue
		}
		id, ok := literalTable.ids[l]
		if !ok {
			if literalTable.ids == nil {
				literalTable.ids = map[string]int32{}
			}
			id = int32(len(literalTable.list))
			literalTable.ids[l] = id
			// builtinLiterals is never appended to in place.
			literalTable.list = append(literalTable.list[:len(literalTable.list):len(literalTable.list)], l)
			literalTable.matcher.Store(nil)
		}
		out = append(out, id)
	}
	return out
}

func currentMatcher() *acMatcher {
	if m := literalTable.matcher.Load(); m != nil {
		return m
	}
	literalTable.Lock()
	defer literalTable.Unlock()
	m := literalTable.matcher.Load()
	if m == nil {
		m = newACMatcher(literalTable.list)
		literalTable.matcher.Store(m)
	}
	return m
}

// literalIndex holds the ends (Text offsets, ascending) of the
// occurrences inside blocks of each literal found in a document.
type literalIndex struct {
	// The ends of literal id are ends[off[id]:off[id+1]].
	off  []int32
	ends []int
	lens []int // the literals' lengths, of the matcher that found them
}

// of returns the ends of literal id's occurrences.
func (x *literalIndex) of(id int32) []int {
	if int(id)+1 >= len(x.off) {
		return nil
	}
	return x.ends[x.off[id]:x.off[id+1]]
}

// A literalHit is an occurrence of literal id ending at end.
type literalHit struct {
	id  int32
	end int
}

// hitBuffers are reused for the occurrences of a scan, before they are
// grouped by literal.
var hitBuffers = sync.Pool{New: func() any { return new([]literalHit) }}

// literals returns the literal index of d, computed once per document (and
// matcher).
func literals(d *linter.Document) *literalIndex {
	m := currentMatcher()
	return d.Memo(m, func() any { return newLiteralIndex(m, d) }).(*literalIndex)
}

// newLiteralIndex returns the literal index of d with matcher m.
func newLiteralIndex(m *acMatcher, d *linter.Document) *literalIndex {
	buf := hitBuffers.Get().(*[]literalHit)
	hits := m.occurrences(d.Text, d.LowerText(), d.Blocks, (*buf)[:0])
	idx := groupHits(hits, len(m.lens))
	idx.lens = m.lens
	*buf = hits
	hitBuffers.Put(buf)
	return idx
}

// groupHits groups hits, in the order found, by literal (a counting sort:
// each literal's ends stay ascending).
func groupHits(hits []literalHit, n int) *literalIndex {
	idx := &literalIndex{off: make([]int32, n+1), ends: make([]int, len(hits))}
	for _, h := range hits {
		idx.off[h.id]++
	}
	sum := int32(0)
	for id, c := range idx.off[:n] {
		sum += c
		idx.off[id] = sum // the end of literal id's ends, for now
	}
	idx.off[n] = sum
	for i := len(hits) - 1; i >= 0; i-- {
		h := hits[i]
		idx.off[h.id]--
		idx.ends[idx.off[h.id]] = h.end
	}
	return idx
}

// mayMatch reports whether re can match somewhere in d.
func (r *regexpRule) mayMatch(d *linter.Document) bool {
	if r.litIDs == nil || d.FoldTraps() {
		return true
	}
	idx := literals(d)
	for _, id := range r.litIDs {
		if len(idx.of(id)) > 0 {
			return true
		}
	}
	return false
}

// matchIn reports whether re matches in Text[start:end] (within one
// block), running it only when one of its literals occurs there.
func (r *regexpRule) matchIn(d *linter.Document, start, end int) bool {
	if r.litIDs != nil && !d.FoldTraps() && !literals(d).occursIn(r.litIDs, start, end) {
		return false
	}
	return r.mayHold(d.Text[start:end]) && r.MatchString(d.Text[start:end])
}

// occursIn reports whether one of the literals ids occurs (whole) within
// Text[start:end].
func (x *literalIndex) occursIn(ids []int32, start, end int) bool {
	for _, id := range ids {
		ends := x.of(id)
		i := sort.SearchInts(ends, start+x.lens[id])
		if i < len(ends) && ends[i] <= end {
			return true
		}
	}
	return false
}

// A span is a stretch of one block, Text[start:end], that the regexp is run
// over. looseStart (looseEnd) says that the span starts (ends) inside a
// line, where ^ ($) would match at its edge though not in the block: a
// match found there is checked against the whole line (see find).
type span struct {
	block, start, end    int
	looseStart, looseEnd bool
}

// find returns the matches of re in span sp of d, as offsets in text,
// which starts at base in d.Text; with submatch positions when sub.
func (r *regexpRule) find(d *linter.Document, sp span, sub bool) (base int, text string, ms [][]int) {
	all := r.Regexp().FindAllStringIndex
	if sub {
		all = r.Regexp().FindAllStringSubmatchIndex
	}
	return findIn(d, sp, all)
}

// findIn is find with the matches found by all, which finds them as
// FindAllStringIndex or FindAllStringSubmatchIndex of the expression
// would.
func findIn(d *linter.Document, sp span, all func(string, int) [][]int) (base int, text string, ms [][]int) {
	text = d.Text[sp.start:sp.end]
	ms = all(text, -1)
	if !sp.atLooseEdge(text, ms) {
		return sp.start, text, ms
	}
	return lineMatches(d, sp, all)
}

// lineMatches returns the matches, found by all, in span sp of d widened
// to whole lines (see lineWide) that lie inside sp: the others belong to
// other spans.
func lineMatches(d *linter.Document, sp span, all func(string, int) [][]int) (base int, text string, ms [][]int) {
	w := lineWide(d, sp)
	text = d.Text[w.start:w.end]
	for _, m := range all(text, -1) {
		if w.start+m[0] >= sp.start && w.start+m[1] <= sp.end {
			ms = append(ms, m)
		}
	}
	return w.start, text, ms
}

// matches reports whether re matches in span sp of d.
func (r *regexpRule) matches(d *linter.Document, sp span) bool {
	text := d.Text[sp.start:sp.end]
	m := r.Regexp().FindStringIndex(text)
	if m != nil && sp.atLooseEdge(text, [][]int{m}) {
		// The first match is at a cut edge: search the line, once.
		_, _, ms := lineMatches(d, sp, r.Regexp().FindAllStringIndex)
		return len(ms) > 0
	}
	return m != nil
}

// atLooseEdge reports whether one of ms starts or ends at an edge of sp
// where ^ or $ may have matched only because the span is cut there.
func (sp span) atLooseEdge(text string, ms [][]int) bool {
	for _, m := range ms {
		if sp.looseStart && m[0] == 0 || sp.looseEnd && m[1] == len(text) {
			return true
		}
	}
	return false
}

// lineWide widens sp's loose edges to the line's.
func lineWide(d *linter.Document, sp span) span {
	b := d.Blocks[sp.block]
	if sp.looseStart {
		sp.start = b.Start + strings.LastIndexByte(d.Text[b.Start:sp.start], '\n') + 1
	}
	if sp.looseEnd {
		if i := strings.IndexByte(d.Text[sp.end:b.End], '\n'); i >= 0 {
			sp.end += i
		} else {
			sp.end = b.End
		}
	}
	sp.looseStart, sp.looseEnd = false, false
	return sp
}

// spans returns where re must be run to find all its matches in d, in
// order. Every match holds one of the expression's literals and spans at
// most maxLen bytes, so it lies within maxLen bytes of an occurrence: only
// windows around the occurrences are searched (see window). Without
// literals, the spans are every block (or, for an expression anchored at
// line starts, the start of every line).
func (r *regexpRule) spans(d *linter.Document) []span {
	if r.lineStart && r.litIDs == nil && !d.FoldTraps() {
		return r.lineSpans(d)
	}
	if r.litIDs == nil || d.FoldTraps() {
		out := make([]span, len(d.Blocks))
		for i, b := range d.Blocks {
			out[i] = span{block: i, start: b.Start, end: b.End}
		}
		return out
	}
	idx := literals(d)
	wc := windowCache{runs: runsOf(d)}
	var out []span
	for _, id := range r.litIDs {
		k := idx.lens[id]
		for _, e := range idx.of(id) {
			if w, ok := r.window(d, &wc, e-k, e); ok && r.holdsAlso(d, w) {
				out = append(out, w)
			}
		}
	}
	if len(r.litIDs) > 1 {
		// The windows of one literal come in order; those of several
		// are merged below, whatever the order of equal starts.
		slices.SortFunc(out, func(a, b span) int { return cmp.Compare(a.start, b.start) })
	}
	n := 0
	for _, w := range out {
		if n > 0 && out[n-1].block == w.block && w.start <= out[n-1].end {
			last := &out[n-1]
			switch {
			case w.end > last.end:
				last.end, last.looseEnd = w.end, w.looseEnd
			case w.end == last.end:
				last.looseEnd = last.looseEnd || w.looseEnd
			}
			continue
		}
		out[n] = w
		n++
	}
	return out[:n]
}

// holdsAlso reports whether window w holds an occurrence of one of the
// expression's second literals, one of the bytes of its need, and one
// text of each of its further sets, as every window holding a match does.
func (r *regexpRule) holdsAlso(d *linter.Document, w span) bool {
	if !r.mayHold(d.Text[w.start:w.end]) || (r.also != nil && !anyOccursIn(d, r.also, w.start, w.end)) {
		return false
	}
	for _, set := range r.more {
		// Plain lower-case texts, with no marks: looked for anywhere.
		if !anyOccursIn(d, set, w.start, w.end) {
			return false
		}
	}
	return true
}

// anyOccursIn reports whether one of keys (encoded literals, see
// reqLit.encode) occurs within Text[start:end] as the literal search would
// find it: where it starts (ends) a word if it must, and in case if it
// must. A shape's second set is looked for so, in its windows only, not by
// the literal search: its literals are often common words ("the", "to", a
// comma), which would be found all over an ad.
func anyOccursIn(d *linter.Document, keys []string, start, end int) bool {
	lower := d.LowerText()
	for _, k := range keys {
		s, cased, wordStart, wordEnd := splitLiteral(k)
		text := lower
		if cased {
			text = d.Text
		}
		for at := start; at+len(s) <= end; {
			i := strings.Index(text[at:end], s)
			if i < 0 {
				break
			}
			b, e := at+i, at+i+len(s)
			if wordEdges(lower, b, e, wordStart, wordEnd) {
				return true
			}
			at = b + 1
		}
	}
	return false
}

// maxLen returns a bound on the bytes a match can span in block bi of d
// (at least the most it can span), or -1;
// runs is runsOf(d), looked up once by the caller for all its windows.
func (r *regexpRule) maxLen(d *linter.Document, runs *docRuns, bi int) int {
	if r.fixed < 0 {
		return -1
	}
	n := r.fixed
	if runs.block(d, bi).ascii {
		n = r.chars
	}
	for i, rb := range r.runs {
		n += rb.mult * runs.longestRun(d, bi, r.classes[i])
	}
	return n
}

// sideLen returns a bound on the bytes side sb of a match can span in
// block bi of d (at least the most it can span; runs as for maxLen).
func (r *regexpRule) sideLen(d *linter.Document, runs *docRuns, bi int, sb *sideBound) int {
	n := sb.fixed
	if runs.block(d, bi).ascii {
		n = sb.chars
	}
	for i, m := range sb.mults {
		if m > 0 {
			n += m * runs.longestRun(d, bi, r.classes[i])
		}
	}
	return n
}

// lineSpans returns the spans of an expression whose matches start at the
// start of a line: a window of its longest match after each line start.
func (r *regexpRule) lineSpans(d *linter.Document) []span {
	var out []span
	runs := runsOf(d)
	for bi, b := range d.Blocks {
		n := r.maxLen(d, runs, bi)
		for ls := b.Start; ls < b.End; {
			nl := strings.IndexByte(d.Text[ls:b.End], '\n')
			if r.lineEnd && n >= 0 && !r.textEdges && (nl < 0 && b.End-ls > n || nl > n) {
				// Every match is a whole line, and this one is longer.
				if nl < 0 {
					break
				}
				ls += nl + 1
				continue
			}
			hi, looseEnd := b.End, false
			if n >= 0 && !r.textEdges {
				hi = wordEnd(d.Text, min(b.End, ls+n), b.End)
				looseEnd = r.endLine && hi < b.End && d.Text[hi] != '\n'
			}
			// What precedes ls is a line break or nothing, which ^ and \b
			// see alike.
			if k := len(out); k > 0 && out[k-1].block == bi && ls <= out[k-1].end {
				if hi >= out[k-1].end {
					out[k-1].end, out[k-1].looseEnd = hi, looseEnd
				}
			} else {
				out = append(out, span{block: bi, start: ls, end: hi, looseEnd: looseEnd})
			}
			if nl < 0 {
				break
			}
			ls += nl + 1
		}
	}
	return out
}

// A windowCache holds what window worked out for the block of the last
// occurrence: the occurrences of a literal come in order, mostly several
// to a block.
type windowCache struct {
	runs          *docRuns
	have          bool // whether bi, before and after are set
	bi            int  // the block
	before, after int  // how far a match can reach before and after
}

// block returns the block that holds an occurrence ending at end, and
// sets c to it and to how far a match can reach before and after an
// occurrence there.
func (c *windowCache) block(r *regexpRule, d *linter.Document, end int) int {
	bs := d.Blocks
	if bi := c.bi; c.have && bs[bi].End >= end && (bi == 0 || bs[bi-1].End < end) {
		return bi
	}
	bi := sort.Search(len(bs), func(i int) bool { return bs[i].End >= end })
	c.have, c.bi = true, bi
	if r.fixed < 0 || r.textEdges {
		return bi
	}
	if r.sided {
		c.before, c.after = r.sideLen(d, c.runs, bi, &r.before), r.sideLen(d, c.runs, bi, &r.after)
	} else {
		n := r.maxLen(d, c.runs, bi)
		c.before, c.after = n, n
	}
	return bi
}

// window returns the span to search for matches holding Text[start:end],
// an occurrence of one of the expression's literals; c is the cache of
// this expression's windows in d.
func (r *regexpRule) window(d *linter.Document, c *windowCache, start, end int) (span, bool) {
	bi := c.block(r, d, end)
	b := d.Blocks[bi]
	if r.fixed < 0 || r.textEdges {
		return span{block: bi, start: b.Start, end: b.End}, true
	}
	if end-c.before > start || start+c.after < end {
		// No match reaches across the occurrence: the literal search
		// found it in a case the expression does not take.
		return span{}, false
	}
	text := d.Text
	lo, hi := max(b.Start, end-c.before), min(b.End, start+c.after)
	// An expression anchored at a line's start (end) whose matches hold
	// no line break starts (ends) on the literal's line.
	startsLine, endsLine := r.lineStart && r.oneLine, r.lineEnd && r.oneLine
	switch {
	case startsLine:
		// Every match starts this line: at the last line start before
		// the literal, or nowhere near it.
		ls := b.Start + strings.LastIndexByte(text[b.Start:start], '\n') + 1
		if ls < lo {
			return span{}, false
		}
		lo = ls
	default:
		lo = wordStart(text, lo, b.Start)
	}
	looseStart := r.beginLine && !startsLine && lo > b.Start && text[lo-1] != '\n'
	switch {
	case endsLine:
		le := b.End
		if i := strings.IndexByte(text[end:b.End], '\n'); i >= 0 {
			le = end + i
		}
		if le > hi {
			return span{}, false
		}
		hi = le
	default:
		hi = wordEnd(text, hi, b.End)
	}
	looseEnd := r.endLine && !endsLine && hi < b.End && text[hi] != '\n'
	return span{bi, lo, hi, looseStart, looseEnd}, true
}

// wordStart moves lo back, not before min, to a rune start that is not
// preceded by a word character. There the start of text[lo:] looks to \b
// and \B as it does in the whole text.
func wordStart(text string, lo, min int) int {
	for lo > min && (!utf8.RuneStart(text[lo]) || isWordByte(text[lo-1])) {
		lo--
	}
	return lo
}

// wordEnd moves hi forward, not past max, to a rune start that is not a
// word character: the end of text[:hi] looks to \b and \B as it does in
// the whole text.
func wordEnd(text string, hi, max int) int {
	for hi < max && (!utf8.RuneStart(text[hi]) || isWordByte(text[hi])) {
		hi++
	}
	return hi
}

// possible appends to out the regexps of res that may match in d.
func possible(d *linter.Document, out, res []regexpRule) []regexpRule {
	for i := range res {
		if res[i].mayMatch(d) {
			if cap(out)-len(out) < len(res)-i {
				// Room for all the rest: out grows once at most.
				out = slices.Grow(out, len(res)-i)
			}
			out = append(out, res[i])
		}
	}
	return out
}

// preparedRule returns entry i of the prepared table with its prefilter,
// to be compiled on first use.
func preparedRule(i int) regexpRule {
	p := &prepared[i]
	return regexpRule{shape: &p.shape, litIDs: p.litIDs, classes: p.classIDs, lazyRegexp: sharedLazy(i)}
}

// prefiltered returns the expression flags+pattern with its prefilter:
// its entry in the prepared table, or else the expression as compile
// compiles it (compile's error is returned as it is).
func prefiltered(flags, pattern string, compile func(expr string) (*regexp.Regexp, error)) (regexpRule, error) {
	if recordExpr != nil {
		recordExpr(flags + pattern)
	}
	if i := preparedIndex(flags, pattern); i >= 0 {
		return preparedRule(i), nil
	}
	expr := flags + pattern
	re, err := compile(expr)
	if err != nil {
		return regexpRule{}, err
	}
	return withPrefilter(re, expr), nil
}

// withPrefilter returns expr, compiled (re), with its prefilter.
func withPrefilter(re *regexp.Regexp, expr string) regexpRule {
	sh := shapeOf(expr)
	r := regexpRule{shape: &sh}
	if sh.lits != nil {
		r.litIDs = registerLiterals(sh.lits)
	}
	r.lazyRegexp = &lazyRegexp{expr: expr, re: re}
	for _, rb := range sh.runs {
		r.classes = append(r.classes, registerClass(rb.class))
	}
	return r
}

func walk(re *syntax.Regexp, f func(*syntax.Regexp)) {
	f(re)
	for _, s := range re.Sub {
		walk(s, f)
	}
}

// A preparedEntry is an expression of the built-in rule set (with its
// flags), its shape, and the ids of its literals (in builtinLiterals) and
// of the character classes of its run bounds (in builtinClasses; the
// bounds' own classes are left out of the table).
type preparedEntry struct {
	expr string
	shape
	litIDs, classIDs []int32
}

// preparedIndex returns the index of the expression flags+pattern in the
// prepared table, or -1. It looks the expression up in preparedSlots, an
// open-addressing hash table generated with the table (constants need no
// work at start-up, where a map would), hashing and then comparing the two
// parts in turn rather than joined: a rule set has hundreds of patterns,
// some long, sharing long beginnings, so the hash reads only their length
// and last hashTail bytes (see exprHash).
func preparedIndex(flags, pattern string) int {
	mask := uint32(len(preparedSlots) - 1)
	for i := exprHash(flags, pattern) & mask; ; i = (i + 1) & mask {
		k := int(preparedSlots[i])
		if k < 0 || compareJoined(prepared[k].expr, flags, pattern) == 0 {
			return k
		}
	}
}

// exprHash hashes a+b for preparedSlots: FNV-1a of its length and its
// last hashTail bytes. Hashing all of a long expression would cost more
// than the comparisons it saves; its end mostly tells it from the others
// (their beginnings are alike), and the comparison settles the rest. The
// program that generates preparedSlots and the one that reads it must
// agree on it.
func exprHash(a, b string) uint32 {
	h := uint32(2166136261)
	step := func(c byte) {
		h ^= uint32(c)
		h *= 16777619
	}
	n := len(a) + len(b)
	for k := 0; k < 32; k += 8 {
		step(byte(n >> k))
	}
	if len(b) < hashTail {
		for i := max(0, len(a)-(hashTail-len(b))); i < len(a); i++ {
			step(a[i])
		}
	}
	for i := max(0, len(b)-hashTail); i < len(b); i++ {
		step(b[i])
	}
	return h
}

// hashTail is how many bytes at the end of an expression exprHash reads.
const hashTail = 16

// compareJoined compares s with a+b, as strings.Compare does.
func compareJoined(s, a, b string) int {
	if len(s) < len(a) {
		if c := strings.Compare(s, a[:len(s)]); c != 0 {
			return c
		}
		return -1 // s is a start of a
	}
	if c := strings.Compare(s[:len(a)], a); c != 0 {
		return c
	}
	return strings.Compare(s[len(a):], b)
}

// shapeOf works out the shape of expr.
func shapeOf(expr string) shape {
	p, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return shape{fixed: -1}
	}
	sh := shape{}
	for _, n := range p.CapNames() {
		if n != "" {
			sh.groups = append(sh.groups, n)
		}
	}
	p = p.Simplify()
	b := maxLen(p)
	sh.fixed, sh.chars = b.fixed, b.chars
	for _, k := range slices.Sorted(maps.Keys(b.runs)) {
		sh.runs = append(sh.runs, runBound{[]rune(k), b.runs[k]})
	}
	sh.lineStart = p.Op == syntax.OpBeginLine || p.Op == syntax.OpConcat && p.Sub[0].Op == syntax.OpBeginLine
	sh.lineEnd = p.Op == syntax.OpEndLine || p.Op == syntax.OpConcat && p.Sub[len(p.Sub)-1].Op == syntax.OpEndLine
	sh.oneLine = true
	walk(p, func(re *syntax.Regexp) {
		switch re.Op {
		case syntax.OpAnyChar:
			sh.oneLine = false
		case syntax.OpLiteral:
			if slices.Contains(re.Rune, '\n') {
				sh.oneLine = false
			}
		case syntax.OpCharClass:
			for i := 0; i+1 < len(re.Rune); i += 2 {
				if re.Rune[i] <= '\n' && '\n' <= re.Rune[i+1] {
					sh.oneLine = false
				}
			}
		case syntax.OpBeginLine:
			sh.beginLine = true
		case syntax.OpEndLine:
			sh.endLine = true
		case syntax.OpBeginText, syntax.OpEndText:
			sh.textEdges = true
		}
	})
	if need, ok := needBytes(p); ok && len(need) <= maxNeed {
		sh.need = need
	}
	if lits, also, more, part, ok := literalSets(p); ok && usefulLiterals(litStrings(lits)) {
		// Alternatives may give the same literal ("the DOE|DOE lab"): it is
		// looked for once.
		for _, l := range lits {
			if k := l.encode(); !slices.Contains(sh.lits, k) {
				sh.lits = append(sh.lits, k)
			}
		}
		for _, l := range also {
			if k := l.encode(); !slices.Contains(sh.also, k) {
				sh.also = append(sh.also, k)
			}
		}
		sh.more = more
		if part.subs != nil && sh.fixed >= 0 {
			var okB, okA bool
			sh.before, okB = sideOf(part.subs[:part.e], sh.runs)
			sh.after, okA = sideOf(part.subs[part.k:], sh.runs)
			sh.sided = okB && okA
		}
	}
	return sh
}

// maxNeed bounds the bytes of a shape's need: a window is looked over for
// them (all ten digits, or a few symbols), which pays where most windows
// lack them.
const maxNeed = 10

// needBytes returns the ASCII digits and symbols (sorted) one of which
// every match of re holds, or false when it knows of none. Letters and
// white space are left out, as nearly every window holds them, and so is
// any class with characters beyond ASCII, which a search of bytes cannot
// check.
func needBytes(re *syntax.Regexp) (string, bool) {
	switch re.Op {
	case syntax.OpLiteral:
		// Any of its characters will do ("US$" holds "$").
		for _, c := range re.Rune {
			if c < utf8.RuneSelf && isNeedByte(byte(c)) {
				return string(c), true
			}
		}
		return "", false
	case syntax.OpCharClass:
		var set []byte
		for i := 0; i+1 < len(re.Rune); i += 2 {
			if re.Rune[i+1] >= utf8.RuneSelf {
				return "", false
			}
			for c := re.Rune[i]; c <= re.Rune[i+1]; c++ {
				if !isNeedByte(byte(c)) {
					return "", false
				}
				set = append(set, byte(c))
			}
		}
		return string(set), len(set) > 0
	case syntax.OpCapture, syntax.OpPlus:
		return needBytes(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return needBytes(re.Sub[0])
		}
	case syntax.OpConcat:
		// Any part's bytes will do: the fewest.
		best, found := "", false
		for _, s := range re.Sub {
			if n, ok := needBytes(s); ok && (!found || len(n) < len(best)) {
				best, found = n, true
			}
		}
		return best, found
	case syntax.OpAlternate:
		var set []byte
		for _, s := range re.Sub {
			n, ok := needBytes(s)
			if !ok {
				return "", false
			}
			set = append(set, n...)
		}
		slices.Sort(set)
		return string(slices.Compact(set)), true
	}
	return "", false
}

// isNeedByte reports whether c is an ASCII digit or symbol: printable,
// and neither a letter nor a space.
func isNeedByte(c byte) bool {
	return c > ' ' && c < utf8.RuneSelf && c != 0x7f && !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z')
}

// mayHold reports whether s holds one of the bytes every match holds.
func (r *regexpRule) mayHold(s string) bool {
	return r.need == "" || strings.ContainsAny(s, r.need)
}

// sideOf returns the bound of the concatenation of subs, its runs as
// multiples of runs (those of the whole expression).
func sideOf(subs []*syntax.Regexp, runs []runBound) (sideBound, bool) {
	var b bound
	for _, s := range subs {
		b.add(maxLen(s), 1)
	}
	sb := sideBound{fixed: b.fixed, chars: b.chars}
	found := 0
	for _, rb := range runs {
		m := b.runs[string(rb.class)]
		if m > 0 {
			found++
		}
		sb.mults = append(sb.mults, m)
	}
	return sb, found == len(b.runs)
}

// A bound is the most bytes a match of an expression can span: fixed
// plus, for each character class (a string of sorted rune ranges), mult
// times the longest run of its characters in the text.
type bound struct {
	fixed int
	// chars counts the characters of the fixed part: its length in bytes
	// in text that is all ASCII.
	chars int
	runs  map[string]int
}

func (b *bound) add(o bound, times int) {
	b.fixed += o.fixed * times
	b.chars += o.chars * times
	for k, n := range o.runs {
		if b.runs == nil {
			b.runs = map[string]int{}
		}
		b.runs[k] += n * times
	}
}

// maxLen returns the bound of re: every expression has one, as a repeat
// spans at most a run of the characters it repeats.
func maxLen(re *syntax.Regexp) (b bound) {
	switch re.Op {
	case syntax.OpLiteral:
		for _, c := range re.Rune {
			if re.Flags&syntax.FoldCase != 0 {
				b.fixed += maxFoldLen(c)
			} else {
				b.fixed += runeLen(c)
			}
		}
		b.chars = len(re.Rune)
	case syntax.OpCharClass:
		if len(re.Rune) > 0 {
			b.fixed, b.chars = runeLen(re.Rune[len(re.Rune)-1]), 1
		}
	case syntax.OpAnyCharNotNL, syntax.OpAnyChar:
		b.fixed, b.chars = utf8.UTFMax, 1
	case syntax.OpCapture, syntax.OpQuest:
		return maxLen(re.Sub[0])
	case syntax.OpStar, syntax.OpPlus:
		return runOf(re.Sub[0])
	case syntax.OpRepeat:
		if re.Max < 0 {
			return runOf(re.Sub[0])
		}
		b.add(maxLen(re.Sub[0]), re.Max)
	case syntax.OpConcat:
		for _, s := range re.Sub {
			b.add(maxLen(s), 1)
		}
	case syntax.OpAlternate:
		// At most the longest fixed part plus every alternative's runs.
		for _, s := range re.Sub {
			sub := maxLen(s)
			b.fixed, b.chars = max(b.fixed, sub.fixed), max(b.chars, sub.chars)
			sub.fixed, sub.chars = 0, 0
			b.add(sub, 1)
		}
	}
	return b // assertions and empty matches span nothing
}

// runOf returns the bound of an unbounded repeat of re: one run of the
// characters re can match.
func runOf(re *syntax.Regexp) bound {
	var rs []rune
	charsOf(re, &rs)
	if len(rs) == 0 {
		return bound{}
	}
	return bound{runs: map[string]int{string(normRanges(rs)): 1}}
}

// charsOf appends to rs the rune ranges re can match a character of.
func charsOf(re *syntax.Regexp, rs *[]rune) {
	switch re.Op {
	case syntax.OpLiteral:
		for _, c := range re.Rune {
			*rs = append(*rs, c, c)
			if re.Flags&syntax.FoldCase != 0 {
				for f := unicode.SimpleFold(c); f != c; f = unicode.SimpleFold(f) {
					*rs = append(*rs, f, f)
				}
			}
		}
	case syntax.OpCharClass:
		*rs = append(*rs, re.Rune...)
	case syntax.OpAnyCharNotNL:
		*rs = append(*rs, 0, '\n'-1, '\n'+1, unicode.MaxRune)
	case syntax.OpAnyChar:
		*rs = append(*rs, 0, unicode.MaxRune)
	}
	for _, s := range re.Sub {
		charsOf(s, rs)
	}
}

// normRanges sorts and merges rune ranges.
func normRanges(rs []rune) []rune {
	type rg struct{ lo, hi rune }
	var l []rg
	for i := 0; i+1 < len(rs); i += 2 {
		l = append(l, rg{rs[i], rs[i+1]})
	}
	sort.Slice(l, func(i, j int) bool { return l[i].lo < l[j].lo })
	var out []rune
	for _, r := range l {
		if n := len(out); n > 0 && r.lo <= out[n-1]+1 {
			out[n-1] = max(out[n-1], r.hi)
			continue
		}
		out = append(out, r.lo, r.hi)
	}
	return out
}

// maxFoldLen returns the longest UTF-8 encoding among the case foldings of
// c (the Kelvin sign folds to k, for one).
func maxFoldLen(c rune) int {
	n := runeLen(c)
	for f := unicode.SimpleFold(c); f != c; f = unicode.SimpleFold(f) {
		n = max(n, runeLen(f))
	}
	return n
}

// runeLen is utf8.RuneLen, with utf8.UTFMax for runes that have no
// encoding (surrogates).
func runeLen(c rune) int {
	if n := utf8.RuneLen(c); n > 0 {
		return n
	}
	return utf8.UTFMax
}

// usefulLiterals reports whether lits can serve as a prefilter: they are
// searched in text lower-cased in ASCII only, so a literal with a non-ASCII
// character that has case, or that case folding matches to another ("ß"
// and "ẞ"), cannot be used, nor one with U+FFFD, which an expression
// matches on any byte that is not UTF-8; and single letters or digits
// filter nothing.
func usefulLiterals(lits []string) bool {
	for _, l := range lits {
		for _, c := range l {
			if c >= utf8.RuneSelf && (unicode.ToUpper(c) != unicode.ToLower(c) || unicode.SimpleFold(c) != c || c == utf8.RuneError) {
				return false
			}
		}
		if len(l) < 2 {
			c := rune(l[0])
			if unicode.IsLetter(c) || unicode.IsDigit(c) || unicode.IsSpace(c) {
				return false
			}
		}
	}
	return len(lits) > 0
}

// betterLiterals reports whether a is a better prefilter than b: usable,
// then with longer literals, then expected to occur less often (costA and
// costB, see litCost).
func betterLiterals(a, b []string, costA, costB float64) bool {
	if ua, ub := usefulLiterals(a), usefulLiterals(b); ua != ub {
		return ua
	}
	if ma, mb := minLen(a), minLen(b); ma != mb {
		return ma > mb
	}
	return costA < costB
}

func minLen(ls []string) int {
	m := -1
	for _, l := range ls {
		if m < 0 || len(l) < m {
			m = len(l)
		}
	}
	return m
}

// litCost estimates how often one of ls occurs in an ad, per byte of
// text, to choose between sets of literals of the same length: "$" is a
// better literal than "-" or "to", and "DOE" in capitals than "the".
// Strings of up to three characters are estimated from the frequencies of
// their characters, and most of their occurrences are inside longer
// words. A longer one is taken to be about as common as a common word,
// less so for each capital it must have: letter frequencies say little
// about words ("experience" is frequent in ads), so among long literals
// the fewer the better.
func litCost(ls []reqLit) float64 {
	sum := 0.0
	for _, l := range ls {
		s := l.s
		if l.orig != "" {
			s = l.orig
		}
		p := 1.0
		if utf8.RuneCountInString(s) > 3 {
			p = wordFreq
			for _, r := range s {
				if 'A' <= r && r <= 'Z' {
					p /= 10
				}
			}
		} else {
			for _, r := range s {
				p *= runeFreq(r)
			}
			if l.wordStart {
				p /= 2
			}
			if l.wordEnd {
				p /= 2
			}
		}
		sum += p
	}
	return sum
}

// wordFreq is litCost's share of the text for a literal of more than three
// characters.
const wordFreq = 2e-4

// runeFreq is a rough share of the characters of English prose that are
// r: letters by their usual frequencies, capitals one time in ten, then
// spaces, common punctuation, digits, and the rest.
func runeFreq(r rune) float64 {
	switch {
	case 'a' <= r && r <= 'z':
		return letterFreq[r-'a']
	case 'A' <= r && r <= 'Z':
		return letterFreq[r-'A'] / 10
	case r == ' ':
		return 0.16
	case r == ',' || r == '.':
		return 0.01
	case '0' <= r && r <= '9':
		return 0.005
	case r == '-' || r == '\n':
		return 0.004
	case r < utf8.RuneSelf:
		return 0.001
	}
	return 0.0005
}

// letterFreq holds the frequencies of the letters a to z in English text
// (their shares of all letters, scaled to letters being four characters in
// five).
var letterFreq = [26]float64{
	0.8 * 0.082, 0.8 * 0.015, 0.8 * 0.028, 0.8 * 0.043, 0.8 * 0.127, 0.8 * 0.022, 0.8 * 0.020,
	0.8 * 0.061, 0.8 * 0.070, 0.8 * 0.0015, 0.8 * 0.0077, 0.8 * 0.040, 0.8 * 0.024, 0.8 * 0.067,
	0.8 * 0.075, 0.8 * 0.019, 0.8 * 0.00095, 0.8 * 0.060, 0.8 * 0.063, 0.8 * 0.091, 0.8 * 0.028,
	0.8 * 0.0098, 0.8 * 0.024, 0.8 * 0.0015, 0.8 * 0.020, 0.8 * 0.00074,
}

// A reqLit is a literal that every match of an expression holds, and
// whether it must start and end a word there. s is lower-cased in ASCII,
// as it is searched for in Document.LowerText; orig, when set, is the
// literal as written in a case-sensitive part of the expression, which an
// occurrence must match exactly. atStart and atEnd, used while the set is
// worked out, say whether the literal starts (ends) where the match of the
// sub-expression it came from starts (ends).
type reqLit struct {
	s, orig            string
	wordStart, wordEnd bool
	atStart, atEnd     bool
}

// wordMark marks a literal that must start or end a word, before or after
// its text; casedMark a literal that must match in case. Neither byte is
// ever part of UTF-8 text.
const (
	wordMark  = "\xff"
	casedMark = "\xfe"
)

// encode writes l as a key of the literal table.
func (l reqLit) encode() string {
	s := l.s
	if l.orig != "" && l.orig != l.s {
		s = casedMark + l.orig
	}
	if l.wordStart {
		s = wordMark + s
	}
	if l.wordEnd {
		s += wordMark
	}
	return s
}

// decodeLiteral returns the text to search for of a literal table key,
// the text an occurrence must match in case ("" for any case), and whether
// it must start and end a word.
func decodeLiteral(k string) (s, orig string, wordStart, wordEnd bool) {
	s, cased, wordStart, wordEnd := splitLiteral(k)
	if cased {
		return asciiLower(s), s, wordStart, wordEnd
	}
	return s, "", wordStart, wordEnd
}

// splitLiteral returns the text of a literal table key as written, whether
// an occurrence must match it in case (else it is lower-case), and whether
// it must start and end a word.
func splitLiteral(k string) (s string, cased, wordStart, wordEnd bool) {
	s, wordStart = strings.CutPrefix(k, wordMark)
	s, wordEnd = strings.CutSuffix(s, wordMark)
	s, cased = strings.CutPrefix(s, casedMark)
	return s, cased, wordStart, wordEnd
}

// asciiLower lower-cases the ASCII letters of s, as Document.LowerText
// does.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

func litStrings(ls []reqLit) []string {
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = l.s
	}
	return out
}

// A litCandidate is a set of literals one of which every match of
// re.Sub[k:e] holds, re being a concatenation.
type litCandidate struct {
	// ls are the literals, as the concatenation's once concatCandidates
	// returns them (see finish).
	ls   []reqLit
	strs []string // litStrings(ls)
	k, e int
	cost float64 // litCost(ls)
}

// concatCandidates returns the literal sets of a concatenation of subs,
// the most selective first: any child's set will do, or the strings a run
// of children with few possible texts spells out ("w(?:eek|k)" is "week"
// or "wk").
func concatCandidates(subs []*syntax.Regexp) []litCandidate {
	var out []litCandidate
	for i, s := range subs {
		if ls, ok := requiredLiterals(s); ok {
			out = append(out, litCandidate{ls: ls, strs: litStrings(ls), k: i, e: i + 1})
		}
		if allEmpty(subs[i : i+1]) {
			continue // runs start and end with text, so \b next to them is seen
		}
		set := exact{[]string{""}, true}
		for j := i; j < len(subs); j++ {
			sub, ok := exactSet(subs[j])
			if !ok {
				// The run ends in a child with no exact set, but every
				// match of it may still start with one of a few texts:
				// "h(?:q|ead\s+office)" holds "hq" or "head".
				if ps, ok := prefixes(subs[j]); ok && !slices.Contains(ps.set, "") {
					if p, ok := product(set, ps); ok {
						out = append(out, exactCandidate(p, i, j+1, false))
					}
				}
				break
			}
			if set, ok = product(set, sub); !ok {
				break
			}
			if j > i && !allEmpty(subs[j:j+1]) && !slices.Contains(set.set, "") {
				out = append(out, exactCandidate(set, i, j+1, true))
			}
		}
	}
	for i := range out {
		out[i].ls = out[i].finish(subs)
		out[i].cost = litCost(out[i].ls)
	}
	// Stable, and first among equals as the candidates were found.
	sort.SliceStable(out, func(a, b int) bool {
		return betterLiterals(out[a].strs, out[b].strs, out[a].cost, out[b].cost)
	})
	return out
}

// exactCandidate returns the literals of set as the candidate of subs[k:e];
// whole says whether its texts are whole matches of that part, or may be
// followed by more of it ("head" for "head\s+office"), so end no match.
func exactCandidate(set exact, k, e int, whole bool) litCandidate {
	ls := exactLits(set)
	if !whole {
		for i := range ls {
			ls[i].atEnd = false
		}
	}
	return litCandidate{ls: ls, strs: litStrings(ls), k: k, e: e}
}

// finish returns c's literals as literals of the whole concatenation subs:
// those that must start or end a word there say so.
func (c litCandidate) finish(subs []*syntax.Regexp) []reqLit {
	out := make([]reqLit, len(c.ls))
	for i, l := range c.ls {
		if l.atStart && nonWordBeforeAt(subs, c.k) && isWordByte(l.s[0]) {
			l.wordStart = true
		}
		if l.atEnd && nonWordAfterAt(subs, c.e) && isWordByte(l.s[len(l.s)-1]) {
			l.wordEnd = true
		}
		l.atStart = l.atStart && allEmpty(subs[:c.k])
		l.atEnd = l.atEnd && allEmpty(subs[c.e:])
		out[i] = l
	}
	return out
}

// literalSets returns the required literals of re (see
// requiredLiterals) and, when re is a concatenation, a second set one of
// which every match also holds, from another part of the expression: a
// window around an occurrence of the first that holds none of the second
// cannot hold a match. also is nil when there is no useful second set.
// more are up to maxMore further sets from parts of their own, as
// lower-case texts (see shape.more).
func literalSets(re *syntax.Regexp) (lits, also []reqLit, more [][]string, part concatPart, ok bool) {
	for re.Op == syntax.OpCapture {
		re = re.Sub[0]
	}
	if re.Op != syntax.OpConcat {
		lits, ok = requiredLiterals(re)
		return lits, nil, nil, part, ok
	}
	cs := concatCandidates(re.Sub)
	if len(cs) == 0 {
		return nil, nil, nil, part, false
	}
	first := cs[0]
	if usefulLiterals(first.strs) {
		taken := []litCandidate{first}
		for _, c := range cs[1:] {
			if !usefulLiterals(c.strs) || slices.ContainsFunc(taken, c.overlaps) {
				continue
			}
			switch {
			case also == nil:
				also = c.ls
			case len(more) < maxMore:
				more = append(more, c.strs)
			}
			taken = append(taken, c)
		}
	}
	return first.ls, also, more, concatPart{re.Sub, first.k, first.e}, true
}

// maxMore bounds the further literal sets of an expression that windows
// are checked for (see shape.more).
const maxMore = 3

// overlaps reports whether c and o come from overlapping parts.
func (c litCandidate) overlaps(o litCandidate) bool { return c.k < o.e && o.k < c.e }

// A concatPart is subs[k:e] of a concatenation subs.
type concatPart struct {
	subs []*syntax.Regexp
	k, e int
}

// requiredLiterals returns lower-case strings one of which occurs in every
// match of re; ok is false when no such set is known.
func requiredLiterals(re *syntax.Regexp) ([]reqLit, bool) {
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase == 0 {
			o := string(re.Rune)
			return []reqLit{{s: asciiLower(o), orig: o, atStart: true, atEnd: true}}, true
		}
		return []reqLit{{s: asciiLower(string(re.Rune)), atStart: true, atEnd: true}}, true
	case syntax.OpCharClass:
		// A small class of symbols ("[$£€]") is a set of one-rune literals.
		var out []reqLit
		for i := 0; i+1 < len(re.Rune); i += 2 {
			if re.Rune[i+1]-re.Rune[i] > 8 || len(out) > 16 {
				return nil, false
			}
			for c := re.Rune[i]; c <= re.Rune[i+1]; c++ {
				if unicode.IsLetter(c) || unicode.IsDigit(c) || unicode.IsSpace(c) {
					return nil, false
				}
				out = append(out, reqLit{s: string(c), atStart: true, atEnd: true})
			}
		}
		return out, len(out) > 0
	case syntax.OpCapture:
		return requiredLiterals(re.Sub[0])
	case syntax.OpPlus:
		return requiredLiterals(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return requiredLiterals(re.Sub[0])
		}
	case syntax.OpConcat:
		cs := concatCandidates(re.Sub)
		if len(cs) == 0 {
			return nil, false
		}
		return cs[0].ls, true
	case syntax.OpAlternate:
		var all []reqLit
		for _, s := range re.Sub {
			ls, ok := requiredLiterals(s)
			if !ok {
				return nil, false
			}
			all = append(all, ls...)
		}
		return all, true
	}
	return nil, false
}

// Limits on the strings exactSet and product spell out.
const (
	maxExactStrings = 32
	maxExactLen     = 40
	maxExactClass   = 8 // characters of a class ([sS] yes, \d no)
)

// An exact set is every text a sub-expression can match. When cased, the
// texts are as written and must match in case; otherwise they are
// lower-cased and match in any case.
type exact struct {
	set   []string
	cased bool
}

// lower returns e with its texts matching in any case.
func (e exact) lower() exact {
	if !e.cased {
		return e
	}
	var out []string
	for _, x := range e.set {
		if l := asciiLower(x); !slices.Contains(out, l) {
			out = append(out, l)
		}
	}
	return exact{out, false}
}

// exactSet returns every text re can match, when there are few: a
// literal, a small class, an optional or alternative such text, or a
// concatenation of them; assertions match "".
func exactSet(re *syntax.Regexp) (exact, bool) {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return exact{[]string{""}, true}, true
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase == 0 {
			return exact{[]string{string(re.Rune)}, true}, true
		}
		return exact{[]string{asciiLower(string(re.Rune))}, false}, true
	case syntax.OpCharClass:
		// The class lists its characters in every case it matches.
		var out []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for c := re.Rune[i]; c <= re.Rune[i+1]; c++ {
				if len(out) >= maxExactClass {
					return exact{}, false
				}
				out = append(out, string(c))
			}
		}
		return exact{out, true}, len(out) > 0
	case syntax.OpCapture:
		return exactSet(re.Sub[0])
	case syntax.OpQuest:
		sub, ok := exactSet(re.Sub[0])
		if !ok || slices.Contains(sub.set, "") {
			return sub, ok
		}
		return exact{append([]string{""}, sub.set...), sub.cased}, len(sub.set) < maxExactStrings
	case syntax.OpConcat:
		set := exact{[]string{""}, true}
		for _, s := range re.Sub {
			sub, ok := exactSet(s)
			if !ok {
				return exact{}, false
			}
			if set, ok = product(set, sub); !ok {
				return exact{}, false
			}
		}
		return set, true
	case syntax.OpAlternate:
		return union(re.Sub, exactSet)
	}
	return exact{}, false
}

// union returns the texts of f for each of subs, in any case unless all
// are cased, or false when f has none for one of them or they are too
// many.
func union(subs []*syntax.Regexp, f func(*syntax.Regexp) (exact, bool)) (exact, bool) {
	sets := make([]exact, len(subs))
	cased := true
	for i, s := range subs {
		sub, ok := f(s)
		if !ok {
			return exact{}, false
		}
		sets[i] = sub
		cased = cased && sub.cased
	}
	out := exact{nil, cased}
	for _, sub := range sets {
		if !cased {
			sub = sub.lower()
		}
		for _, x := range sub.set {
			if !slices.Contains(out.set, x) {
				out.set = append(out.set, x)
			}
		}
		if len(out.set) > maxExactStrings {
			return exact{}, false
		}
	}
	return out, true
}

// prefixes returns texts one of which starts every match of re: its
// exact set if it has one; for a concatenation, its leading exact parts
// followed by the starts of the first part that is not; for alternatives,
// the starts of each. A text may be "" (a match may start with anything),
// which makes the set of no use as literals.
func prefixes(re *syntax.Regexp) (exact, bool) {
	if e, ok := exactSet(re); ok {
		return e, true
	}
	switch re.Op {
	case syntax.OpCapture:
		return prefixes(re.Sub[0])
	case syntax.OpConcat:
		// The exact texts of the leading children, and then the starts
		// of the first child without: any start of a match's texts is
		// one too.
		set := exact{[]string{""}, true}
		for _, s := range re.Sub {
			sub, whole := exactSet(s)
			if !whole {
				var ok bool
				if sub, ok = prefixes(s); !ok {
					return set, true
				}
			}
			p, ok := product(set, sub)
			if !ok {
				return set, true
			}
			set = p
			if !whole {
				return set, true
			}
		}
		return set, true
	case syntax.OpAlternate:
		return union(re.Sub, prefixes)
	}
	return exact{[]string{""}, true}, true
}

// product returns every a+b for a in as and b in bs.
func product(as, bs exact) (exact, bool) {
	if len(as.set)*len(bs.set) > maxExactStrings {
		return exact{}, false
	}
	if as.cased != bs.cased {
		as, bs = as.lower(), bs.lower()
	}
	out := exact{nil, as.cased}
	for _, a := range as.set {
		for _, b := range bs.set {
			if len(a)+len(b) > maxExactLen {
				return exact{}, false
			}
			if x := a + b; !slices.Contains(out.set, x) {
				out.set = append(out.set, x)
			}
		}
	}
	return out, true
}

// exactLits turns an exact set into literals, leaving out texts that hold
// a shorter one (an occurrence of "doe." holds one of "doe"). Such a
// literal starts the match only if it starts every text it stands for,
// and ends it only if it ends them all.
func exactLits(e exact) []reqLit {
	set := e.set
	keep := map[string]*reqLit{}
	var order []string
	for _, s := range set {
		covered := false
		for _, t := range set {
			if t != s && strings.Contains(s, t) {
				covered = true
				break
			}
		}
		if !covered {
			l := &reqLit{s: s, atStart: true, atEnd: true}
			if e.cased {
				l.s, l.orig = asciiLower(s), s
			}
			keep[s] = l
			order = append(order, s)
		}
	}
	for _, s := range set {
		for _, t := range order {
			if s != t && strings.Contains(s, t) {
				l := keep[t]
				l.atStart = l.atStart && strings.HasPrefix(s, t)
				l.atEnd = l.atEnd && strings.HasSuffix(s, t)
			}
		}
	}
	out := make([]reqLit, len(order))
	for i, t := range order {
		out[i] = *keep[t]
	}
	return out
}

// nonWordEdge reports whether re, matched just before (after) a literal
// that starts (ends) with a word character, makes that literal start
// (end) a word: re is \b, or matches only characters that are not word
// characters.
func nonWordEdge(re *syntax.Regexp) bool {
	return re.Op == syntax.OpWordBoundary || nonWordChars(re)
}

// nonWordBeforeAt reports whether what subs[:k] matches always ends with
// a character that is not a word character, or at a \b next to one that
// is: optional non-word characters (",\s*") are looked past.
func nonWordBeforeAt(subs []*syntax.Regexp, k int) bool {
	for i := k - 1; i >= 0; i-- {
		if nonWordEdge(subs[i]) {
			return true
		}
		if !optionalNonWord(subs[i]) {
			return false
		}
	}
	return false
}

// nonWordAfterAt is nonWordBeforeAt for what subs[e:] starts with.
func nonWordAfterAt(subs []*syntax.Regexp, e int) bool {
	for i := e; i < len(subs); i++ {
		if nonWordEdge(subs[i]) {
			return true
		}
		if !optionalNonWord(subs[i]) {
			return false
		}
	}
	return false
}

// optionalNonWord reports whether re matches only runs, maybe empty, of
// characters that are not word characters (\s*, [,;]?).
func optionalNonWord(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpStar, syntax.OpQuest, syntax.OpRepeat:
		return nonWordChars(re.Sub[0])
	}
	return false
}

// nonWordChars reports whether re matches one or more characters, none of
// them a word character (\s, \s+, [,;]).
func nonWordChars(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpPlus:
		return nonWordChars(re.Sub[0])
	case syntax.OpRepeat:
		return re.Min >= 1 && nonWordChars(re.Sub[0])
	case syntax.OpCharClass:
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for c := re.Rune[i]; c <= re.Rune[i+1] && c < utf8.RuneSelf; c++ {
				if isWordByte(byte(c)) {
					return false
				}
			}
		}
		return len(re.Rune) > 0
	case syntax.OpLiteral:
		for _, c := range re.Rune {
			if c < utf8.RuneSelf && isWordByte(byte(c)) || re.Flags&syntax.FoldCase != 0 && unicode.SimpleFold(c) != c {
				return false
			}
		}
		return len(re.Rune) > 0
	}
	return false
}

// allEmpty reports whether every one of res matches only the empty string
// (assertions such as \b and ^).
func allEmpty(res []*syntax.Regexp) bool {
	for _, re := range res {
		switch re.Op {
		case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
			syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		default:
			return false
		}
	}
	return true
}

// isWordByte reports whether c is a word character for \b: an ASCII letter,
// digit or underscore.
func isWordByte(c byte) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}
