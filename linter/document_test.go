package linter

import (
	"fmt"
	"math/rand"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode"
)

// find returns the Text offsets of the first occurrence of s in d.Text.
func find(t *testing.T, d *Document, s string) (int, int) {
	t.Helper()
	i := strings.Index(d.Text, s)
	if i < 0 {
		t.Fatalf("%q not in prose %q", s, d.Text)
	}
	return i, i + len(s)
}

func TestPositions(t *testing.T) {
	tests := []struct {
		name, src string
		format    Format
		word      string
		line, col int
	}{
		{"plain", "Hello\nWe want a rockstar.", PlainText, "rockstar", 2, 11},
		{"multibyte before", "Café – Zürich: rockstar wanted", PlainText, "rockstar", 1, 16},
		{"emoji before", "🚀🚀 rockstar", PlainText, "rockstar", 1, 4},
		{"tab counts as one", "\tWe\twant a rockstar", PlainText, "rockstar", 1, 12},
		{"crlf", "Title\r\n\r\nWe want a rockstar\r\n", PlainText, "rockstar", 3, 11},
		{"bom", "\ufeffWe want a rockstar", PlainText, "rockstar", 1, 11},
		{"bom markdown", "\ufeff# A rockstar", Markdown, "rockstar", 1, 5},
		{"markdown emphasis", "# Job\n\nWe want a **rockstar** dev", Markdown, "rockstar", 3, 13},
		{"markdown link text", "See [our rockstar team](http://x.y/z) now", Markdown, "rockstar", 1, 10},
		{"markdown list", "## Needs\n\n- Python\n  - a nested rockstar", Markdown, "rockstar", 4, 14},
		{"markdown crlf", "# Job\r\n\r\nWe want\r\na rockstar\r\n", Markdown, "rockstar", 4, 3},
		{"markdown blockquote", "> quoted é rockstar", Markdown, "rockstar", 1, 12},
		{"front matter", "---\ntitle: x\n---\nA rockstar", Markdown, "rockstar", 4, 3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := Parse("x", []byte(tc.src), tc.format)
			s, e := find(t, d, tc.word)
			sp := d.SourceSpan(s, e)
			if got := string(d.Source[sp.Start:sp.End]); got != tc.word {
				t.Fatalf("source span %v holds %q, want %q", sp, got, tc.word)
			}
			line, col := d.Position(sp.Start)
			if line != tc.line || col != tc.col {
				t.Errorf("position = %d:%d, want %d:%d", line, col, tc.line, tc.col)
			}
		})
	}
}

func TestMarkdownNotProse(t *testing.T) {
	src := "---\ntitle: rockstar\n---\n# Job\n\n<!-- rockstar -->\n\nText `rockstar` [link](http://rockstar.example) <http://rockstar.example>\n\n```\nrockstar\n```\n\n    rockstar\n\n<div>rockstar</div>\n"
	d := Parse("x.md", []byte(src), Markdown)
	if strings.Contains(d.Text, "rockstar") {
		t.Errorf("non-prose text reached the prose: %q", d.Text)
	}
	if !strings.Contains(d.Text, "link") || d.FrontMatter["title"] != "rockstar" {
		t.Errorf("prose %q / front matter %v", d.Text, d.FrontMatter)
	}
}

func TestStructure(t *testing.T) {
	md := "# Title\n\n## Requirements\n\n- one\n- two\n  - nested\n- three\n\nAfter.\n"
	txt := "Title\n\nRequirements:\n- one\n- two\n  - nested\n• three\n\nAfter.\n"
	for _, tc := range []struct {
		name   string
		src    string
		format Format
	}{{"markdown", md, Markdown}, {"plain", txt, PlainText}} {
		t.Run(tc.name, func(t *testing.T) {
			d := Parse("x", []byte(tc.src), tc.format)
			var kinds []string
			for i, b := range d.Blocks {
				k := b.Kind.String()
				if b.Kind == ListItem {
					k += "/" + string(rune('0'+b.Level))
				}
				kinds = append(kinds, k+":"+d.BlockText(i))
			}
			got := strings.Join(kinds, " | ")
			want := "heading:Title | heading:Requirements | list-item/1:one | list-item/1:two | list-item/2:nested | list-item/1:three | paragraph:After."
			if tc.format == PlainText {
				want = "paragraph:Title | heading:Requirements: | list-item/1:one | list-item/1:two | list-item/2:nested | list-item/1:three | paragraph:After."
			}
			if got != want {
				t.Errorf("blocks:\n got %s\nwant %s", got, want)
			}
			for i, b := range d.Blocks {
				if b.Kind == ListItem && !strings.HasPrefix(d.SectionTitle(i), "Requirements") {
					t.Errorf("item %q is under %q", d.BlockText(i), d.SectionTitle(i))
				}
			}
		})
	}
}

