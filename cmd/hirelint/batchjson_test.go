package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// Lines as ads are written take the fast path, with what Unmarshal gives.
func TestDecodeBatchLineFast(t *testing.T) {
	for _, c := range []struct {
		line, id, text, format string
	}{
		{`{"id": 7, "text": "plain"}`, `7`, "plain", ""},
		{` { "text" : "a\nb\t\"q\" \\ \/ caf\u00e9 \u20ac" , "format":"markdown" } `, ``, "a\nb\t\"q\" \\ / café €", "markdown"},
		{`{"id":{"board":"x","n":[1,2,{"k":"}"}]},"source":"s \"}\" ,","text":"Ünïcode, raw"}`, `{"board":"x","n":[1,2,{"k":"}"}]}`, "Ünïcode, raw", ""},
		{`{"title":null,"n":-1.5e3,"ok":true,"text":"","id":"ad-1"}`, `"ad-1"`, "", ""},
		{`{"text":"\b\f\r","format":null,"tags":[]}`, ``, "\b\f\r", ""},
		{`{"text":"x","format":"mark\u0064own","n":` + strings.Repeat("[", maxNesting) + strings.Repeat("]", maxNesting) + `}`, ``, "x", "markdown"},
	} {
		in, text, ok := decodeBatchLine([]byte(c.line))
		if !ok {
			t.Errorf("%s: not decoded", c.line)
			continue
		}
		if string(in.ID) != c.id || string(text) != c.text || text == nil || in.Format != c.format {
			t.Errorf("%s: id %s, text %q, format %q; want %s, %q, %q", c.line, in.ID, text, in.Format, c.id, c.text, c.format)
		}
		var slow batchIn
		if err := json.Unmarshal([]byte(c.line), &slow); err != nil || slow.Text == nil || *slow.Text != string(text) || slow.Format != in.Format || !bytes.Equal(slow.ID, in.ID) {
			t.Errorf("%s: Unmarshal gives %v, %+v", c.line, err, slow)
		}
	}
}

// Lines that Unmarshal reads otherwise, or refuses, are left to it.
func TestDecodeBatchLineLeavesToUnmarshal(t *testing.T) {
	for _, line := range []string{
		`{"Text": "key in another case"}`,
		`{"te\u0078t": "escaped key"}`,
		`{"text": "one", "text": "two"}`,
		`{"id": 1, "id": 2, "text": "x"}`,
		`{"text": "x", "format": "html", "format": null}`,
		`{"text": "surrogate pair \ud83d\ude00"}`,
		"{\"text\": \"not UTF-8 \xff\"}",
		"{\"text\": \"control \x01 character\"}",
		`{"text": "bad escape \x"}`,
		`{"text": "short \u12"}`,
		`{"text": 42}`,
		`{"text": "x", "format": 1}`,
		"{\"text\": \"x\", \"format\": \"not UTF-8 \xff\"}",
		`{"x": ` + strings.Repeat("[", maxNesting+1) + strings.Repeat("]", maxNesting+1) + `, "text": "deep"}`,
		`{"id": ` + strings.Repeat("[", 10000) + strings.Repeat("]", 10000) + `, "text": "too deep for Unmarshal"}`,
		`{"text": "x"} trailing`,
		`{"text": "x",}`,
		`{"text": "x", "n": 01}`,
		`{"text": "x", "n": [1,}`,
		`{"text": "unterminated}`,
		`["text", "x"]`,
		`"text"`,
		``,
		`{"text"`,
	} {
		if _, _, ok := decodeBatchLine([]byte(line)); ok {
			t.Errorf("%s: decoded, want it left to Unmarshal", line)
		}
	}
}

// A line with no text, or a null one, is decoded as having none.
func TestDecodeBatchLineNoText(t *testing.T) {
	for _, line := range []string{`{}`, `{"id": 3}`, `{"text": null}`} {
		_, text, ok := decodeBatchLine([]byte(line))
		if !ok || text != nil {
			t.Errorf("%s: ok %v, text %q; want no text", line, ok, text)
		}
	}
}

// Whatever the fast path decodes, Unmarshal decodes the same way.
func FuzzDecodeBatchLine(f *testing.F) {
	for _, s := range []string{
		`{"id": 7, "text": "plain"}`,
		`{"id":{"a":[1,"]"]},"text":"a\nb\u00e9","format":"html"}`,
		`{"text":null}`,
		`{"TEXT":"x"}`,
		`{"text":"\ud800"}`,
		` {"x":true , "text" :"y" } `,
		`{"":"000`,
		`{"x":"\`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		in, text, ok := decodeBatchLine(line)
		if !ok {
			return
		}
		var slow batchIn
		if err := json.Unmarshal(line, &slow); err != nil {
			t.Fatalf("%q: decoded, but Unmarshal says %v", line, err)
		}
		if (slow.Text == nil) != (text == nil) || slow.Text != nil && *slow.Text != string(text) {
			t.Fatalf("%q: text %q, Unmarshal %v", line, text, slow.Text)
		}
		if slow.Format != in.Format || !bytes.Equal(slow.ID, in.ID) {
			t.Fatalf("%q: id %s format %q, Unmarshal %s %q", line, in.ID, in.Format, slow.ID, slow.Format)
		}
	})
}
