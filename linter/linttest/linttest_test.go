package linttest

import (
	"reflect"
	"testing"
)

func TestExtract(t *testing.T) {
	src := "a rockstar <!-- want hype-title@\"rockstar\" want x-y@\"a \\\"b\\\"\" -->\n<!-- want@doc missing-salary -->\n<!-- linttest disable ad-length pay -->\n"
	clean, wants, disable, err := Extract([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(clean) != len(src) {
		t.Fatalf("blanking changed the length: %d != %d", len(clean), len(src))
	}
	if string(clean[:11]) != "a rockstar " || clean[12] != ' ' || clean[len(clean)-1] != '\n' {
		t.Errorf("comments not blanked: %q", clean)
	}
	want := []Want{{"hype-title", 1, "rockstar"}, {"x-y", 1, `a "b"`}, {"missing-salary", 0, ""}}
	if !reflect.DeepEqual(wants, want) {
		t.Errorf("wants = %v, want %v", wants, want)
	}
	if !reflect.DeepEqual(disable, []string{"ad-length", "pay"}) {
		t.Errorf("disable = %v", disable)
	}
	if _, _, _, err := Extract([]byte("<!-- want nothing here -->")); err == nil {
		t.Error("a want comment without a want should be an error")
	}
}

func TestCompare(t *testing.T) {
	wants := []Want{{"a", 1, "x  y"}, {"b", 0, ""}, {"c", 2, "z"}}
	got := []Want{{"a", 1, "x\ny"}, {"b", 0, ""}, {"d", 3, "q"}}
	missing, unexpected := Compare(wants, got)
	if !reflect.DeepEqual(missing, []Want{{"c", 2, "z"}}) {
		t.Errorf("missing = %v", missing)
	}
	if !reflect.DeepEqual(unexpected, []Want{{"d", 3, "q"}}) {
		t.Errorf("unexpected = %v", unexpected)
	}
	// A finding wanted once but reported twice is unexpected the second time.
	_, unexpected = Compare([]Want{{"a", 1, "x"}}, []Want{{"a", 1, "x"}, {"a", 1, "x"}})
	if len(unexpected) != 1 {
		t.Errorf("duplicate finding not reported as unexpected: %v", unexpected)
	}
}
