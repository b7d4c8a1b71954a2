package linter

import (
	"slices"
	"strings"
	"testing"
)

// preparedPhrases are the sets usePrepared makes prepared ones of.
var preparedPhrases = [][]string{
	{"data lake", "data mesh", "data-driven", "c++", "c#", "team player", "rock star", "ninja",
		"data a", "data b", "data c", "data d", "data e", "data f", "data g", "data h", "data i"},
	{"fast-paced", "wear many hats"},
	{"fast-paced", "wear many hats", "self-starter"},
}

// usePrepared records preparedPhrases (all with plural forms) and makes
// them the prepared sets, in a vocabulary of their own, until the test
// ends.
func usePrepared(t *testing.T) {
	t.Helper()
	v, sets, err := RecordPhraseSets(func() error {
		for _, ps := range preparedPhrases {
			s := NewPhraseSet()
			for i, p := range ps {
				if err := s.Add(p, i, Inflect{Plural: true}); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(sets) != len(preparedPhrases) {
		t.Fatalf("recorded %d sets, want %d", len(sets), len(preparedPhrases))
	}
	vocab.Lock()
	saved := vocab.fixed
	savedIDs, savedFirst, savedVersion := vocab.ids, vocab.first, vocab.version
	vocab.fixed, vocab.ids, vocab.first = PreparedVocabulary{}, nil, nil
	vocab.Unlock()
	UsePreparedPhrases(v, sets)
	t.Cleanup(func() {
		vocab.Lock()
		vocab.fixed, vocab.ids, vocab.first, vocab.version = saved, savedIDs, savedFirst, savedVersion+1
		vocab.Unlock()
		preparedSets = nil
	})
}

// matchesOf returns the phrases of s's matches in text, by ids into ps.
func matchesOf(s *PhraseSet, ps []string, text string) []string {
	d := Parse("x", []byte(text), PlainText)
	var got []string
	s.Longest(d, func(m PhraseMatch) {
		a, b := m.Span(d)
		got = append(got, ps[m.ID]+"="+d.Text[a:b])
	})
	return got
}

const preparedText = "Our data lakes, a data-driven data mesh and C++ or C#. Team players, rock stars, ninjas! " +
	"Data a, data i and data z. A fast-paced place to wear many hats, self-starters welcome; Rust and Go."

// TestPreparedPhrases checks that a set given a prepared set's phrases in
// order takes the prepared trie, and that any other set, one given some
// of them or more, or in another order, or with other ids or forms,
// builds its own: each matches as a set built from scratch does.
func TestPreparedPhrases(t *testing.T) {
	type add struct {
		phrase string
		id     int
		inf    Inflect
	}
	list := func(ps []string, inf Inflect) []add {
		var out []add
		for i, p := range ps {
			out = append(out, add{p, i, inf})
		}
		return out
	}
	plural := Inflect{Plural: true}
	big, short, long := preparedPhrases[0], preparedPhrases[1], preparedPhrases[2]
	swapped := slices.Clone(big)
	swapped[3], swapped[4] = swapped[4], swapped[3]
	otherIDs := list(short, plural)
	otherIDs[1].id = 7
	cases := []struct {
		name     string
		adds     []add
		prepared bool // the set ends up with a prepared trie, not added to
		grow     int
	}{
		{"all of the first set", list(big, plural), true, 0},
		{"all of it, after Grow", list(big, plural), true, 40},
		{"a set that starts another", list(short, plural), true, 0},
		{"the longer of the two", list(long, plural), true, 0},
		{"a start of a set", list(big[:5], plural), false, 0},
		{"one more phrase", list(append(slices.Clone(long), "rust"), plural), false, 3},
		{"two in another order", list(swapped, plural), false, 0},
		{"other ids", otherIDs, false, 0},
		{"other forms", list(short, Inflect{}), false, 0},
		{"a set no one prepared", list([]string{"go", "rust"}, plural), false, 0},
	}
	usePrepared(t)
	for _, tc := range cases {
		ps := make([]string, 0, len(tc.adds))
		for _, a := range tc.adds {
			for len(ps) <= a.id {
				ps = append(ps, "")
			}
			ps[a.id] = a.phrase
		}
		build := func() *PhraseSet {
			s := NewPhraseSet()
			s.Grow(tc.grow)
			for _, a := range tc.adds {
				if err := s.Add(a.phrase, a.id, a.inf); err != nil {
					t.Fatal(err)
				}
			}
			return s
		}
		var own *PhraseSet
		if _, _, err := RecordPhraseSets(func() error { own = build(); return nil }); err != nil {
			t.Fatal(err)
		}
		s := build()
		got, want := matchesOf(s, ps, preparedText), matchesOf(own, ps, preparedText)
		if len(want) == 0 || strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("%s: matches %q, want %q (as built)", tc.name, got, want)
		}
		if s.frozen != tc.prepared || own.frozen {
			t.Errorf("%s: prepared trie taken = %t, want %t", tc.name, s.frozen, tc.prepared)
		}
		if s.Len() != len(tc.adds) {
			t.Errorf("%s: Len = %d, want %d", tc.name, s.Len(), len(tc.adds))
		}
	}
}

// TestPreparedPhrasesAddedTo checks that a set that took a prepared trie
// copies it when added to after matching, and that the prepared set is
// left as it was for the sets that take it later.
func TestPreparedPhrasesAddedTo(t *testing.T) {
	usePrepared(t)
	ps := append(slices.Clone(preparedPhrases[1]), "rust")
	s := NewPhraseSet()
	for i, p := range ps[:2] {
		s.Add(p, i, Inflect{Plural: true})
	}
	if got := matchesOf(s, ps, preparedText); strings.Join(got, "|") != "fast-paced=fast-paced|wear many hats=wear many hats" {
		t.Errorf("before: matches %q", got)
	}
	if !s.frozen {
		t.Fatal("the set did not take the prepared trie")
	}
	if err := s.Add("rust", 2, Inflect{Plural: true}); err != nil {
		t.Fatal(err)
	}
	if got := matchesOf(s, ps, preparedText); strings.Join(got, "|") != "fast-paced=fast-paced|wear many hats=wear many hats|rust=Rust" {
		t.Errorf("after: matches %q, want rust too", got)
	}
	later := NewPhraseSet()
	for i, p := range ps[:2] {
		later.Add(p, i, Inflect{Plural: true})
	}
	if got := matchesOf(later, ps, preparedText); len(got) != 2 || !later.frozen {
		t.Errorf("a later set: matches %q (prepared %t), want the two phrases of the prepared trie", got, later.frozen)
	}
}

// TestPreparedVocabulary checks the vocabulary's hash table: every word
// is found under its id, and words it does not hold are not.
func TestPreparedVocabulary(t *testing.T) {
	words := []string{"a", "b", "data", "lake", "lakes", "c++", "über", ""}
	v := NewPreparedVocabulary(words, []int32{2})
	if len(v.Slots) < 2*len(words) || len(v.Slots)&(len(v.Slots)-1) != 0 {
		t.Errorf("%d slots for %d words, want a power of two at least twice as many", len(v.Slots), len(words))
	}
	for i, w := range words {
		if got := v.lookup(w); got != int32(i) {
			t.Errorf("lookup(%q) = %d, want %d", w, got, i)
		}
	}
	for _, w := range []string{"x", "dat", "datas", "lake ", "C++"} {
		if got := v.lookup(w); got != -1 {
			t.Errorf("lookup(%q) = %d, want -1", w, got)
		}
	}
	if !v.First[2] || v.First[0] {
		t.Errorf("First = %v, want only 2", v.First)
	}
}