func TestApplyEdits(t *testing.T) {
	src := []byte("we want a rockstar engineer")
	out, err := ApplyEdits(src, []TextEdit{{Span{10, 18}, "senior"}, {Span{0, 2}, "We"}})
	if err != nil || string(out) != "We want a senior engineer" {
		t.Fatalf("got %q, %v", out, err)
	}
	if _, err := ApplyEdits(src, []TextEdit{{Span{0, 5}, "x"}, {Span{3, 8}, "y"}}); err == nil {
		t.Error("overlapping edits should fail")
	}
	if _, err := ApplyEdits(src, []TextEdit{{Span{20, 99}, "x"}}); err == nil {
		t.Error("an edit past the end should fail")
	}
}

func TestPhraseSet(t *testing.T) {
	s := NewPhraseSet()
	for i, p := range []string{"team player", "A-player", "hit the ground running", "guys", "24/7"} {
		if err := s.Add(p, i, Inflect{Plural: true, Verb: i == 2}); err != nil {
			t.Fatal(err)
		}
	}
	d := Parse("x", []byte("Team-players who are hitting the\nground   running, guys! An A player, a-players, 24/7 and 24 7."), PlainText)
	var got []string
	s.Longest(d, func(m PhraseMatch) {
		start, end := m.Span(d)
		got = append(got, d.Text[start:end])
	})
	want := []string{"Team-players", "hitting the\nground   running", "guys", "a-players", "24/7"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("matches = %q, want %q", got, want)
	}
}

// TestPhraseHyphenBranches checks that a hyphen in the text follows both a
// hyphenated and a spaced phrase, so an exception written with spaces
// still cancels hyphenated text when a hyphenated phrase shares its start.
func TestPhraseHyphenBranches(t *testing.T) {
	s := NewPhraseSet()
	s.Add("always-on", 0, Inflect{})
	s.Add("always on data", 1, Inflect{})
	d := Parse("x", []byte("An always-on data platform, always-on pagers."), PlainText)
	var got []int
	s.Longest(d, func(m PhraseMatch) { got = append(got, m.ID) })
	if len(got) != 2 || got[0] != 1 || got[1] != 0 {
		t.Errorf("matches = %v, want [1 0] (the longer spaced phrase, then the hyphenated one)", got)
	}
}

// TestPhraseManyEdges checks a word followed by more words than a node
// scans (so its edges are indexed), among them one word after a space, a
// hyphen and a slash: each must still be told apart, whether the variants
// were added before the node was indexed or after.
func TestPhraseManyEdges(t *testing.T) {
	variants := []string{"data-driven", "data driven", "data/driven"}
	spacedFirst := []string{"data driven", "data-driven", "data/driven"}
	var fillers []string
	for _, w := range []string{"lake", "mesh", "team", "pipeline", "platform", "science", "quality", "engineer", "steward", "catalog"} {
		fillers = append(fillers, "data "+w)
	}
	for _, tc := range []struct {
		name    string
		phrases []string
		hyphen  string // what the text's "data-driven" matches
	}{
		{"variants first", append(append([]string(nil), variants...), fillers...), "data-driven"},
		{"variants after indexing", append(append([]string(nil), fillers...), variants...), "data-driven"},
		{"spaced variant first", append(append([]string(nil), fillers...), spacedFirst...), "data driven"},
	} {
		s := NewPhraseSet()
		for i, p := range tc.phrases {
			if err := s.Add(p, i, Inflect{}); err != nil {
				t.Fatal(err)
			}
		}
		d := Parse("x", []byte("A data-driven; data driven; data/driven; data catalog; data drive; data/catalog; data-catalog."), PlainText)
		var got []string
		s.Longest(d, func(m PhraseMatch) { got = append(got, tc.phrases[m.ID]) })
		// A hyphen in the text matches the hyphenated and the spaced
		// phrase; the one added first wins. A slash matches only a
		// slash, though some phrase after that word holds one.
		want := []string{tc.hyphen, "data driven", "data/driven", "data catalog", "data catalog"}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("%s: matches = %q, want %q", tc.name, got, want)
		}
	}
}

