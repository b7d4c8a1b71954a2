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

func (c *runClass) has(r rune) bool {
	i := sort.Search(len(c.ranges)/2, func(i int) bool { return c.ranges[2*i+1] >= r })
	return i < len(c.ranges)/2 && c.ranges[2*i] <= r
}

// classTable holds the run classes of every pattern compiled in the
// process, the classes of the built-in patterns first.
var classTable = struct {
	sync.Mutex
	ids  map[string]int32 // of the classes after the built-in ones
	list []*runClass
}{list: builtinClasses}

func registerClass(ranges []rune) int32 {
	classTable.Lock()
	defer classTable.Unlock()
	key := string(ranges)
	if id, ok := classTable.ids[key]; ok {
		return id
	}
	if classTable.ids == nil {
		classTable.ids = map[string]int32{}
	}
	c := &runClass{ranges: ranges}
	for b := rune(0); b < utf8.RuneSelf; b++ {
		c.ascii[b] = c.has(b)
	}
	id := int32(len(classTable.list))
	classTable.ids[key] = id
	// builtinClasses is never appended to in place.
	classTable.list = append(classTable.list[:len(classTable.list):len(classTable.list)], c)
	return id
}

type runsKey struct{}

// longestRun returns the length in bytes of the longest run of characters
// of class id in block bi of d, computed once per document and block.
func longestRun(d *linter.Document, bi int, id int32) int {
	runs := d.Memo(runsKey{}, func() any { return map[int64]int{} }).(map[int64]int)
	key := int64(id)<<32 | int64(bi)
	if n, ok := runs[key]; ok {
		return n
	}
	classTable.Lock()
	cl := classTable.list[id]
	classTable.Unlock()
	b := d.Blocks[bi]
	text := d.Text[b.Start:b.End]
	best, cur := 0, 0
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf {
			if cl.ascii[c] {
				cur++
				best = max(best, cur)
			} else {
				cur = 0
			}
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
	runs[key] = best
	return best
}

type asciiKey struct{}

// blockASCII reports whether block bi of d is all ASCII, where every
// character is one byte.
func blockASCII(d *linter.Document, bi int) bool {
	ascii := d.Memo(asciiKey{}, func() any {
		out := make([]bool, len(d.Blocks))
		for i, b := range d.Blocks {
			out[i] = isASCII(d.Text[b.Start:b.End])
		}
		return out
	}).([]bool)
	return ascii[bi]
}
