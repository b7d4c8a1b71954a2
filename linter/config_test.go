package linter_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/hirelint/hirelint"
	"github.com/hirelint/hirelint/linter"
	"github.com/hirelint/hirelint/rules"
)

func base(t *testing.T) *linter.Config { return baseB(t) }

func baseB(t testing.TB) *linter.Config {
	t.Helper()
	cfg, err := linter.NewConfig(rules.Kinds()).Extend(hirelint.DefaultRulesName, hirelint.DefaultRules)
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

func TestConfigErrors(t *testing.T) {
	tests := []struct {
		name, src             string
		line, col             int
		rule, key, msgContain string
	}{
		{"syntax", "[[rule]]\nid = \"x\"\nkind = \n", 3, 8, "", "kind", "TOML syntax"},
		{"unknown key", "[[rule]]\nid = \"no-jira\"\nkind = \"phrase\"\nseverity = \"info\"\nfamily = \"clarity\"\nmessage = \"m\"\nphrases = [\"jira\"]\nphrase = [\"x\"]\n", 8, 1, "no-jira", "phrase", "unknown key"},
		{"unknown kind", "[[rule]]\nid = \"x-y\"\nkind = \"regex\"\nseverity = \"info\"\n", 3, 1, "x-y", "kind", `unknown kind "regex"`},
		{"bad regexp", "[[rule]]\nid = \"bad-re\"\nkind = \"pattern\"\nseverity = \"info\"\nfamily = \"clarity\"\nmessage = \"m\"\n  patterns = ['(unclosed']\n", 7, 3, "bad-re", "patterns", "bad regular expression"},
		{"bad severity", "[[rule]]\nid = \"hype-title\"\nseverity = \"fatal\"\n", 3, 1, "hype-title", "severity", `unknown severity "fatal"`},
		{"duplicate id", "[[rule]]\nid = \"hype-title\"\nseverity = \"info\"\n\n[[rule]]\nid = \"hype-title\"\nseverity = \"error\"\n", 6, 1, "hype-title", "id", "duplicate rule id"},
		{"wrong type", "[[rule]]\nid = \"too-many-requirements\"\nmax = \"seven\"\n", 3, 1, "too-many-requirements", "max", "incompatible types"},
		{"new rule without kind", "[[rule]]\nid = \"brand-new\"\nseverity = \"info\"\n", 1, 1, "brand-new", "kind", "needs a kind"},
		{"kind change", "[[rule]]\nid = \"hype-title\"\nkind = \"pattern\"\n", 3, 1, "hype-title", "kind", "cannot change the kind"},
		{"unknown top-level key", "disabled = [\"ad-length\"]\n", 1, 1, "", "disabled", "unknown key"},
		{"unknown rule in disable", "disable = [\"no-such-rule\"]\n", 1, 1, "", "disable", `no rule or family "no-such-rule"`},
		{"bad id", "[[rule]]\nid = \"Bad_Id\"\n", 2, 1, "Bad_Id", "id", "kebab-case"},
		{"missing message", "[[rule]]\nid = \"new-one\"\nkind = \"phrase\"\nseverity = \"info\"\nfamily = \"x\"\nphrases = [\"a\"]\n", 1, 1, "new-one", "message", "missing message"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := base(t).Extend("/home/u/.hirelint.toml", []byte(tc.src))
			if err == nil {
				t.Fatal("no error")
			}
			var ce *linter.ConfigError
			if !errors.As(err, &ce) {
				t.Fatalf("error %v is not a ConfigError", err)
			}
			if ce.File != "/home/u/.hirelint.toml" || ce.Line != tc.line || (tc.col > 0 && ce.Col != tc.col) || ce.Rule != tc.rule || ce.Key != tc.key {
				t.Errorf("got file %q line %d col %d rule %q key %q, want line %d col %d rule %q key %q",
					ce.File, ce.Line, ce.Col, ce.Rule, ce.Key, tc.line, tc.col, tc.rule, tc.key)
			}
			if !strings.Contains(err.Error(), tc.msgContain) {
				t.Errorf("message %q does not contain %q", err.Error(), tc.msgContain)
			}
			if !strings.HasPrefix(err.Error(), "/home/u/.hirelint.toml:") {
				t.Errorf("message %q does not start with the file name", err.Error())
			}
		})
	}
}