// TestPhraseFirstWords checks the index of first words over many sets and
// words (ids spread over several words of the bitmap): each set finds the
// phrases it holds and no other set's, whatever the order the sets were
// made and indexed in.
func TestPhraseFirstWords(t *testing.T) {
	var text []string
	sets := make([]*PhraseSet, 3)
	for k := range sets {
		sets[k] = NewPhraseSet()
	}
	// Making room first, or after some words were added, changes nothing.
	sets[1].Grow(150)
	for i := 0; i < 300; i++ {
		if i == 4 {
			sets[2].Grow(100)
		}
		w := fmt.Sprintf("w%dx", i)
		text = append(text, w)
		// Set k holds the words whose number is a multiple of k+1,
		// but set 2 leaves out one (set 0 holds it, and so does a set
		// made later).
		for k, s := range sets {
			if i%(k+1) == 0 && !(k == 2 && i == 297) {
				s.Add(w, i, Inflect{})
			}
		}
	}
	// A word no set holds yet, until a set made after the others.
	text = append(text, "latewordx")
	d := Parse("x", []byte(strings.Join(text, " ")), PlainText)
	check := func(k int) {
		t.Helper()
		var want []int
		for i := 0; i < 300; i++ {
			if i%(k+1) == 0 && !(k == 2 && i == 297) {
				want = append(want, i)
			}
		}
		if got := idsIn(sets[k], d); got != fmt.Sprint(want) {
			t.Errorf("set %d: matches = %v, want %v", k, got, want)
		}
	}
	for k := range sets {
		check(k)
	}
	// Its first words come out of id order: new words, then older ones.
	// The document's words are looked up again: it holds one of the new.
	late := NewPhraseSet()
	late.Add("zzz", 1000, Inflect{})
	late.Add("latewordx", 1001, Inflect{})
	late.Add("w297x", 297, Inflect{})
	late.Add("w5x", 5, Inflect{})
	if got := idsIn(late, d); got != "[5 297 1001]" {
		t.Errorf("set made after indexing: matches = %v, want [5 297 1001]", got)
	}
	// A phrase added after the set was matched is matched too.
	late.Add("w7x", 7, Inflect{})
	if got := idsIn(late, d); got != "[5 7 297 1001]" {
		t.Errorf("phrase added after matching: matches = %v, want [5 7 297 1001]", got)
	}
}

// TestPhraseGrow checks that making room after some phrases were added
// keeps them: a later phrase with the same first word extends the same
// path instead of starting a second one.
func TestPhraseGrow(t *testing.T) {
	s := NewPhraseSet()
	s.Add("alpha", 0, Inflect{})
	s.Add("delta", 1, Inflect{})
	s.Grow(20)
	s.Add("alpha beta", 2, Inflect{})
	s.Add("gamma", 3, Inflect{})
	if got := matchIDs(s, "alpha beta, alpha gamma delta"); got != "[2 0 3 1]" {
		t.Errorf("matches = %v, want [2 0 3 1]", got)
	}
}

// matchIDs returns the ids of s's matches in text, as fmt prints them.
func matchIDs(s *PhraseSet, text string) string {
	return idsIn(s, Parse("x", []byte(text), PlainText))
}

func idsIn(s *PhraseSet, d *Document) string {
	var got []int
	s.Longest(d, func(m PhraseMatch) { got = append(got, m.ID) })
	return fmt.Sprint(got)
}

