package linter

import (
	"bytes"
	"strings"
)

// The TOML library gives positions for syntax errors only, and keys of an
// array of tables share one name. These helpers find where a [[rule]] table
// and its keys are written, by reading the lines of the file, so config
// errors can name a line and column.

type tomlLine struct {
	n      int    // 1-based line number
	text   string // without the line ending
	indent int
}

func tomlLines(src []byte) []tomlLine {
	var out []tomlLine
	for i, l := range bytes.Split(src, []byte("\n")) {
		s := strings.TrimRight(string(l), "\r")
		t := strings.TrimLeft(s, " \t")
		out = append(out, tomlLine{n: i + 1, text: t, indent: len(s) - len(t)})
	}
	return out
}

// isTableHeader reports whether a trimmed line opens a table. Multi-line
// strings can hold such lines; rule files rarely do, and a wrong guess only
// moves an error's line number.
func isTableHeader(t string) bool { return strings.HasPrefix(t, "[") }

func isRuleHeader(t string) bool {
	t = strings.ReplaceAll(t, " ", "")
	return strings.HasPrefix(t, "[[rule]]")
}

func isRuleSubtable(t string) bool {
	t = strings.ReplaceAll(t, " ", "")
	return strings.HasPrefix(t, "[rule.") || strings.HasPrefix(t, "[[rule.")
}

// ruleLines returns the lines of the idx-th [[rule]] table (header first).
func ruleLines(src []byte, idx int) []tomlLine {
	ls := tomlLines(src)
	n := -1
	for i, l := range ls {
		if !isRuleHeader(l.text) {
			continue
		}
		n++
		if n != idx {
			continue
		}
		j := i + 1
		for j < len(ls) && (!isTableHeader(ls[j].text) || isRuleSubtable(ls[j].text)) {
			j++
		}
		return ls[i:j]
	}
	return nil
}

func locateRule(src []byte, idx int) int {
	if ls := ruleLines(src, idx); len(ls) > 0 {
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

// locateRuleKey returns the line and column of key in the idx-th [[rule]]
// table, or the table's header line when the key is not written there.
func locateRuleKey(src []byte, idx int, key string) (int, int) {
	ls := ruleLines(src, idx)
	if len(ls) == 0 {
		return 0, 0
	}
	for _, l := range ls[1:] {
		if keyAt(l.text, key) {
			return l.n, l.indent + 1
		}
		t := strings.ReplaceAll(l.text, " ", "")
		if t == "[rule."+key+"]" || strings.HasPrefix(t, "[rule."+key+".") || t == "[[rule."+key+"]]" {
			return l.n, l.indent + 1
		}
	}
	return ls[0].n, ls[0].indent + 1
}

func hasRuleKey(src []byte, idx int, key string) bool {
	ls := ruleLines(src, idx)
	if len(ls) == 0 {
		return false
	}
	ln, _ := locateRuleKey(src, idx, key)
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
