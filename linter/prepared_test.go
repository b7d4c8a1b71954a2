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
	// More first words than a node scans, so the root's edges are
	// indexed when the set is added to.
	{"rust", "go", "python", "java", "scala", "kotlin", "swift", "ruby", "perl"},
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
	savedIDs, savedFirst, savedSets := vocab.ids, vocab.first, preparedSets
	vocab.fixed, vocab.ids, vocab.first = PreparedVocabulary{}, nil, nil
	vocab.Unlock()
	UsePreparedPhrases(v, sets)
	t.Cleanup(func() {
		vocab.Lock()
		// A version no document has seen: ids cached meanwhile are stale.
		vocab.fixed, vocab.ids, vocab.first = saved, savedIDs, savedFirst
		vocab.version++
		vocab.Unlock()
		preparedSets = savedSets
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
		build := func() (*PhraseSet, error) {
			s := NewPhraseSet()
			s.Grow(tc.grow)
			for _, a := range tc.adds {
				if err := s.Add(a.phrase, a.id, a.inf); err != nil {
					return nil, err
				}
			}
			return s, nil
		}
		var own *PhraseSet
		if _, _, err := RecordPhraseSets(func() (err error) { own, err = build(); return err }); err != nil {
			t.Fatal(err)
		}
		s, err := build()
		if err != nil {
			t.Fatal(err)
		}
		got, want := matchesOf(s, ps, preparedText), matchesOf(own, ps, preparedText)
		if len(want) == 0 || strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("%s: matches %q, want %q (as built)", tc.name, got, want)
		}
		if s.Prepared() != tc.prepared || own.Prepared() {
			t.Errorf("%s: prepared trie taken = %t, want %t", tc.name, s.Prepared(), tc.prepared)
		}
		if s.Len() != len(tc.adds) {
			t.Errorf("%s: Len = %d, want %d", tc.name, s.Len(), len(tc.adds))
		}
	}
}

// TestPreparedPhrasesAddedTo checks that a set that took a prepared trie
// copies it when added to after matching, its index of a node with many
// edges too, and that the prepared set is left as it was for the sets that
// take it later.
func TestPreparedPhrasesAddedTo(t *testing.T) {
	usePrepared(t)
	for _, tc := range []struct {
		phrases     []string // a prepared set's
		more        string   // added after the first match
		before, add string   // what the text matches before, what more adds
	}{
		{preparedPhrases[1], "rust", "fast-paced=fast-paced|wear many hats=wear many hats", "rust=Rust"},
		// "data" is followed by more words than a node scans, so its
		// edges are indexed.
		{preparedPhrases[0], "data z", "data lake=data lakes|data-driven=data-driven|data mesh=data mesh|" +
			"c++=C++|c#=C#|team player=Team players|rock star=rock stars|ninja=ninjas|data a=Data a|data i=data i", "data z=data z"},
	} {
		ps := append(slices.Clone(tc.phrases), tc.more)
		add := func(s *PhraseSet, n int) {
			for i, p := range ps[:n] {
				if err := s.Add(p, i, Inflect{Plural: true}); err != nil {
					t.Fatal(err)
				}
			}
		}
		s := NewPhraseSet()
		add(s, len(tc.phrases))
		if got := strings.Join(matchesOf(s, ps, preparedText), "|"); got != tc.before {
			t.Errorf("%s: before: matches %q, want %q", tc.more, got, tc.before)
		}
		if !s.Prepared() {
			t.Fatalf("%s: the set did not take the prepared trie", tc.more)
		}
		add(s, len(ps))
		if s.Prepared() {
			t.Errorf("%s: the set still shares the prepared trie after an Add", tc.more)
		}
		var want []string
		for _, m := range strings.Split(tc.before, "|") {
			want = append(want, m)
			if m == "data i=data i" || m == "wear many hats=wear many hats" {
				want = append(want, tc.add) // in text order
			}
		}
		if got := strings.Join(matchesOf(s, ps, preparedText), "|"); got != strings.Join(want, "|") {
			t.Errorf("%s: after: matches %q, want %q", tc.more, got, want)
		}
		later := NewPhraseSet()
		add(later, len(tc.phrases))
		if got := strings.Join(matchesOf(later, ps, preparedText), "|"); got != tc.before || !later.Prepared() {
			t.Errorf("%s: a later set: matches %q (prepared %t), want the prepared trie's %q", tc.more, got, later.Prepared(), tc.before)
		}
	}
}

// TestPreparedPhrasesAddedToRoot checks that a set that took a prepared
// trie whose root indexes its edges, added to with a phrase that starts
// with one of its first words, matches as a set built from scratch does:
// prepared indexes leave the root's edges out, and thaw puts them back.
func TestPreparedPhrasesAddedToRoot(t *testing.T) {
	usePrepared(t)
	ps := append(slices.Clone(preparedPhrases[3]), "rust and go")
	add := func(s *PhraseSet, n int) error {
		for i, p := range ps[:n] {
			if err := s.Add(p, i, Inflect{Plural: true}); err != nil {
				return err
			}
		}
		return nil
	}
	s := NewPhraseSet()
	if err := add(s, len(ps)-1); err != nil {
		t.Fatal(err)
	}
	matchesOf(s, ps, preparedText)
	if !s.Prepared() {
		t.Fatal("the set did not take the prepared trie")
	}
	if err := add(s, len(ps)); err != nil {
		t.Fatal(err)
	}
	own := NewPhraseSet()
	if _, _, err := RecordPhraseSets(func() error { return add(own, len(ps)) }); err != nil {
		t.Fatal(err)
	}
	got, want := matchesOf(s, ps, preparedText), matchesOf(own, ps, preparedText)
	if strings.Join(got, "|") != strings.Join(want, "|") || !slices.Contains(want, "rust and go=Rust and Go") {
		t.Errorf("matches %q, want %q (as built, with rust and go)", got, want)
	}
}

// TestPreparedPhrasesLenWhileSettling checks that a set whose phrases
// start a prepared set's, and so builds its own trie when first matched,
// counts its phrases all the while, as another goroutine may ask (run
// with -race).
func TestPreparedPhrasesLenWhileSettling(t *testing.T) {
	usePrepared(t)
	ps := preparedPhrases[0][:5]
	s := NewPhraseSet()
	for i, p := range ps {
		if err := s.Add(p, i, Inflect{Plural: true}); err != nil {
			t.Fatal(err)
		}
	}
	done := make(chan []string)
	go func() { done <- matchesOf(s, ps, preparedText) }()
	for range 1000 {
		if n := s.Len(); n != len(ps) {
			t.Fatalf("Len = %d while settling, want %d", n, len(ps))
		}
	}
	if got := <-done; len(got) != 5 || s.Prepared() {
		t.Errorf("matches %q (prepared %t), want 5 with a trie of its own", got, s.Prepared())
	}
}

// TestPreparedVocabulary checks the vocabulary's hash table: every word
// is found under its id, and words it does not hold are not.
func TestPreparedVocabulary(t *testing.T) {
	words := []string{"a", "b", "data", "lake", "lakes", "c++", "über", ""}
	v := newPreparedVocabulary(words, []int32{2})
	// A lookup stops at an empty slot: there must be one.
	if len(v.Slots) <= len(words) || len(v.Slots)&(len(v.Slots)-1) != 0 {
		t.Errorf("%d slots for %d words, want a power of two above that", len(v.Slots), len(words))
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
	for i, f := range v.First {
		if f != (i == 2) {
			t.Errorf("First = %v, want only 2", v.First)
			break
		}
	}
}
