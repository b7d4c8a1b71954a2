package rules

import "testing"

// TestStemList checks exact words and stems ("lead*"), including words
// that fail at the first byte, at a later one, or end inside a word.
func TestStemList(t *testing.T) {
	l, err := newStemList("words", []string{"Lead*", "ninja", "nin", "über*", " driven "})
	if err != nil {
		t.Fatal(err)
	}
	for w, want := range map[string]bool{
		"lead": true, "leader": true, "leadership": true, "lea": false,
		"ninja": true, "nin": true, "ninj": false, "ninjas": false, "ni": false,
		"über": true, "überall": true, "uber": false, "driven": true, "drive": false,
		"": false, "x": false, "zzz": false,
	} {
		if got := l.match(w); got != want {
			t.Errorf("match(%q) = %t, want %t", w, got, want)
		}
	}
	if _, err := newStemList("words", []string{"*"}); err == nil {
		t.Error("an empty stem is accepted")
	}
}
