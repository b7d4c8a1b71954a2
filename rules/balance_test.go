package rules

import (
	"errors"
	"math/rand"
	"strings"
	"testing"

	"github.com/hirelint/hirelint/linter"
)

// TestStemList checks exact words and stems ("lead*"), including words
// that fail at the first byte, at a later one, or end inside a word.
func TestStemList(t *testing.T) {
	l, err := newStemLists([]string{"Lead*", "ninja", "nin", "über*", " driven "}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for w, want := range map[string]bool{
		"lead": true, "leader": true, "leadership": true, "lea": false,
		"ninja": true, "nin": true, "ninj": false, "ninjas": false, "ni": false,
		"über": true, "überall": true, "uber": false, "driven": true, "drive": false,
		"": false, "x": false, "zzz": false,
	} {
		if got := l.match(w) == matchWords; got != want {
			t.Errorf("match(%q) = %t, want %t", w, got, want)
		}
	}
	for _, tc := range []struct {
		words, against []string
		want           string // the error: the list's key, then what is wrong
	}{
		{[]string{"*"}, nil, "words: empty stem"},
		{[]string{"a"}, []string{" * "}, "against: empty stem"},
		{[]string{"", "*"}, nil, "words: empty word"},
		{[]string{"a"}, []string{"b", " "}, "against: empty word"},
		{[]string{" "}, []string{"*"}, "words: empty word"}, // the first list first
	} {
		_, err := newStemLists(tc.words, tc.against)
		var oe *linter.OptionError
		if !errors.As(err, &oe) || err.Error() != tc.want {
			t.Errorf("words %q, against %q: error %v, want an option error %q", tc.words, tc.against, err, tc.want)
		}
	}
}

// TestStemListsBoth compares match with the lists' definition on random
// lists and words over a small alphabet, so that words and stems of the
// two lists often share prefixes, overlap or coincide: a word of the
// first list (or one that starts with its stem) counts for it even when
// the second list has it too.
func TestStemListsBoth(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	word := func() string {
		var b strings.Builder
		for n := 1 + r.Intn(4); n > 0; n-- {
			b.WriteByte("abc"[r.Intn(3)])
		}
		return b.String()
	}
	in := func(list []string, w string) bool {
		for _, e := range list {
			if p, ok := strings.CutSuffix(e, "*"); ok && strings.HasPrefix(w, p) || e == w {
				return true
			}
		}
		return false
	}
	for round := 0; round < 300; round++ {
		var lists [2][]string
		for i := range lists {
			for n := r.Intn(5); n > 0; n-- {
				e := word()
				if r.Intn(3) == 0 {
					e += "*"
				}
				lists[i] = append(lists[i], e)
			}
		}
		if len(lists[0]) == 0 {
			continue
		}
		l, err := newStemLists(lists[0], lists[1])
		if err != nil {
			t.Fatal(err)
		}
		for k := 0; k < 20; k++ {
			w := word()
			want := matchNone
			switch {
			case in(lists[0], w):
				want = matchWords
			case in(lists[1], w):
				want = matchAgainst
			}
			if got := l.match(w); got != want {
				t.Fatalf("lists %q: match(%q) = %d, want %d", lists, w, got, want)
			}
		}
	}
}
