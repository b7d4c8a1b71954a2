package linter_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/hirelint/hirelint/linter"
)

// userRule is a config with one pattern rule holding the given patterns
// under key (patterns, only_if...).
func userRule(key string, pats ...string) string {
	var b strings.Builder
	b.WriteString("[[rule]]\nid = \"user-rule\"\nkind = \"pattern\"\nseverity = \"info\"\nfamily = \"clarity\"\nmessage = \"m {match}\"\n")
	if key != "patterns" {
		b.WriteString("patterns = ['x']\n")
	}
	fmt.Fprintf(&b, "%s = [", key)
	for i, p := range pats {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "'''%s'''", p)
	}
	b.WriteString("]\n")
	return b.String()
}

// TestHugeRegexps: a user regexp that is huge, or that compiles to a huge
// program, is a config error that names the rule and key, is short, and
// comes at once.
func TestHugeRegexps(t *testing.T) {
	tests := []struct {
		name, key, pat, want string
	}{
		{"1 MB pattern", "patterns", strings.Repeat("a", 1<<20), `regular expression "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"… is 1048576 bytes long (the limit is 10000): split it into several patterns or use a phrase list`},
		{"1 MB invalid pattern", "patterns", "(" + strings.Repeat("b", 1<<20), `regular expression "(bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"… is 1048577 bytes long (the limit is 10000)`},
		{"nested repeat", "patterns", "a{1000}{1000}", "bad regular expression \"a{1000}{1000}\": invalid nested repetition operator"},
		{"repeat of a repeat", "patterns", "(a{1000}){1000}", "bad regular expression \"(a{1000}){1000}\": invalid repeat count"},
		{"many counted repeats", "patterns", strings.Repeat("(?:x{1000})", 30), "is too large (it compiles to 30002 instructions, the limit is 20000): use smaller repeat counts"},
		{"in only_if", "only_if", strings.Repeat("c", 20_000), "is 20000 bytes long (the limit is 10000)"},
		{"in exceptions", "exceptions", strings.Repeat("[a-z]{999}", 30), "is too large"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			_, err := base(t).Extend("user.toml", []byte(userRule(tc.key, tc.pat)))
			if el := time.Since(start); el > 5*time.Second {
				t.Errorf("rejecting the pattern took %v", el)
			}
			if err == nil {
				t.Fatal("no error")
			}
			var ce *linter.ConfigError
			if !errors.As(err, &ce) || ce.Rule != "user-rule" || ce.Key != tc.key {
				t.Errorf("error %v does not name rule user-rule and key %q", err, tc.key)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error:\n %s\ndoes not contain\n %s", err, tc.want)
			}
			if len(err.Error()) > 300 {
				t.Errorf("error message of %d bytes", len(err.Error()))
			}
		})
	}
	// Just under the limits is fine.
	if _, err := base(t).Extend("user.toml", []byte(userRule("patterns", strings.Repeat("d", linter.MaxRegexpBytes), strings.Repeat("(?:x{1000})", 19)))); err != nil {
		t.Errorf("patterns under the limits: %v", err)
	}
}

// TestHugePhraseList: a phrase rule of 100,000 phrases loads in reasonable
// time and finds its phrases.
func TestHugePhraseList(t *testing.T) {
	var b strings.Builder
	b.WriteString("[[rule]]\nid = \"big-list\"\nkind = \"phrase\"\nseverity = \"info\"\nfamily = \"clarity\"\nmessage = \"{match} is on the list\"\nphrases = [\n")
	for i := 0; i < 100_000; i++ {
		fmt.Fprintf(&b, "  \"term%d word%d\",\n", i, i%977)
	}
	b.WriteString("]\n")
	start := time.Now()
	cfg, err := base(t).Extend("user.toml", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if el := time.Since(start); el > 20*time.Second {
		t.Errorf("loading 100,000 phrases took %v", el)
	}
	t.Logf("100,000 phrases (%d bytes of TOML) loaded in %v", b.Len(), time.Since(start))
	doc := linter.Parse("ad.md", []byte("# Engineer\n\nYou know term99999 word345 and term5 word5, not term5 word6.\n"), linter.Markdown)
	var got []string
	for _, f := range cfg.Lint(doc) {
		if f.Rule == "big-list" {
			got = append(got, string(doc.Source[f.Span.Start:f.Span.End]))
		}
	}
	if strings.Join(got, "|") != "term99999 word345|term5 word5" {
		t.Errorf("matches = %q, want the two listed phrases", got)
	}
}

// TestDeepNesting: 10,000 levels of lists, blockquotes or HTML elements
// neither overflow the stack nor take long, in the parser and the rules.
func TestDeepNesting(t *testing.T) {
	const n = 10_000
	var lines strings.Builder
	for i := 0; i < n; i++ {
		lines.WriteString(strings.Repeat(">", i%50+1) + " - rockstar\n")
	}
	tests := []struct {
		name   string
		src    string
		format linter.Format
	}{
		{"blockquotes", strings.Repeat("> ", n) + "a rockstar\n", linter.Markdown},
		{"lists", strings.Repeat("- ", n) + "a rockstar\n", linter.Markdown},
		{"ordered lists", strings.Repeat("1. ", n) + "a rockstar\n", linter.Markdown},
		{"lists in blockquotes", strings.Repeat("> - ", n/2) + "a rockstar\n", linter.Markdown},
		{"emphasis", strings.Repeat("*", n) + "rockstar" + strings.Repeat("*", n), linter.Markdown},
		{"links", strings.Repeat("[", n) + "rockstar" + strings.Repeat("](x)", n), linter.Markdown},
		{"many quote levels", lines.String(), linter.Markdown},
		{"indented plain list", func() string {
			var b strings.Builder
			for i := 0; i < 2000; i++ {
				b.WriteString(strings.Repeat(" ", i) + "- rockstar\n")
			}
			return b.String()
		}(), linter.PlainText},
		{"html lists", strings.Repeat("<ul><li>", n) + "a rockstar", linter.HTML},
		{"html divs", strings.Repeat("<div>", n) + "a rockstar" + strings.Repeat("</div>", n), linter.HTML},
	}
	cfg := base(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			doc := linter.Parse("ad", []byte(tc.src), tc.format)
			fs := cfg.Lint(doc)
			if el := time.Since(start); el > 20*time.Second {
				t.Errorf("took %v", el)
			}
			found := false
			for _, f := range fs {
				found = found || f.Rule == "hype-title"
				if strings.HasPrefix(f.Message, "internal error") {
					t.Errorf("rule broke: %s", f.Message)
				}
			}
			if !found && tc.name != "emphasis" && tc.name != "links" {
				t.Errorf("the rockstar at the bottom was not found")
			}
		})
	}
}
