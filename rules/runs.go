package rules

import (
	"sort"
	"sync"
	"unicode/utf8"

	"github.com/hirelint/hirelint/linter"
)

// A runClass is a set of characters whose longest run in a block bounds
// an unbounded repeat (see runBound in literals.go).
type runClass struct {
	ascii  [utf8.RuneSelf]bool
	ranges []rune // sorted inclusive lo, hi pairs, all of them
	// bound says what bounds its runs (see classBound).
	bound classBound
}

// A classBound says what bounds the runs of a class in a block. An
// exact count takes a pass over the block for each class; the longest
// runs of white space and of other bytes take one pass for all classes,
// and bound every class of white space only, or of no white space. A
// bound above the exact run widens a window and loses no match.
type classBound uint8

const (
	boundExact    classBound = iota // the class's own longest run
	boundSpace                      // the longest run of white space
	boundNonSpace                   // the longest run of other bytes
)

// isSpace marks the bytes of white space, as \s has it.
var isSpace = [256]bool{'\t': true, '\n': true, '\f': true, '\r': true, ' ': true}

// newRunClass returns the class of the characters in ranges.
func newRunClass(ranges []rune) *runClass {
	c := &runClass{ranges: ranges}
	for b := rune(0); b < utf8.RuneSelf; b++ {
		c.ascii[b] = c.has(b)
	}
	// Whether it has white space, and other characters: non-ASCII ones
	// when its last range reaches past ASCII.
	space, other := false, len(ranges) > 0 && ranges[len(ranges)-1] >= utf8.RuneSelf
	for b, in := range c.ascii {
		if in {
			space, other = space || isSpace[b], other || !isSpace[b]
		}
	}
	switch {
	case space && !other:
		c.bound = boundSpace
	case other && !space:
		c.bound = boundNonSpace
	}
	return c
}

func (c *runClass) has(r rune) bool {
	i := sort.Search(len(c.ranges)/2, func(i int) bool { return c.ranges[2*i+1] >= r })
	return i < len(c.ranges)/2 && c.ranges[2*i] <= r
}

// classTable holds the run classes of every pattern compiled in the
// process, the classes of the built-in patterns first.
var classTable = struct {
	sync.Mutex
	ids  map[string]int32 // made on first use, with the built-in classes
	list []*runClass
}{list: builtinClasses}

func registerClass(ranges []rune) int32 {
	classTable.Lock()
	defer classTable.Unlock()
	if classTable.ids == nil {
		classTable.ids = make(map[string]int32, len(builtinClasses))
		for i, c := range builtinClasses {
			classTable.ids[string(c.ranges)] = int32(i)
		}
	}
	key := string(ranges)
	if id, ok := classTable.ids[key]; ok {
		return id
	}
	c := newRunClass(ranges)
	id := int32(len(classTable.list))
	classTable.ids[key] = id
	// builtinClasses is never appended to in place.
	classTable.list = append(classTable.list[:len(classTable.list):len(classTable.list)], c)
	return id
}

// docRuns holds what bounds the length of a match in each block of a
// document: whether it is all ASCII and its longest runs of white space and
// of other bytes, found the first time the block is asked about, and the
// longest run of each class that has both, found the first time that class
// is asked about in the block (a class added to the table after d was
// first asked about is not kept: see longestRun).
type docRuns struct {
	blocks []blockRuns
	list   []*runClass // the classes in the table when d was first asked about
	// best[bi*len(list)+k] is the longest run of class k in block bi, -1
	// until found; made when first needed.
	best []int32
}

// blockRuns is what one pass over a block finds (done: it has been made).
type blockRuns struct {
	done         bool
	ascii        bool
	space, other int32
}

type runsKey struct{}

func runsOf(d *linter.Document) *docRuns {
	return d.Memo(runsKey{}, func() any {
		classTable.Lock()
		// Entries are only appended to the table, never replaced, so
		// the first len(list) stay as they are.
		list := classTable.list
		classTable.Unlock()
		return &docRuns{blocks: make([]blockRuns, len(d.Blocks)), list: list}
	}).(*docRuns)
}

// block returns what bounds the runs in block bi of d.
func (r *docRuns) block(d *linter.Document, bi int) *blockRuns {
	br := &r.blocks[bi]
	if !br.done {
		*br = measureBlock(d.BlockText(bi))
	}
	return br
}

// measureBlock returns whether text is all ASCII and its longest runs of
// white space and of other bytes, in one pass.
func measureBlock(text string) blockRuns {
	var space, other, bestSpace, bestOther int32
	var or byte
	for i := 0; i < len(text); i++ {
		c := text[i]
		or |= c
		// Without branches: the two kinds take turns at nearly every word.
		in := int32(0)
		if isSpace[c] {
			in = 1
		}
		space = (space + 1) * in
		other = (other + 1) * (1 - in)
		bestSpace = max(bestSpace, space)
		bestOther = max(bestOther, other)
	}
	return blockRuns{done: true, ascii: or < utf8.RuneSelf, space: bestSpace, other: bestOther}
}

// longestRun returns a bound, in bytes, on the runs of characters of class
// id in block bi of d: the longest run of white space or of other bytes,
// for a class of one of them only (see classBound), else the longest run of
// the class. A class added to the table after d was first asked about (by
// a config loaded later) is measured each time.
func (r *docRuns) longestRun(d *linter.Document, bi int, id int32) int {
	n := len(r.list)
	if int(id) >= n {
		classTable.Lock()
		cl := classTable.list[id]
		classTable.Unlock()
		return scanRun(d, bi, cl)
	}
	switch r.list[id].bound {
	case boundSpace:
		return int(r.block(d, bi).space)
	case boundNonSpace:
		return int(r.block(d, bi).other)
	}
	if r.best == nil {
		r.best = make([]int32, len(d.Blocks)*n)
		for i := range r.best {
			r.best[i] = -1
		}
	}
	p := &r.best[bi*n+int(id)]
	if *p < 0 {
		*p = int32(scanRun(d, bi, r.list[id]))
	}
	return int(*p)
}

// scanRun returns the length in bytes of the longest run of characters of
// class cl in block bi of d.
func scanRun(d *linter.Document, bi int, cl *runClass) int {
	text := d.BlockText(bi)
	best, cur := 0, 0
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf {
			// Without branches: runs end at nearly every word.
			in := 0
			if cl.ascii[c] {
				in = 1
			}
			cur = (cur + 1) * in
			best = max(best, cur)
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(text[i:])
		if cl.has(r) {
			cur += w
			best = max(best, cur)
		} else {
			cur = 0
		}
		i += w
	}
	return best
}
