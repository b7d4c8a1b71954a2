package rules

import (
	"testing"

	"github.com/hirelint/hirelint/linter"
)

// TestRequireInsertFix checks the fix a require rule with insert offers:
// its message quotes the text to add, and its edit appends that text on a
// line of its own. A rule without insert offers none.
func TestRequireInsertFix(t *testing.T) {
	for _, c := range []struct{ insert, message string }{
		{"Salary: <range>", `add "Salary: <range>" and complete it`},
		{`Pay: "TBD"`, `add "Pay: \"TBD\"" and complete it`},
	} {
		src := "[[rule]]\nid = \"my-require\"\nkind = \"require\"\nseverity = \"warning\"\nfamily = \"x\"\nmessage = \"m\"\n" +
			"phrases = [\"salary\"]\ninsert = '" + c.insert + "'\n"
		cfg, err := linter.NewConfig(Kinds()).Extend("user.toml", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		for _, ad := range []struct{ text, newText string }{
			{"We build tools.", "\n" + c.insert + "\n"},
			{"We build tools.\n", c.insert + "\n"},
		} {
			fs := cfg.Lint(linter.Parse("ad.txt", []byte(ad.text), linter.PlainText))
			if len(fs) != 1 || len(fs[0].Fixes) != 1 {
				t.Fatalf("insert %q, ad %q: findings %+v, want one with one fix", c.insert, ad.text, fs)
			}
			fix := fs[0].Fixes[0]
			if fix.Message != c.message {
				t.Errorf("insert %q: fix message %q, want %q", c.insert, fix.Message, c.message)
			}
			want := linter.TextEdit{Span: linter.Span{Start: len(ad.text), End: len(ad.text)}, NewText: ad.newText}
			if len(fix.Edits) != 1 || fix.Edits[0] != want {
				t.Errorf("insert %q, ad %q: edits %+v, want %+v", c.insert, ad.text, fix.Edits, want)
			}
		}
		if fs := cfg.Lint(linter.Parse("ad.txt", []byte("The salary is 50k."), linter.PlainText)); len(fs) != 0 {
			t.Errorf("insert %q: an ad that names the salary has findings %+v", c.insert, fs)
		}
	}
	// Without insert, the finding offers no fix.
	src := "[[rule]]\nid = \"my-require\"\nkind = \"require\"\nseverity = \"warning\"\nfamily = \"x\"\nmessage = \"m\"\nphrases = [\"salary\"]\n"
	cfg, err := linter.NewConfig(Kinds()).Extend("user.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	fs := cfg.Lint(linter.Parse("ad.txt", []byte("We build tools."), linter.PlainText))
	if len(fs) != 1 || len(fs[0].Fixes) != 0 {
		t.Errorf("without insert: findings %+v, want one without fixes", fs)
	}
}
