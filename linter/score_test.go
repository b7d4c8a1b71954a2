package linter

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
)

func TestScore(t *testing.T) {
	f := func(rule, family string, sev Severity) Finding {
		return Finding{Rule: rule, Family: family, Severity: sev}
	}
	if got := Score(nil); got != 100 {
		t.Errorf("no findings: %d, want 100", got)
	}
	// One warning in clarity: cost 6, 100*e^-0.06 = 94.2.
	if got := Score([]Finding{f("hype-title", "clarity", Warning)}); got != 94 {
		t.Errorf("one warning: %d, want 94", got)
	}
	// A missing salary (error, pay): cost 20*1.5 = 30, 100*e^-0.3 = 74.1.
	if got := Score([]Finding{f("missing-salary", "pay", Error)}); got != 74 {
		t.Errorf("missing salary: %d, want 74", got)
	}
	// Twelve repeats of one warning cost at most twice the first: cost 12,
	// 100*e^-0.12 = 88.7.
	var many []Finding
	for i := 0; i < 12; i++ {
		many = append(many, f("hype-title", "clarity", Warning))
	}
	if got := Score(many); got != 89 {
		t.Errorf("twelve repeats: %d, want 89", got)
	}
	// Two: cost 6*1.25 = 7.5, 100*e^-0.075 = 92.8.
	if got := Score(many[:2]); got != 93 {
		t.Errorf("two repeats: %d, want 93", got)
	}
	// More findings never raise the score, and it stays within 0..100.
	var lots []Finding
	prev := 100
	for _, r := range []string{"a", "b", "c", "d", "e", "f", "g", "h"} {
		lots = append(lots, f(r, "pay", Error))
		got := Score(lots)
		if got > prev || got < 0 {
			t.Errorf("%d errors: score %d after %d", len(lots), got, prev)
		}
		prev = got
	}
}

func TestDropOverlaps(t *testing.T) {
	rules := []*RuleConfig{{RuleHeader: RuleHeader{ID: "a"}}, {RuleHeader: RuleHeader{ID: "b"}}}
	fs := []Finding{
		{Rule: "a", Span: Span{10, 18}, Severity: Warning},
		{Rule: "b", Span: Span{10, 25}, Severity: Info}, // longer: wins over a
		{Rule: "a", Span: Span{40, 45}, Severity: Info},
		{Rule: "b", Span: Span{40, 45}, Severity: Warning}, // same span, more severe: wins
		{Rule: "a", Span: Span{60, 65}, Severity: Info},
		{Rule: "b", Span: Span{0, 100}, Area: true},                      // an area never competes
		{Rule: "a", Span: Span{70, 75}}, {Rule: "a", Span: Span{72, 78}}, // same rule: both kept
		// All else equal, the rule defined first wins, whichever
		// finding comes first.
		{Rule: "a", Span: Span{80, 85}, Severity: Warning},
		{Rule: "b", Span: Span{80, 85}, Severity: Warning},
		{Rule: "b", Span: Span{90, 95}, Severity: Warning},
		{Rule: "a", Span: Span{90, 95}, Severity: Warning},
	}
	got := dropOverlaps(fs, rules)
	want := []Finding{fs[1], fs[3], fs[4], fs[5], fs[6], fs[7], fs[8], fs[11]}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i].Rule != want[i].Rule || got[i].Span != want[i].Span {
			t.Errorf("finding %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestExpandMessage(t *testing.T) {
	for _, tc := range []struct {
		tmpl string
		vars []string
		want string
	}{
		{"{match} is vague", []string{"match", "strong\nmaths"}, `"strong maths" is vague`},
		{"e.g. {suggestion|fluency}", []string{"suggestion", ""}, "e.g. fluency"},
		{"e.g. {suggestion|fluency}", []string{"suggestion", "fluent in English"}, `e.g. "fluent in English"`},
		{"{count} items", []string{"count", "9"}, "9 items"},
		{"{unknown} stays", nil, "{unknown} stays"},
	} {
		if got := ExpandMessage(tc.tmpl, tc.vars...); got != tc.want {
			t.Errorf("ExpandMessage(%q, %q) = %q, want %q", tc.tmpl, tc.vars, got, tc.want)
		}
	}
}

// expandByRegexp is ExpandMessage as a regular expression states it: the
// reference the hand-written scan is checked against.
func expandByRegexp(tmpl string, vars ...string) string {
	vals := map[string]string{}
	for i := 0; i+1 < len(vars); i += 2 {
		vals[vars[i]] = vars[i+1]
	}
	return placeholderRe.ReplaceAllStringFunc(tmpl, func(ph string) string {
		name, def, hasDef := strings.Cut(ph[1:len(ph)-1], "|")
		v, ok := vals[name]
		switch {
		case ok && v != "":
			if name == "match" || name == "suggestion" {
				return quote(v)
			}
			return v
		case hasDef:
			return def
		case ok:
			return v
		}
		return ph
	})
}

// placeholderRe is the expression ExpandMessage's placeholders match.
var placeholderRe = regexp.MustCompile(`\{[a-z_]+(?:\|[^{}]*)?\}`)

func TestExpandMessageAsRegexp(t *testing.T) {
	// Letters at and past the ends of a-z, and digits, which no name
	// holds.
	pieces := []string{"{", "}", "|", "a", "z", "_", "`", "0", "match", "count", "X", " ", "\n", "é", "\xff", "{match}", "{count|none}", "{a|", "{A}", "{}", "{z}", "{a0}"}
	values := []string{"", "9", "two words", "a\tlong value with {braces} and | bars"}
	names := []string{"match", "count", "a", "suggestion", "a0", "z"}
	rng := rand.New(rand.NewPCG(6, 1))
	replaced := 0
	for n := 0; n < 20000; n++ {
		var b strings.Builder
		for k := rng.IntN(12); k >= 0; k-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		var vars []string
		for k := rng.IntN(6); k > 0; k-- {
			vars = append(vars, names[rng.IntN(len(names))])
			if k > 1 || rng.IntN(2) == 0 {
				vars = append(vars, values[rng.IntN(len(values))])
				k--
			}
		}
		tmpl := b.String()
		got, want := ExpandMessage(tmpl, vars...), expandByRegexp(tmpl, vars...)
		if got != want {
			t.Fatalf("ExpandMessage(%q, %q) = %q, the expression gives %q", tmpl, vars, got, want)
		}
		if got != tmpl {
			replaced++
		}
	}
	if replaced < 5000 {
		t.Errorf("only %d of 20000 templates had a placeholder expanded", replaced)
	}
}
