package output

import (
	"bytes"
	"encoding/json"
	"math/rand"
	"strings"
	"testing"
)

func randomString(rng *rand.Rand) string {
	pieces := []string{"a", "Z", " ", "\"", "\\", "\n", "\r", "\t", "\b", "\f", "\x00", "\x1f", "\x7f", "<", ">", "&",
		"é", "€", "\u2028", "\u2029", "\xff", "\xc3", "😀", "'", "/", "\ufffd"}
	var b bytes.Buffer
	for n := rng.Intn(12); n > 0; n-- {
		b.WriteString(pieces[rng.Intn(len(pieces))])
	}
	return b.String()
}

func randomFindings(rng *rand.Rand) []JSONFinding {
	if rng.Intn(6) == 0 {
		return nil
	}
	fs := []JSONFinding{}
	for n := rng.Intn(4); n > 0; n-- {
		f := JSONFinding{Rule: randomString(rng), Severity: "warning", Family: randomString(rng), Message: randomString(rng),
			Line: rng.Intn(100), Column: rng.Intn(100), EndLine: rng.Intn(100), EndColumn: rng.Intn(100),
			Offset: rng.Intn(5000), EndOffset: -rng.Intn(3), Match: randomString(rng), Document: rng.Intn(2) == 0}
		switch rng.Intn(3) {
		case 0:
			f.Fixes = nil
		case 1:
			f.Fixes = []JSONFix{}
		default:
			for m := rng.Intn(3) + 1; m > 0; m-- {
				fx := JSONFix{Message: randomString(rng), Safe: rng.Intn(2) == 0}
				if rng.Intn(3) > 0 {
					fx.Edits = []JSONEdit{}
					for k := rng.Intn(3); k > 0; k-- {
						fx.Edits = append(fx.Edits, JSONEdit{Offset: rng.Intn(100), EndOffset: rng.Intn(100), NewText: randomString(rng)})
					}
				}
				f.Fixes = append(f.Fixes, fx)
			}
		}
		fs = append(fs, f)
	}
	return fs
}

// TestFindingEncoderMatchesEncodingJSON checks the hand-written encoder
// against encoding/json on random reports, strings full of characters
// that need escaping included.
func TestFindingEncoderMatchesEncodingJSON(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 3000; i++ {
		jf := jsonFile{Path: randomString(rng), Score: rng.Intn(101), Findings: randomFindings(rng)}
		want, err := marshalIndent(jf, "    ")
		if err != nil {
			t.Fatal(err)
		}
		if got := appendFileJSON(nil, jf, "    ", "  "); !bytes.Equal(got, want) {
			t.Fatalf("indented:\ngot  %s\nwant %s", got, want)
		}
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(struct {
			ID       int           `json:"id"`
			Score    int           `json:"score"`
			Findings []JSONFinding `json:"findings"`
		}{7, jf.Score, jf.Findings}); err != nil {
			t.Fatal(err)
		}
		got := append(AppendFindingsJSON([]byte(`{"id":7`), jf.Score, jf.Findings), '}', '\n')
		if !bytes.Equal(got, b.Bytes()) {
			t.Fatalf("compact:\ngot  %s\nwant %s", got, b.Bytes())
		}
	}
}

// TestJSONStringEveryOffset checks appendJSONString against encoding/json
// with each character that needs escaping (and some that do not) at every
// offset of a longer string, before and after runs of plain ASCII that
// the encoder passes over eight bytes at a time.
func TestJSONStringEveryOffset(t *testing.T) {
	pieces := []string{"\"", "\\", "\n", "\x00", "\x1f", " ", "~", "\x7f", "\x80", "é", "\u2028", "\xff", "!", "#", "[", "]", "<", ">", "&"}
	for _, p := range pieces {
		for before := 0; before < 20; before++ {
			for _, after := range []int{0, 1, 7, 8, 9, 17} {
				s := strings.Repeat("a", before) + p + strings.Repeat("Z", after)
				var buf bytes.Buffer
				enc := json.NewEncoder(&buf)
				enc.SetEscapeHTML(false)
				if err := enc.Encode(s); err != nil {
					t.Fatal(err)
				}
				want := bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
				if got := appendJSONString(nil, s); !bytes.Equal(got, want) {
					t.Fatalf("%q: got %s, want %s", s, got, want)
				}
			}
		}
	}
}