// TestPhraseIDRange checks that a phrase id the trie cannot hold is refused
// rather than cut to fit; and that a hyphen in the text matches a space in
// a set whose phrases hold no hyphen.
func TestPhraseIDRange(t *testing.T) {
	s := NewPhraseSet()
	ids := []int{-1}
	if big := int64(1) << 31; int64(int(big)) == big { // not on 32-bit int
		ids = append(ids, int(big))
	}
	for _, id := range ids {
		if err := s.Add("team player", id, Inflect{}); err == nil {
			t.Errorf("id %d: no error", id)
		}
	}
	if err := s.Add("team player", 1<<31-1, Inflect{}); err != nil {
		t.Errorf("largest id: %v", err)
	}
	if got := matchIDs(s, "a team player, a team-player"); got != "[2147483647 2147483647]" {
		t.Errorf("matches = %v, want [2147483647 2147483647]", got)
	}
}

// TestPhraseVocabulary checks matching against words the process interns
// over time: a word of the text no phrase holds ends a match; a word that
// a later set starts a phrase with, or that a phrase added later holds, is
// found in a document whose words were looked up before.
func TestPhraseVocabulary(t *testing.T) {
	a := NewPhraseSet()
	a.Add("vq1 vq2", 0, Inflect{})
	a.Add("vq1 vq2 vq3", 1, Inflect{})
	d := Parse("x", []byte("vq1 vq2 vqunseen1 vq3, vq1 vq2 vq3 vqlater2"), PlainText)
	if got := idsIn(a, d); got != "[0 1]" {
		t.Errorf("unknown word between: matches = %v, want [0 1]", got)
	}
	// vq2 becomes a first word.
	b := NewPhraseSet()
	b.Add("vq2 vq3", 7, Inflect{})
	if got := idsIn(b, d); got != "[7]" {
		t.Errorf("later first word: matches = %v, want [7]", got)
	}
	// vqlater2 becomes a word of the vocabulary.
	a.Add("vq1 vq2 vq3 vqlater2", 2, Inflect{})
	if got := idsIn(a, d); got != "[0 2]" {
		t.Errorf("later word: matches = %v, want [0 2]", got)
	}
}

// TestPhraseSetsBuiltWhileMatching builds sets on several goroutines while
// another set is matched, as configs are loaded while documents are linted
// (run it with -race).
func TestPhraseSetsBuiltWhileMatching(t *testing.T) {
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := NewPhraseSet()
			for i := 0; i < 300; i++ {
				s.Add(fmt.Sprintf("bw%d bg%d", i, g), i, Inflect{Plural: true})
			}
		}()
	}
	for i := 0; i < 50; i++ {
		// A new set each time: each is indexed on first use.
		m := NewPhraseSet()
		m.Add("alpha beta", 3, Inflect{})
		if got := matchIDs(m, fmt.Sprintf("alpha beta bw%d", i)); got != "[3]" {
			t.Fatalf("matches = %v, want [3]", got)
		}
	}
	wg.Wait()
}

// TestPhraseLongestWhile checks that LongestWhile gives the matches Longest
// does, in order, and stops at the first for which fn returns false.
func TestPhraseLongestWhile(t *testing.T) {
	s := NewPhraseSet()
	for i, ph := range []string{"data", "platform", "pager"} {
		if err := s.Add(ph, i, Inflect{Plural: true}); err != nil {
			t.Fatal(err)
		}
	}
	d := Parse("x", []byte("A data platform, pagers and more data."), PlainText)
	var all []PhraseMatch
	s.Longest(d, func(m PhraseMatch) { all = append(all, m) })
	var ids, texts []string
	for _, m := range all {
		start, end := m.Span(d)
		ids, texts = append(ids, fmt.Sprint(m.ID)), append(texts, d.Text[start:end])
	}
	if got, want := strings.Join(ids, " ")+" | "+strings.Join(texts, ","), "0 1 2 0 | data,platform,pagers,data"; got != want {
		t.Fatalf("Longest: %s, want %s", got, want)
	}
	for stop := range all {
		var got []PhraseMatch
		s.LongestWhile(d, func(m PhraseMatch) bool {
			got = append(got, m)
			return len(got) <= stop
		})
		if want := all[:stop+1]; !slices.Equal(got, want) {
			t.Errorf("stopping at match %d: got %v, want %v", stop, got, want)
		}
	}
}

