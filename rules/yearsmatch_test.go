package rules

import (
	"math/rand"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// yearsPieces are the pieces the texts of the differential tests are made
// of: the words of yearsExpr in several cases and foldings, numbers,
// glue and white space, near misses, and bytes that are not UTF-8.
var yearsPieces = []string{
	"5", "12", "3.5", "1", "100", "2-3", "0",
	"years", "Years", "YEARS", "year", "yrs", "yr", "year’s", "years'", "yeaRS", "year\u017f", "yeaRſ",
	"+", "plus", "-", "–", "to", "at least", "minimum of", "minimum", "min.", "min", "over", "more than",
	"of", "in", "with", "using", "working with", "Working With", "on", "at", "as", "AS", "ASP.NET", "building", "developing", "across",
	"professional", "commercial", "industry", "industrial", "relevant", "proven", "practical", "production",
	"hands-on", "real-world", "demonstrable", "solid", "working", "applied", "direct", "progressive",
	"experience", "exp", "exp.", "expertise", "Experience", "e\u212axperience", "\u212a", "\u017f", "u\u017fing",
	"Python", "SQL", "x", "_", "é", "a", "\xff", "\xe2\x84", // the last two not UTF-8
	// words the tail's words start: a word of the tail must end a word
	"ONNX", "onnx", "Express", "expertly", "inside", "often", "Atlas", "ask", "asé", "of_", "in1", "on-call", "withé",
	" ", " ", " ", "  ", "\n", "\t", "\r\n", "\f", "\v", ",", ".", "(", ")", "",
}

// yearsText makes a text of pieces, most of them a number and a word for
// years followed by words of the tail, with a space between most pieces.
func yearsText(rng *rand.Rand) string {
	var b strings.Builder
	piece := func(list []string) {
		w := list[rng.Intn(len(list))]
		switch rng.Intn(8) {
		case 0:
			w = strings.ToUpper(w)
		case 1:
			w = strings.NewReplacer("k", "\u212a", "s", "\u017f").Replace(w)
		}
		b.WriteString(w)
		if rng.Intn(10) < 7 {
			b.WriteByte(' ')
		}
	}
	for n := 1 + rng.Intn(4); n > 0; n-- {
		if rng.Intn(2) == 0 {
			piece([]string{"5", "12", "3.5", "2-3", "at least 4", "over 7"})
			piece([]string{"years", "yrs", "year’s", "Years'", "yr"})
		}
		if rng.Intn(4) == 0 { // a run of adjectives, to their bound and past it
			for k := 4 + rng.Intn(5); k > 0; k-- {
				b.WriteString(" ")
				piece(yearsAdjectives)
			}
		}
		for k := rng.Intn(10); k > 0; k-- {
			switch rng.Intn(4) {
			case 0:
				piece(yearsPieces)
			case 1:
				piece(yearsConnectors)
			case 2:
				piece(yearsAdjectives)
			default:
				piece(yearsNouns)
			}
		}
	}
	return b.String()
}

// TestYearsFindAllIsTheExpression compares yearsFindAll with the whole
// expression over many made-up texts.
func TestYearsFindAllIsTheExpression(t *testing.T) {
	whole := regexp.MustCompile(yearsExpr())
	rng := rand.New(rand.NewSource(1))
	matched := 0
	for i := 0; i < 40000; i++ {
		s := yearsText(rng)
		want := whole.FindAllStringSubmatchIndex(s, -1)
		got := yearsFindAll(s, -1)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%q:\n got %v\nwant %v", s, got, want)
		}
		matched += len(want)
		if want := whole.FindAllStringSubmatchIndex(s, 1); !reflect.DeepEqual(yearsFindAll(s, 1), want) {
			t.Fatalf("%q, n=1: got %v, want %v", s, yearsFindAll(s, 1), want)
		}
	}
	if matched < 20000 {
		t.Fatalf("only %d matches: the texts do not exercise the expression", matched)
	}
}

func FuzzYearsFindAll(f *testing.F) {
	for _, s := range []string{
		"at least 5+ years of relevant hands-on production experience in Python",
		"3-5 years’ exp. with SQL", "5 years expertise", "12yrs in industry", "x5 years", "5 years of ASP.NET",
		"minimum of 2 years at least 3 years", "5 ye\u212a", "10 years u\u017fing \u212aeras",
		"12 years of ONNX", "4 years as ONNX lead", "5 years in industry", "3 yrs exp.", "3 yrs exp_", "2 years acro\u017f\u017f",
	} {
		f.Add(s)
	}
	whole := regexp.MustCompile(yearsExpr())
	f.Fuzz(func(t *testing.T, s string) {
		if want, got := whole.FindAllStringSubmatchIndex(s, -1), yearsFindAll(s, -1); !reflect.DeepEqual(got, want) {
			t.Fatalf("%q:\n got %v\nwant %v", s, got, want)
		}
	})
}
