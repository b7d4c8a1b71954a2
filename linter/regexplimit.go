package linter

import (
	"fmt"
	"regexp/syntax"
	"strings"
	"unicode/utf8"
)

// Limits on a regular expression from a config file. Go's regexp package
// runs in time linear in the text, but also in the size of the compiled
// program: a pattern of a megabyte, or of counted repeats of counted
// repeats, would make every ad take seconds. The built-in rules stay far
// below both (their largest pattern is about 550 bytes and 500
// instructions).
const (
	MaxRegexpBytes = 10_000
	MaxRegexpInsts = 20_000
)

// CheckRegexpSize returns an error when expr, a regular expression from a
// config file, is over MaxRegexpBytes long or compiles (case-insensitively)
// to more than MaxRegexpInsts instructions. A syntax error is left for the
// caller's regexp.Compile to report.
func CheckRegexpSize(expr string) error {
	if len(expr) > MaxRegexpBytes {
		return fmt.Errorf("regular expression %s is %d bytes long (the limit is %d): split it into several patterns or use a phrase list", shortQuote(expr), len(expr), MaxRegexpBytes)
	}
	if !strings.Contains(expr, "{") {
		return nil // without counted repeats the program grows with the text of the pattern only
	}
	re, err := syntax.Parse(expr, syntax.Perl|syntax.FoldCase)
	if err != nil {
		return nil
	}
	prog, err := syntax.Compile(re.Simplify())
	if err != nil {
		return nil
	}
	if n := len(prog.Inst); n > MaxRegexpInsts {
		return fmt.Errorf("regular expression %s is too large (it compiles to %d instructions, the limit is %d): use smaller repeat counts", shortQuote(expr), n, MaxRegexpInsts)
	}
	return nil
}

// shortQuote quotes s, shortened to its first 40 bytes.
func shortQuote(s string) string {
	if len(s) > 40 {
		cut := 40
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		return fmt.Sprintf("%q…", s[:cut])
	}
	return fmt.Sprintf("%q", s)
}