// TestAbbrevBefore checks the abbreviations a stop does not end a sentence
// after, in any case, and initials, against the definition the sentence
// split has always used: the word before the stop, lower-cased, is an
// abbreviation or one byte long (which lower-casing can make it: "İ" and
// the Kelvin sign become ASCII letters).
func TestAbbrevBefore(t *testing.T) {
	want := func(s string) bool {
		j := strings.LastIndexAny(s, " \n(") + 1
		w := strings.ToLower(s[j:])
		return slices.Contains(abbrevs, w) || len(w) == 1
	}
	for _, s := range []string{
		"see e.g", "See E.G", "i.e", "İ.e", "(etc", "x\nno", "No", "vs", "VS", "Ltd", "ltdx", "inc", "İnc",
		"J", "j", "é", "K", "\u212A", "x \u212A", "İ", "\x80", "1", "ab", "", "word (approx", "mrs", "MRs", "dr",
		"drs", "e.g.", "eg",
	} {
		if got := isAbbrevBefore(s); got != want(s) {
			t.Errorf("isAbbrevBefore(%q) = %v, want %v", s, got, want(s))
		}
	}
	d := Parse("x", []byte("Use tools, e.g. Python. Ask Dr. Smith. Ltd. firms. Call J. Smith. We ship!"), PlainText)
	var got []string
	for _, s := range d.Sentences() {
		got = append(got, d.Text[s.Start:s.End])
	}
	if want := []string{"Use tools, e.g. Python.", "Ask Dr. Smith.", "Ltd. firms.", "Call J. Smith.", "We ship!"}; !slices.Equal(got, want) {
		t.Errorf("sentences %q, want %q", got, want)
	}
}

// TestPlainBlankLines checks that a plain-text line of nothing but white
// space (unicode.IsSpace, the no-break space and the like included)
// separates paragraphs, and that any other line does not: fixed cases,
// then random lines of white space with, now and then, a character that
// is not.
func TestPlainBlankLines(t *testing.T) {
	blocks := func(line string) int {
		return len(Parse("x.txt", []byte("First line\n"+line+"\nSecond line"), PlainText).Blocks)
	}
	for line, want := range map[string]int{
		"": 2, " \t ": 2, "\u00a0": 2, " \u3000\u00a0 \r": 2, "\v\f": 2,
		"\u00a0x": 1, ".": 1, "\u00e9": 1, "\u200b": 1,
	} {
		if got := blocks(line); got != want {
			t.Errorf("%q between two lines: %d blocks, want %d", line, got, want)
		}
	}
	var spaces []string
	for r := rune(0); r < 0x3100; r++ {
		if unicode.IsSpace(r) && r != '\n' {
			spaces = append(spaces, string(r))
		}
	}
	others := []string{"x", ".", "\u00e9", "\u200b", "\ufeff", "\xff", "\xc2"} // not list or heading marks
	r := rand.New(rand.NewSource(5))
	for round := 0; round < 3000; round++ {
		var b strings.Builder
		for n := r.Intn(4); n > 0; n-- {
			if r.Intn(8) == 0 {
				b.WriteString(others[r.Intn(len(others))])
			} else {
				b.WriteString(spaces[r.Intn(len(spaces))])
			}
		}
		line := b.String()
		want := 1
		if strings.TrimFunc(line, unicode.IsSpace) == "" {
			want = 2
		}
		if got := blocks(line); got != want {
			t.Fatalf("%q between two lines: %d blocks, want %d", line, got, want)
		}
	}
}

