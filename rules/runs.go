package rules

import (
	"sort"
	"sync"
	"unicode/utf8"

	"github.com/hirelint/hirelint/linter"
)

// A runClass is a set of characters whose longest run in a document bounds
// an unbounded repeat (see bound).
type runClass struct {
	ascii  [utf8.RuneSelf]bool
	ranges []rune // sorted inclusive lo, hi pairs, all of them
}

// newRunClass returns the class of the characters in ranges.
func newRunClass(ranges []rune) *runClass {
	c := &runClass{ranges: ranges}
	for b := rune(0); b < utf8.RuneSelf; b++ {
		c.ascii[b] = c.has(b)
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
// document: whether the block is all ASCII, and the longest run of each
// class in it, found the first time it is asked for.
type docRuns struct {
	ascii []bool
	n     int     // classes in the table when d was first asked about
	best  []int32 // block bi, class k < n: best[bi*n+k], -1 until found
}

type runsKey struct{}

func runsOf(d *linter.Document) *docRuns {
	return d.Memo(runsKey{}, func() any {
		classTable.Lock()
		n := len(classTable.list)
		classTable.Unlock()
		r := &docRuns{ascii: make([]bool, len(d.Blocks)), n: n, best: make([]int32, len(d.Blocks)*n)}
		for i := range r.best {
			r.best[i] = -1
		}
		for i, b := range d.Blocks {
			r.ascii[i] = isASCII(d.Text[b.Start:b.End])
		}
		return r
	}).(*docRuns)
}

// longestRun returns the length in bytes of the longest run of characters
// of class id in block bi of d. A class added to the table after d was
// first asked about (by a config loaded later) is measured each time.
func (r *docRuns) longestRun(d *linter.Document, bi int, id int32) int {
	if int(id) >= r.n {
		return scanRun(d, bi, id)
	}
	p := &r.best[bi*r.n+int(id)]
	if *p < 0 {
		*p = int32(scanRun(d, bi, id))
	}
	return int(*p)
}

// scanRun returns the length in bytes of the longest run of characters of
// class id in block bi of d.
func scanRun(d *linter.Document, bi int, id int32) int {
	classTable.Lock()
	cl := classTable.list[id]
	classTable.Unlock()
	b := d.Blocks[bi]
	text := d.Text[b.Start:b.End]
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

// isASCII reports whether s is all ASCII.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
