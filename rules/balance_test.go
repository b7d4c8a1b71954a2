package rules

import (
	"math/rand"
	"strings"
	"testing"
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
	for _, lists := range [][2][]string{{{"*"}, nil}, {{"a"}, {"*"}}, {{""}, nil}, {nil, {" "}}} {
		if _, err := newStemLists(lists[0], lists[1]); err == nil {
			t.Errorf("%q is accepted", lists)
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