// TestLowerText compares LowerText with lower-casing byte by byte, and
// FoldTraps with a search for the Kelvin sign and the long s: each of
// those and other characters at every offset of an eight-byte step in a
// run of ASCII letters, then random texts of them.
func TestLowerText(t *testing.T) {
	r := rand.New(rand.NewSource(4))
	pieces := []string{"a", "Z", "A", "z", "@", "[", "`", "{", " ", "\n", "0", "~", "\x7f", "é", "É", "\u212a", "\u017f", "\xe2", "\xc5", "\xe2\x84"}
	var texts []string
	for _, p := range pieces {
		for off := 0; off < 16; off++ {
			texts = append(texts, strings.Repeat("Ab", off)[:off]+p+"QrStUvWxYz")
		}
	}
	for round := 0; round < 3000; round++ {
		var b strings.Builder
		for n := r.Intn(40); n > 0; n-- {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	for _, text := range texts {
		want := []byte(text)
		for i, c := range want {
			if 'A' <= c && c <= 'Z' {
				want[i] = c + 'a' - 'A'
			}
		}
		d := &Document{Text: text}
		if got := d.LowerText(); got != string(want) {
			t.Fatalf("LowerText(%q) = %q, want %q", text, got, want)
		}
		if traps := strings.Contains(text, "\u212a") || strings.Contains(text, "\u017f"); d.FoldTraps() != traps {
			t.Fatalf("FoldTraps(%q) = %t, want %t", text, !traps, traps)
		}
	}
}

// TestPhraseSlots checks that a set walking from the words of its
// first-word slot finds what it finds from every word that starts some
// phrase: over random sets and texts, with more sets than there are slots
// and two sets with the same first words.
func TestPhraseSlots(t *testing.T) {
	freshSlots(t)
	words := []string{"sla", "slb", "slc", "sld", "sle", "slf"}
	rng := rand.New(rand.NewSource(64))
	phrase := func(first string) string {
		p := []string{first}
		for j := rng.Intn(3); j > 0; j-- {
			p = append(p, words[rng.Intn(len(words))])
		}
		return strings.Join(p, []string{" ", "-"}[rng.Intn(2)])
	}
	var sets []*PhraseSet
	var first []string // the phrases of sets[0]
	for k := 0; k < maxSlots+10; k++ {
		s := NewPhraseSet()
		// A first word of its own makes each set's first words differ.
		ps := []string{phrase(fmt.Sprintf("slk%d", k))}
		for i := 1 + rng.Intn(4); i > 0; i-- {
			ps = append(ps, phrase(words[rng.Intn(len(words))]))
		}
		for i, p := range ps {
			s.Add(p, i, Inflect{})
		}
		if k == 0 {
			first = ps
		}
		sets = append(sets, s)
	}
	// Scanned last, after the slots have run out, it shares sets[0]'s.
	twin := NewPhraseSet()
	for i, p := range first {
		twin.Add(p, len(first)-i, Inflect{})
	}
	sets = append(sets, twin)
	matches, differ := 0, 0
	for n := 0; n < 40; n++ {
		var b strings.Builder
		for i := 60; i > 0; i-- {
			w := words[rng.Intn(len(words))]
			if rng.Intn(4) == 0 {
				w = fmt.Sprintf("slk%d", rng.Intn(maxSlots+10))
			}
			b.WriteString(w)
			b.WriteString([]string{" ", " ", "-", ", ", "\n\n", " other "}[rng.Intn(6)])
		}
		d := Parse("x", []byte(b.String()), PlainText)
		for k, s := range sets {
			var got, want []PhraseMatch
			s.Longest(d, func(m PhraseMatch) { got = append(got, m) })
			slot := s.slot
			s.slot = -1
			s.Longest(d, func(m PhraseMatch) { want = append(want, m) })
			if slot >= 0 {
				// Another set's slot lists other places: a walk that
				// ignored its slot would not see the difference.
				var wrong []PhraseMatch
				s.slot = (slot + 1) % maxSlots
				s.Longest(d, func(m PhraseMatch) { wrong = append(wrong, m) })
				if !slices.Equal(wrong, want) {
					differ++
				}
			}
			s.slot = slot
			if !slices.Equal(got, want) {
				t.Fatalf("set %d (slot %d) in %q: %v, from every first word %v", k, slot, b.String(), got, want)
			}
			matches += len(got)
		}
	}
	if matches < 2000 {
		t.Errorf("%d matches in all: too few to tell", matches)
	}
	if differ == 0 {
		t.Error("no set walked differently from another set's slot: the walks do not read their slots")
	}
	// The sets took slots in the order first scanned, while there were
	// any left.
	for k, s := range sets[:len(sets)-1] {
		if want := k; s.slot != want && !(k >= maxSlots && s.slot == -1) {
			t.Errorf("set %d has slot %d", k, s.slot)
		}
	}
	if twin.slot != 0 {
		t.Errorf("a set with the first words of set 0 has slot %d, want 0", twin.slot)
	}
}

// freshSlots starts t with no first-word slots taken, and gives the
// process's back when it ends.
func freshSlots(t *testing.T) {
	vocab.Lock()
	slots, mask := vocab.slots, vocab.slotMask
	vocab.slots, vocab.slotMask = nil, nil
	vocab.version++
	vocab.Unlock()
	t.Cleanup(func() {
		vocab.Lock()
		vocab.slots, vocab.slotMask = slots, mask
		vocab.version++
		vocab.Unlock()
	})
}

// TestNewSlotKeepsWordIDs checks that a set taking a first-word slot
// leaves the word ids of documents already looked up as they are: the
// first ad of a process would otherwise look its words up again for each
// set as it takes its slot. (TestPhraseSlots checks that a set whose slot
// is newer than a document's lists finds what it would from them.)
func TestNewSlotKeepsWordIDs(t *testing.T) {
	freshSlots(t)
	d := Parse("x", []byte("slot words here"), PlainText)
	ids, _, slots := d.wordIDs()
	if firstSlot(&firstIndex{has: []uint64{0b100}}) < 0 {
		t.Fatal("no slot")
	}
	again, _, slotsAgain := d.wordIDs()
	if &again[0] != &ids[0] || slotsAgain.n() != slots.n() {
		t.Errorf("a new slot made the document's word ids again")
	}
}

// TestFirstSlotKeys checks that first words differing in one word take
// slots of their own, the same first words the same slot, and that each
// slot marks exactly its words.
func TestFirstSlotKeys(t *testing.T) {
	freshSlots(t)
	has := [][]uint64{{0b10}, {0b11}, {1}, {1<<63 | 1}, {0, 1}, {0, 3}, {0, 1 << 62}, {0, 1 << 63}}
	for i, h := range has {
		if k := firstSlot(&firstIndex{has: h}); k != i {
			t.Errorf("first words %b: slot %d, want %d", h, k, i)
		}
	}
	for i, h := range has {
		if k := firstSlot(&firstIndex{has: slices.Clone(h)}); k != i {
			t.Errorf("first words %b again: slot %d, want %d", h, k, i)
		}
	}
	vocab.RLock()
	defer vocab.RUnlock()
	for id := range 128 {
		var want uint64
		for i, h := range has {
			if w := id / 64; w < len(h) && h[w]&(1<<(id%64)) != 0 {
				want |= 1 << i
			}
		}
		if got := slotMaskOf(int32(id)); got != want {
			t.Errorf("word %d: slots %b, want %b", id, got, want)
		}
	}
}

// TestMemo checks that each key's value is computed once and that keys of
// different types, or of one type with different values, keep values of
// their own, also when one is first asked for while another is computed.
func TestMemo(t *testing.T) {
	type keyA struct{}
	type keyB struct{ n int }
	d := Parse("ad.txt", []byte("An ad."), PlainText)
	calls := map[string]int{}
	get := func(key any, name string) any {
		return d.Memo(key, func() any {
			calls[name]++
			return name
		})
	}
	p1, p2 := new(int), new(int)
	keys := []struct {
		key  any
		name string
	}{{keyA{}, "a"}, {keyB{1}, "b1"}, {keyB{2}, "b2"}, {p1, "p1"}, {p2, "p2"}, {"s", "s"}}
	for n := 3; n < 40; n++ {
		keys = append(keys, struct {
			key  any
			name string
		}{keyB{n}, fmt.Sprint("b", n)})
	}
	// Key "s" is first asked for while keyA{}'s value is computed.
	outer := d.Memo(keyA{}, func() any {
		calls["a"]++
		if got := get("s", "s"); got != "s" {
			t.Errorf("inner value %v, want s", got)
		}
		return "a"
	})
	if outer != "a" {
		t.Fatalf("outer value %v, want a", outer)
	}
	for round := 0; round < 3; round++ {
		for i := len(keys) - 1; i >= 0; i-- {
			k := keys[i]
			if got := get(k.key, k.name); got != k.name {
				t.Fatalf("round %d: key %v gives %v, want %s", round, k.key, got, k.name)
			}
		}
	}
	for _, k := range keys {
		if calls[k.name] != 1 {
			t.Errorf("value of %v computed %d times, want once", k.key, calls[k.name])
		}
	}
}
