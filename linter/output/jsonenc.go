package output

import (
	"strconv"
	"unicode/utf8"
)

// A hand-written encoder for the findings of a file: the report of a large
// run is mostly findings, and encoding/json spends most of its time on
// reflection and on indenting what it wrote. The output is byte for byte
// what encoding/json writes (with HTML characters left as they are);
// TestFindingEncoderMatchesEncodingJSON holds it to that.

// jsonWriter appends JSON to b, indented by step per level after prefix,
// or compact when step is "".
type jsonWriter struct {
	b            []byte
	prefix, step string
	depth        int
}

func (w *jsonWriter) newline() {
	if w.step == "" {
		return
	}
	w.b = append(w.b, '\n')
	w.b = append(w.b, w.prefix...)
	for i := 0; i < w.depth; i++ {
		w.b = append(w.b, w.step...)
	}
}

func (w *jsonWriter) open(c byte) {
	w.b = append(w.b, c)
	w.depth++
}

func (w *jsonWriter) close(c byte) {
	w.depth--
	w.newline()
	w.b = append(w.b, c)
}

// key starts a member of an object; first is whether it is the first.
func (w *jsonWriter) key(k string, first bool) {
	if !first {
		w.b = append(w.b, ',')
	}
	w.newline()
	w.b = appendJSONString(w.b, k)
	w.b = append(w.b, ':')
	if w.step != "" {
		w.b = append(w.b, ' ')
	}
}

func (w *jsonWriter) str(k, v string, first bool) {
	w.key(k, first)
	w.b = appendJSONString(w.b, v)
}

func (w *jsonWriter) int(k string, v int) {
	w.key(k, false)
	w.b = strconv.AppendInt(w.b, int64(v), 10)
}

func (w *jsonWriter) bool(k string, v bool) {
	w.key(k, false)
	w.b = strconv.AppendBool(w.b, v)
}

// writeArray writes items as an array, each with each; a nil slice is
// null, as encoding/json writes it.
func writeArray[T any](w *jsonWriter, items []T, each func(T)) {
	switch {
	case items == nil:
		w.b = append(w.b, "null"...)
	case len(items) == 0:
		w.b = append(w.b, "[]"...)
	default:
		w.open('[')
		for i, it := range items {
			if i > 0 {
				w.b = append(w.b, ',')
			}
			w.newline()
			each(it)
		}
		w.close(']')
	}
}

// findings writes the findings of a file as the value of "findings".
func (w *jsonWriter) findings(fs []JSONFinding) {
	w.key("findings", false)
	writeArray(w, fs, w.finding)
}

func (w *jsonWriter) finding(f JSONFinding) {
	w.open('{')
	w.str("rule", f.Rule, true)
	w.str("severity", f.Severity, false)
	w.str("family", f.Family, false)
	w.str("message", f.Message, false)
	w.int("line", f.Line)
	w.int("column", f.Column)
	w.int("end_line", f.EndLine)
	w.int("end_column", f.EndColumn)
	w.int("offset", f.Offset)
	w.int("end_offset", f.EndOffset)
	w.str("match", f.Match, false)
	if f.Document {
		w.bool("document", true)
	}
	w.key("fixes", false)
	writeArray(w, f.Fixes, w.fix)
	w.close('}')
}

func (w *jsonWriter) fix(fx JSONFix) {
	w.open('{')
	w.str("message", fx.Message, true)
	w.bool("safe", fx.Safe)
	w.key("edits", false)
	writeArray(w, fx.Edits, w.edit)
	w.close('}')
}

func (w *jsonWriter) edit(e JSONEdit) {
	w.open('{')
	w.key("offset", true)
	w.b = strconv.AppendInt(w.b, int64(e.Offset), 10)
	w.int("end_offset", e.EndOffset)
	w.str("new_text", e.NewText, false)
	w.close('}')
}

const hexDigits = "0123456789abcdef"

// appendJSONString appends s as a JSON string, escaped as encoding/json
// escapes it with HTML escaping off.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		for i+8 <= len(s) && plain8(load8(s[i:])) {
			i += 8
		}
		if i == len(s) {
			break
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// plain8 reports whether the eight bytes of x (a string's, little end
// first) are ASCII that a JSON string holds as they are: none is below
// 0x20, '"', '\\' or above 0x7f. It looks at all eight at once: a
// subtraction raises a byte's top bit without it being set in x only
// where the byte is below what is subtracted (0x20, or one where the
// byte was made zero by matching '"' or '\\'), or where a byte below
// lent to it, which is then caught itself.
func plain8(x uint64) bool {
	const ones, tops = 0x0101010101010101, 0x8080808080808080
	quote, backslash := x^(ones*'"'), x^(ones*'\\')
	return ((x-ones*0x20)&^x|(quote-ones)&^quote|(backslash-ones)&^backslash|x)&tops == 0
}

// load8 returns the first eight bytes of s as a number, the first byte
// lowest.
func load8(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// appendFileJSON appends the JSON object of a file's report, as
// json.Encoder with SetIndent(prefix, step) writes it (without the final
// line break).
func appendFileJSON(b []byte, f jsonFile, prefix, step string) []byte {
	w := jsonWriter{b: b, prefix: prefix, step: step}
	w.open('{')
	w.str("path", f.Path, true)
	w.int("score", f.Score)
	w.findings(f.Findings)
	w.close('}')
	return w.b
}

// AppendFindingsJSON appends, compactly, the members "score" and
// "findings" of an object, after the members already in b.
func AppendFindingsJSON(b []byte, score int, fs []JSONFinding) []byte {
	w := jsonWriter{b: b}
	w.int("score", score)
	w.findings(fs)
	return w.b
}