func TestConfigOverrides(t *testing.T) {
	b := base(t)
	user := `
disable = ["readability"]

[[rule]]
id = "hype-title"
severity = "error"

[[rule]]
id = "too-many-requirements"
max = 10

[[rule]]
id = "no-jira"
kind = "phrase"
severity = "warning"
family = "clarity"
message = "internal jargon {match}"
phrases = ["jira ticket"]
`
	cfg, err := b.Extend("user.toml", []byte(user))
	if err != nil {
		t.Fatal(err)
	}
	if got := cfg.Lookup("hype-title"); got.Severity != linter.Error || got.Title == "" || got.Kind != "phrase" {
		t.Errorf("override lost the base rule: %+v", got.RuleHeader)
	}
	if b.Lookup("hype-title").Severity != linter.Warning {
		t.Error("extending changed the base config")
	}
	if cfg.IsActive(cfg.Lookup("ad-length")) {
		t.Error("ad-length should be off with its family disabled")
	}
	doc := linter.Parse("ad.md", []byte("We want a rockstar to close every Jira tickets.\n"), linter.Markdown)
	got := map[string]linter.Severity{}
	for _, f := range cfg.Lint(doc) {
		got[f.Rule] = f.Severity
	}
	if got["hype-title"] != linter.Error || got["no-jira"] != linter.Warning {
		t.Errorf("findings = %v, want hype-title error and no-jira warning", got)
	}
	if _, ok := got["ad-length"]; ok {
		t.Error("a disabled family still reported")
	}
	opts := cfg.Lookup("too-many-requirements").Options.(*rules.CountOptions)
	if *opts.Max != 10 || len(opts.Sections) == 0 || len(opts.Bands) != 1 {
		t.Errorf("override of max should keep the other options: %+v", opts)
	}
}

