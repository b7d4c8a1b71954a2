package linter

import (
	"bytes"
	"strings"
	"sync"
)

// The TOML library gives positions for syntax errors only, and keys of an
// array of tables share one name. These helpers find where a [[rule]] table
// and its keys are written, by reading the lines of the file, so config
// errors can name a line and column.

type tomlLine struct {
	n       int    // 1-based line number
	text    string // without the line ending, leading white space trimmed
	compact string // text without spaces, for matching table headers
	indent  int
}

// tomlLines splits src into lines; the split of the last file asked for is
// kept, since a file's rules ask for it once each.
func tomlLines(src []byte) []tomlLine {
	linesCache.Lock()
	defer linesCache.Unlock()
	return cachedLines(src)
}

func cachedLines(src []byte) []tomlLine {
	if len(src) > 0 && len(linesCache.src) == len(src) && &linesCache.src[0] == &src[0] {
		return linesCache.lines
	}
	linesCache.src, linesCache.lines = src, splitTOMLLines(src)
	linesCache.headers = map[string][]int{}
	return linesCache.lines
}

var linesCache struct {
	sync.Mutex
	src   []byte
	lines []tomlLine
	// headers maps a table name to the indices of its [[name]] lines.
	headers map[string][]int
}

// headerLines returns the lines of src and the indices of its [[header]]
// lines.
func headerLines(src []byte, header string) ([]tomlLine, []int) {
	linesCache.Lock()
	defer linesCache.Unlock()
	ls := cachedLines(src)
	hs, ok := linesCache.headers[header]
	if !ok {
		for i, l := range ls {
			if isHeader(l.compact, header) {
				hs = append(hs, i)
			}
		}
		linesCache.headers[header] = hs
	}
	return ls, hs
}

func splitTOMLLines(src []byte) []tomlLine {
	var out []tomlLine
	for i, l := range bytes.Split(src, []byte("\n")) {
		s := strings.TrimRight(string(l), "\r")
		t := strings.TrimLeft(s, " \t")
		c := ""
		if strings.HasPrefix(t, "[") {
			c = strings.ReplaceAll(t, " ", "")
		}
		out = append(out, tomlLine{n: i + 1, text: t, compact: c, indent: len(s) - len(t)})
	}
	return out
}

// isTableHeader reports whether a trimmed line opens a table. Multi-line
// strings can hold such lines; rule files rarely do, and a wrong guess only
// moves an error's line number.
func isTableHeader(t string) bool { return strings.HasPrefix(t, "[") }

// isHeader and isSubtable take a line's compact text.
func isHeader(compact, header string) bool {
	return strings.HasPrefix(compact, "[["+header+"]]")
}

func isSubtable(compact, header string) bool {
	return strings.HasPrefix(compact, "["+header+".") || strings.HasPrefix(compact, "[["+header+".")
}

// tableLines returns the lines of the idx-th [[header]] table (header
// line first, then its keys and subtables).
func tableLines(src []byte, header string, idx int) []tomlLine {
	ls, hs := headerLines(src, header)
	if idx < 0 || idx >= len(hs) {
		return nil
	}
	i := hs[idx]
	j := i + 1
	for j < len(ls) && (!isTableHeader(ls[j].text) || isSubtable(ls[j].compact, header)) {
		j++
	}
	return ls[i:j]
}

// locateHeader returns the line of the idx-th [[header]] table.
func locateHeader(src []byte, header string, idx int) int {
	if ls := tableLines(src, header, idx); len(ls) > 0 {
		return ls[0].n
	}
	return 0
}

func keyAt(t, key string) bool {
	rest, ok := strings.CutPrefix(t, key)
	if !ok {
		if q, ok2 := strings.CutPrefix(t, `"`+key+`"`); ok2 {
			rest, ok = q, true
		}
	}
	if !ok {
		return false
	}
	rest = strings.TrimLeft(rest, " \t")
	return strings.HasPrefix(rest, "=") || strings.HasPrefix(rest, ".")
}

// locateKey returns the line and column of key in the idx-th [[header]]
// table, or the table's header line when the key is not written there.
func locateKey(src []byte, header string, idx int, key string) (int, int) {
	ls := tableLines(src, header, idx)
	if len(ls) == 0 {
		return 0, 0
	}
	for _, l := range ls[1:] {
		if keyAt(l.text, key) {
			return l.n, l.indent + 1
		}
		t := l.compact
		if t == "["+header+"."+key+"]" || strings.HasPrefix(t, "["+header+"."+key+".") || t == "[["+header+"."+key+"]]" {
			return l.n, l.indent + 1
		}
	}
	return ls[0].n, ls[0].indent + 1
}

func hasKey(src []byte, header string, idx int, key string) bool {
	ls := tableLines(src, header, idx)
	if len(ls) == 0 {
		return false
	}
	ln, _ := locateKey(src, header, idx, key)
	return ln != ls[0].n
}

// locateTopKey returns the line of a top-level key, before any table.
func locateTopKey(src []byte, key string) int {
	for _, l := range tomlLines(src) {
		if isTableHeader(l.text) {
			break
		}
		if keyAt(l.text, key) {
			return l.n
		}
	}
	return 0
}
