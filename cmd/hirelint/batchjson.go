package main

import (
	"bytes"
	"encoding/json"
	"unicode/utf16"
	"unicode/utf8"
)

// decodeBatchLine decodes an input line of --input jsonl as json.Unmarshal
// into a batchIn would, with the ad's text as bytes, for lines as ads are
// written: an object whose keys "id", "text" and "format" are spelled so
// and come at most once each, whose text and format are null or strings
// of valid UTF-8 that escape no surrogate, and whose values nest at most
// maxNesting deep. It reports false for any other line, which
// json.Unmarshal then decodes (or explains). Unlike json.Unmarshal, it
// does not check the whole line in a pass of its own before decoding it.
func decodeBatchLine(line []byte) (in batchIn, text []byte, ok bool) {
	s := jsonScan{b: line}
	s.space()
	if !s.take('{') {
		return batchIn{}, nil, false
	}
	var seenID, seenText, seenFormat bool
	s.space()
	if !s.take('}') {
		for {
			if !s.take('"') {
				return batchIn{}, nil, false
			}
			key, plain := s.str()
			s.space()
			if !plain || !s.take(':') {
				return batchIn{}, nil, false
			}
			s.space()
			switch string(key) {
			case "id":
				v, valid := s.value()
				if seenID || !valid {
					return batchIn{}, nil, false
				}
				seenID, in.ID = true, json.RawMessage(v)
			case "text":
				t, valid := s.stringOrNull()
				if seenText || !valid {
					return batchIn{}, nil, false
				}
				seenText, text = true, t
			case "format":
				f, valid := s.stringOrNull()
				if seenFormat || !valid {
					return batchIn{}, nil, false
				}
				seenFormat, in.Format = true, string(f)
			default:
				if fieldLike(key) {
					return batchIn{}, nil, false // Unmarshal matches keys in any case
				}
				if _, valid := s.value(); !valid {
					return batchIn{}, nil, false
				}
			}
			s.space()
			if s.take('}') {
				break
			}
			if !s.take(',') {
				return batchIn{}, nil, false
			}
			s.space()
		}
	}
	s.space()
	if s.i != len(s.b) {
		return batchIn{}, nil, false // more after the object
	}
	return in, text, true
}

// maxNesting bounds how deep a value of a line decoded by decodeBatchLine
// nests: json.Unmarshal refuses a line nested over 10,000 deep, which
// json.Valid, checking one value, cannot tell.
const maxNesting = 1000

// fieldLike reports whether key names a field of batchIn in some case.
func fieldLike(key []byte) bool {
	return bytes.EqualFold(key, []byte("id")) || bytes.EqualFold(key, []byte("text")) || bytes.EqualFold(key, []byte("format"))
}

// jsonScan reads a JSON line from offset i.
type jsonScan struct {
	b []byte
	i int
}

// space consumes white space, as JSON has it.
func (s *jsonScan) space() {
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

// take consumes c if it comes next.
func (s *jsonScan) take(c byte) bool {
	if s.i < len(s.b) && s.b[s.i] == c {
		s.i++
		return true
	}
	return false
}

// stringOrNull consumes a string, and returns its value (see decodeStr),
// or the literal null, and returns nil.
func (s *jsonScan) stringOrNull() ([]byte, bool) {
	if s.take('"') {
		return s.decodeStr()
	}
	if bytes.HasPrefix(s.b[s.i:], []byte("null")) {
		s.i += 4
		return nil, true
	}
	return nil, false
}

// str consumes the rest of a string whose opening quote was taken, and
// returns its bytes, with plain false when it holds an escape or a control
// character (or does not end).
func (s *jsonScan) str() (raw []byte, plain bool) {
	start := s.i
	for ; s.i < len(s.b); s.i++ {
		switch c := s.b[s.i]; {
		case c == '"':
			s.i++
			return s.b[start : s.i-1], true
		case c == '\\' || c < 0x20:
			return nil, false
		}
	}
	return nil, false
}

// decodeStr consumes the rest of a string whose opening quote was taken,
// and returns its value, never nil: the line's own bytes when it holds no
// escape (with no room to grow into the rest of the line). It reports
// false for a string that is not valid JSON, holds bytes that are not
// UTF-8 (Unmarshal would replace them) or escapes a surrogate.
func (s *jsonScan) decodeStr() ([]byte, bool) {
	var out []byte
	start := s.i
	for s.i < len(s.b) {
		c := s.b[s.i]
		switch {
		case c == '"':
			run := s.b[start:s.i:s.i]
			s.i++
			if !utf8.Valid(run) {
				return nil, false
			}
			if out == nil {
				return run, true
			}
			return append(out, run...), true
		case c < 0x20:
			return nil, false
		case c != '\\':
			s.i++
			continue
		}
		run := s.b[start:s.i]
		if !utf8.Valid(run) || s.i+1 >= len(s.b) {
			return nil, false
		}
		if out == nil {
			// A value is no longer than its escaped form, which is no
			// longer than the rest of the line: one buffer does.
			out = make([]byte, 0, len(s.b)-start)
		}
		out = append(out, run...)
		e := s.b[s.i+1]
		s.i += 2
		switch e {
		case '"', '\\', '/':
			out = append(out, e)
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			r, ok := s.hex4()
			if !ok || utf16.IsSurrogate(r) {
				return nil, false
			}
			out = utf8.AppendRune(out, r)
		default:
			return nil, false
		}
		start = s.i
	}
	return nil, false
}

// hex4 consumes four hexadecimal digits.
func (s *jsonScan) hex4() (rune, bool) {
	if s.i+4 > len(s.b) {
		return 0, false
	}
	var r rune
	for _, c := range s.b[s.i : s.i+4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	s.i += 4
	return r, true
}

// value consumes one JSON value and returns it, with valid false when it
// is not valid JSON or nests deeper than maxNesting: its end is found by
// counting brackets outside strings (skipped over, escapes and all), and
// json.Valid checks it.
func (s *jsonScan) value() (v []byte, valid bool) {
	start, depth := s.i, 0
scan:
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case '"':
			for s.i++; s.i < len(s.b) && s.b[s.i] != '"'; s.i++ {
				if s.b[s.i] == '\\' {
					s.i++
				}
			}
			if s.i >= len(s.b) {
				return nil, false // the string does not end
			}
			if depth == 0 {
				s.i++
				break scan
			}
		case '{', '[':
			if depth++; depth > maxNesting {
				return nil, false
			}
		case '}', ']':
			if depth == 0 {
				break scan
			}
			if depth--; depth == 0 {
				s.i++
				break scan
			}
		case ',', ' ', '\t', '\n', '\r':
			if depth == 0 {
				break scan
			}
		}
		s.i++
	}
	v = s.b[start:s.i]
	return v, len(v) > 0 && json.Valid(v)
}