func TestDisabledRuleStillRequired(t *testing.T) {
	// vague-salary requires missing-salary; turning missing-salary off must
	// not change when vague-salary reports.
	cfg, err := base(t).Extend("u.toml", []byte("disable = [\"missing-salary\", \"ad-length\"]\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		src  string
		want bool
	}{
		{"We pay a competitive salary.", true},
		{"We pay a competitive salary: $100,000–$120,000 a year.", false},
	} {
		doc := linter.Parse("ad.txt", []byte(tc.src), linter.PlainText)
		var rules []string
		for _, f := range cfg.Lint(doc) {
			rules = append(rules, f.Rule)
		}
		if got := strings.Contains(strings.Join(rules, ","), "vague-salary"); got != tc.want {
			t.Errorf("%q: findings %v, vague-salary reported = %v, want %v", tc.src, rules, got, tc.want)
		}
		if strings.Contains(strings.Join(rules, ","), "missing-salary") {
			t.Errorf("%q: disabled missing-salary reported", tc.src)
		}
	}
}

// wordKind builds rules that report the document when it holds their
// option "word", and count their runs.
type wordKind struct{ runs map[string]int }

type wordOptions struct {
	Word string `toml:"word"`
}

type wordRule struct {
	k    *wordKind
	word string
}

func (*wordKind) Name() string    { return "word" }
func (*wordKind) Summary() string { return "reports when the ad holds a word" }
func (*wordKind) NewOptions() any { return &wordOptions{} }
func (k *wordKind) Build(o any) (linter.Rule, error) {
	return &wordRule{k: k, word: o.(*wordOptions).Word}, nil
}

func (r *wordRule) Check(p *linter.Pass) {
	r.k.runs[r.word]++
	if r.word == "kiwi" && strings.Contains(p.Doc.Text, "boom") {
		panic("boom")
	}
	if strings.Contains(p.Doc.Text, r.word) {
		p.ReportDoc("has " + r.word)
	}
}

func TestRequiresSkipsRule(t *testing.T) {
	kind := &wordKind{runs: map[string]int{}}
	src := `
[[rule]]
id = "a"
kind = "word"
severity = "info"
family = "test"
word = "apple"
message = "a"
[[rule]]
id = "b"
kind = "word"
severity = "info"
family = "test"
word = "banana"
message = "b"
requires = ["a"]
[[rule]]
id = "c"
kind = "word"
severity = "info"
family = "test"
word = "cherry"
message = "c"
requires = ["d"]
[[rule]]
id = "d"
kind = "word"
severity = "info"
family = "test"
word = "date"
message = "d"
requires = ["c"]
[[rule]]
id = "x"
kind = "word"
severity = "info"
family = "test"
word = "xx"
message = "x"
requires = ["y"]
[[rule]]
id = "y"
kind = "word"
severity = "info"
family = "test"
word = "yy"
message = "y"
requires = ["z"]
[[rule]]
id = "z"
kind = "word"
severity = "info"
family = "test"
word = "zz"
message = "z"
[[rule]]
id = "p"
kind = "word"
severity = "info"
family = "test"
word = "pp"
message = "p"
requires = ["q"]
[[rule]]
id = "q"
kind = "word"
severity = "info"
family = "test"
word = "qq"
message = "q"
requires = ["r"]
[[rule]]
id = "r"
kind = "word"
severity = "info"
family = "test"
word = "rr"
message = "r"
requires = ["p"]
[[rule]]
id = "s"
kind = "word"
severity = "info"
family = "test"
word = "sun"
message = "s"
only_if = ['\bmoon\b']
[[rule]]
id = "t"
kind = "word"
severity = "info"
family = "test"
word = "tea"
message = "t"
requires = ["s"]
[[rule]]
id = "k"
kind = "word"
severity = "info"
family = "test"
word = "kiwi"
message = "k"
[[rule]]
id = "l"
kind = "word"
severity = "info"
family = "test"
word = "lime"
message = "l"
requires = ["k"]
`
	cfg, err := linter.NewConfig([]linter.Kind{kind}).Extend("w.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		text, want string
		skipped    string // the words of the rules not run
	}{
		// b's findings are kept only where a reports: where a found
		// nothing, b is not run at all. So is x where y found nothing.
		{"banana", "", "banana xx tea lime"},
		{"apple banana", "a,b", "xx tea lime"},
		{"apple", "a", "xx tea lime"},
		// c and d require each other: both are run, and kept when both
		// report.
		{"cherry date", "c,d", "banana xx tea lime"},
		{"cherry", "", "banana xx tea lime"},
		// x requires y, which requires z: y is run though z found
		// nothing, since x is kept when y reports.
		{"xx yy", "x", "banana tea lime"},
		{"xx yy zz", "x,y,z", "banana tea lime"},
		// p, q and r require each other in a ring: all are run. p is
		// kept where q reports, though r found nothing.
		{"pp qq", "p", "banana xx tea lime"},
		{"pp qq rr", "p,q,r", "banana xx tea lime"},
		// s's finding is dropped by its only_if, so t is not run.
		{"sun tea", "", "banana xx tea lime"},
		{"sun tea moon", "s,t", "banana xx lime"},
		// k panics: its error finding counts as a finding, so l runs.
		{"lime boom", "k,l", "banana xx tea"},
		{"lime", "", "banana xx tea lime"},
	} {
		clear(kind.runs)
		var got []string
		for _, f := range cfg.Lint(linter.Parse("ad.txt", []byte(tc.text), linter.PlainText)) {
			got = append(got, f.Rule)
		}
		if g := strings.Join(got, ","); g != tc.want {
			t.Errorf("%q: findings %q, want %q", tc.text, g, tc.want)
		}
		skipped := strings.Fields(tc.skipped)
		for _, w := range []string{"apple", "banana", "cherry", "date", "xx", "yy", "zz", "pp", "qq", "rr", "sun", "tea", "kiwi", "lime"} {
			want := 1
			if slices.Contains(skipped, w) {
				want = 0
			}
			if kind.runs[w] != want {
				t.Errorf("%q: the rule for %q ran %d times, want %d", tc.text, w, kind.runs[w], want)
			}
		}
	}
}
