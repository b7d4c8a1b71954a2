package rules

import (
	"fmt"
	"math/rand"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/hirelint/hirelint/linter"
)

// blockMatches runs re over every block of d, as if there were no
// prefilter.
func blockMatches(re regexpRule, d *linter.Document) [][2]int {
	var out [][2]int
	for _, b := range d.Blocks {
		for _, m := range re.Regexp().FindAllStringIndex(d.Text[b.Start:b.End], -1) {
			out = append(out, [2]int{b.Start + m[0], b.Start + m[1]})
		}
	}
	return out
}

func spanMatches(re regexpRule, d *linter.Document) [][2]int {
	var out [][2]int
	for _, sp := range re.spans(d) {
		base, _, ms := re.find(d, sp, false)
		for _, m := range ms {
			out = append(out, [2]int{base + m[0], base + m[1]})
		}
		if re.matches(d, sp) != (len(ms) > 0) {
			panic(fmt.Sprintf("matches and find disagree on %q", d.Text[sp.start:sp.end]))
		}
	}
	return out
}

// TestSpansFindEveryMatch checks that searching only the windows around
// literal occurrences finds exactly the matches a search of whole blocks
// finds, for expressions with word boundaries, line anchors, unbounded
// repeats and case folding, over random text built from their pieces.
func TestSpansFindEveryMatch(t *testing.T) {
	exprs := []string{
		`\bsalary\b`, `^salary`, `salary$`, `\bpay\s+range\b`, `\b\d+k\s*(?:-|to)\s*\d+k\b`,
		`(?:[$€]|\bUS\$)\s?[1-9][\d,.]*(?:[^\pL\pN.,]|$)`, `\bfrom\s+(?:\w+\s+){0,3}home\b`,
		`(?-i:\b[A-Z][a-z]+\s+office\b)`, `^\s*remote\s*$`, `\bk\b`, `équipe\s+\w*`, `\Bary\B`,
		`per\s+year.*`, `\bin\s+(?-i:[A-Z]\w+)`, `\bpay\s`, `\s+range\b`, `\b(?:in|from)\s+home`,
		`(?:x|\b)ary\b`, `\bK\b`, `\bpay\b[^.\n]{0,12}?\b\d+k\b`, `sal(?s:.){2,6}y`, `(?:^|,\s*)salary\b`, `\bpay(?:$|\.)`, `(?:^|x)\s*remote`, `(?:^|\B)salary`, `salary(?:$|\B)`, `(?-i:\bSalary\b)`, `(?-i:US\$)`, `\bus\s(?:ranges?|pay)\b`, `\b(?:ranges?|pay)\b`, `[$]\d+k\b`, `^[ \t]*[A-Za-z0-9]{3,6}[ \t]*$`, `^\s*\w+`, `^`, `^\d`,
		// Two literal parts: windows around one must hold the other.
		`\bpay\b[^\n]{0,20}\bsalary\b`, `\bfrom\s+home\s+(?:in\s+)?office`, `(?-i:\bSalary\b)\s+in\s+(?:\w+\s+){0,2}range`,
		// Three literal parts: windows must hold the other two.
		`\b(?:in|from)\s+(?:salary|pay)\s+range`, `\bpay\s+(?:in|from)\s+(?:my|us)\s+(?:range|office)\b`,
		`\b(?:salary|range)\s+(?:office|home)\s+(?:salary|pay)\b`,
		// Digits or symbols that every match holds.
		`\bpay\b[^\n]{0,9}?\d+\s*k\b`, `\b(?:us|my)\s+(?:\$|[1-9]0)`, `(?:from|pay)\s*\d?\s*range`,
		// Literals that start a match's text without ending it: the
		// alternatives are stored as "sal(?:ary|\s+range)".
		`\bin\s+(?:salary|sal\s+range)\b`, `\b(?:my|us)\s+(?:salary|sal\s*range|pay)`,
	}
	pieces := []string{"salary", "Salary", "SALARY", "pay", "range", "  ", " ", "\n", "\t", "$", "€", "US$", "1", "0", "120", "k",
		"K", "\u212a", "-", "to", ",", ".", "from", "home", "my", "office", "Berlin", "in", "per", "year", "remote", "équipe",
		"é", "x", "ary", "_", "\xff", "ſ", "s", "us", "ranges"}
	// Texts where a literal stands for longer strings ("resident" for
	// "residents"), which random text rarely spells.
	for _, tc := range []struct{ expr, text string }{
		{`\bus\s(?:ranges?|pay)\b`, "our us ranges, us range and us pay"},
		// Outside ASCII, a character takes more bytes than one: a
		// window as wide as the characters would be too narrow.
		{`\bpay\b[^\n]{0,20}\bsalary\b`, "pay ééééééééééééééé salary"},
		{`\bpay\b[^\n]{0,20}\bsalary\b|\bsalary\b[^\n]{0,20}\bpay\b`, "pay ééééééééééééééé salary"},
		{`\bUS\s(?:residents?|based)\b`, "for US residents or US based staff"},
		{`\bin\s+(?:salary|sal\s+range)\b`, "in sal range, in salary, in sal  range and in salrange"},
		// Letters that lower-case to ASCII ("İ" to "i") or that case
		// folding matches to another ("ß" and "ẞ"), and U+FFFD (which
		// matches a byte that is not UTF-8).
		{`(?:^|,)İ(?:zmir|stanbul\s+office)`, "İzmir, İstanbul office"},
		{`\bour\s+(?:İzmir|us)\s+office\b`, "our İzmir office"},
		{`İstanbul`, "in İstanbul"},
		{`straße`, "STRAẞE and Straße"},
		{`\bour\s+(?:\x{FFFD}x|us)\s+office\b`, "our \xffx office"},
		// A further literal set, in another case than written.
		{`\b(?:salary|range)\s+(?:office|home)\s+(?:salary|pay)\b`, "salary home Salary, range office PAY"},
		// Second literals that start a part without ending it ("head"
		// in "headquarters").
		{`\b(?:with|its)\s+(?:headquarters|hq|head\s+office)\b`, "its headquarters, with hq, its head office and its head"},
		{`\b(?:with|its)\s+(?:hq|head\w*\s+office)\b`, "its headquarter office, with hq and its heads office"},
		{`\b(?:remote|hybrid)(?:ly)?\b`, "remotely or hybrid"},
		{`(?-i:\b[A-Z][a-z]+,\s*(?:CA|NY)\b)`, "in Austin, TX or Oakland, CA; ca, ny or Troy, NY"},
		// Anchored at a line's start (end), with a line break between
		// the anchor and the literal.
		{`^pay\s+salary`, "pay\nsalary and\npay salary"},
		{`salary\s+pay$`, "salary\npay\nor salary pay"},
		{`^(?:yyyypay\s(?:[a-z]|salary)(k)|[a-z])(?:\W|$)(?:(?:\w){0,3}){0,3}:`, "a\naxsal: Pay"},
	} {
		re, err := compileAll("patterns", []string{tc.expr})
		if err != nil {
			t.Fatal(err)
		}
		d := linter.Parse("ad.txt", []byte(tc.text), linter.PlainText)
		if want, got := blockMatches(re[0], d), spanMatches(re[0], d); !reflect.DeepEqual(want, got) || len(want) == 0 {
			t.Errorf("%s over %q:\nblocks %v\nspans  %v", tc.expr, tc.text, want, got)
		}
	}
	// A cased literal found in another case where it ends the text: its
	// window starts at the text's end.
	if re, err := compileAll("patterns", []string{`(?-i:(?:hq)+)`}); err != nil {
		t.Fatal(err)
	} else if got := spanMatches(re[0], linter.Parse("ad.txt", []byte("SHQ"), linter.PlainText)); len(got) != 0 {
		t.Errorf("(?-i:(?:hq)+) over %q: spans %v", "SHQ", got)
	}
	// Half the texts are ASCII only, where windows are measured in
	// characters.
	var ascii []string
	for _, p := range pieces {
		if isASCII(p) {
			ascii = append(ascii, p)
		}
	}
	rng := rand.New(rand.NewSource(1))
	for _, e := range exprs {
		re, err := compileAll("patterns", []string{e})
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i < 400; i++ {
			from := pieces
			if i%2 == 0 {
				from = ascii
			}
			var b strings.Builder
			for n := rng.Intn(60); n > 0; n-- {
				b.WriteString(from[rng.Intn(len(from))])
			}
			d := linter.Parse("ad.txt", []byte(b.String()), linter.PlainText)
			want, got := blockMatches(re[0], d), spanMatches(re[0], d)
			if !reflect.DeepEqual(want, got) {
				t.Fatalf("%s over %q:\nblocks %v\nspans  %v", e, d.Text, want, got)
			}
		}
	}
}

func TestShapeBounds(t *testing.T) {
	for _, tc := range []struct {
		expr  string
		fixed int
		runs  string
	}{
		{`abc`, 3, "[]"},
		{`(?i)k`, 3, "[]"}, // the Kelvin sign is three bytes
		{`a\s+b`, 2, "[{[9 10 12 13 32 32] 1}]"},
		{`a(?:\s+b){0,2}`, 3, "[{[9 10 12 13 32 32] 2}]"},
		{`x|yy|\d*`, 2, "[{[48 57] 1}]"},
		{`é{2,3}`, 6, "[]"},
	} {
		sh := shapeOf(tc.expr)
		if sh.fixed != tc.fixed || fmt.Sprint(sh.runs) != tc.runs {
			t.Errorf("%s: fixed %d runs %v, want %d %s", tc.expr, sh.fixed, sh.runs, tc.fixed, tc.runs)
		}
	}
}

// TestSideBounds checks the bounds of a match on either side of its
// first-set literal: the parts before the literal's part and after it.
func TestSideBounds(t *testing.T) {
	for _, tc := range []struct {
		expr          string
		sided         bool
		before, after string
	}{
		// The literal is "salary:": a match ends at most a run of spaces
		// and 3 digits after it, and starts where it starts.
		{`\bsalary:\s+\d{1,3}`, true, "{7 7 [0]}", "{10 10 [1]}"},
		{`\d{1,3}\s+salary\b`, true, "{9 9 [1]}", "{6 6 [0]}"},
		// The literal is the last part, "year": all of the rest (three
		// runs of spaces, one of digits) comes before it.
		{`(?:from\s+)?\d+k\s+per\s+year`, true, "{12 12 [3 1]}", "{4 4 [0 0]}"},
		// No concatenation: the whole bound on both sides.
		{`salary|pay`, false, "{0 0 []}", "{0 0 []}"},
	} {
		sh := shapeOf(tc.expr)
		if sh.sided != tc.sided || fmt.Sprint(sh.before) != tc.before || fmt.Sprint(sh.after) != tc.after {
			t.Errorf("%s: sided %t before %v after %v, want %t %s %s (runs %v, lits %q)",
				tc.expr, sh.sided, sh.before, sh.after, tc.sided, tc.before, tc.after, sh.runs, sh.lits)
		}
	}
}

func TestLiteralWordMarks(t *testing.T) {
	for _, tc := range []struct {
		expr string
		want string
	}{
		{`(?i)\bin\s+\w`, "[\xffin\xff]"},
		{`(?i)\b(?:remote|hybrid)\b`, "[\xffremote\xff \xffhybrid\xff]"},
		{`(?i)(?:x|\b)salary\b`, "[salary\xff]"},
		{`(?i)\bbased\s+in`, "[\xffbased\xff]"},
		{`(?i)[$]\d`, "[$]"},
		{`(?i)pay\w`, "[pay]"},
		// Optional non-word characters are looked past.
		{`(?-i:[a-z],\s*(?:CA|NY)\b)`, "[\xff\xfeCA\xff \xff\xfeNY\xff]"},
	} {
		if got := fmt.Sprint(shapeOf(tc.expr).lits); got != tc.want {
			t.Errorf("%s: literals %q, want %q", tc.expr, got, tc.want)
		}
	}
}

// TestSecondLiterals checks the second literal set of an expression: from
// another part of a concatenation than the first, with its own word
// marks, and none where there is no other part.
func TestSecondLiterals(t *testing.T) {
	for _, tc := range []struct {
		expr       string
		lits, also string
	}{
		{`(?i)\b10x\s+(?:engineers?|developers?)\b`, "[\xffengineer \xffdeveloper]", "[\xff10x\xff]"},
		{`(?i)(?P<m>\bpay\s+range\b)`, "[\xffrange\xff]", "[\xffpay\xff]"},
		{`(?i)\b(?:depending|depends)\s+on\s+(?:your\s+)?experience`, "[experience]", "[\xffdepending\xff \xffdepends\xff]"},
		{`(?i)\bsalary\b`, "[\xffsalary\xff]", "[]"},
		{`(?i)(?:pay|salary)|range`, "[pay salary range]", "[]"},
		{`(?i)\d+\s*(?:week|wk)\b`, "[week\xff wk\xff]", "[]"},
		// The second part is stored as "h(?:eadquarters|q|ead\s+office)":
		// each match of it starts with "hq" or "head".
		{`(?i)\b(?:with|its)\s+(?:headquarters|hq|head\s+office)\b`, "[\xffwith\xff \xffits\xff]", "[\xffhq \xffhead]"},
	} {
		sh := shapeOf(tc.expr)
		if got := fmt.Sprint(sh.lits); got != tc.lits {
			t.Errorf("%s: literals %q, want %q", tc.expr, got, tc.lits)
		}
		if got := fmt.Sprint(sh.also); got != tc.also {
			t.Errorf("%s: second literals %q, want %q", tc.expr, got, tc.also)
		}
	}
}

// TestNeedBytes checks the digits and symbols an expression's every
// match holds: one part's, the fewest, and for alternatives all of theirs;
// none for optional parts, letters, white space, classes beyond ASCII, or
// more than maxNeed bytes.
func TestNeedBytes(t *testing.T) {
	for _, tc := range []struct{ expr, need string }{
		{`\bsalary:\s+\d{1,3}`, ":"},
		{`\bsalary\s+\d{1,3}`, "0123456789"},
		{`\b(?:\d{2}|4[1-9]\d|40[02-9])k\b`, "0123456789"},
		{`\d+%`, "%"},
		{`\b(?:4[1-9]|40)\b`, "4"},
		{`(?i)\bUS\$\d`, "$"},
		{`#J-\d{3,}-[A-Za-z]+`, "#"},
		{`(?:p\.a\.|/\s?yr)`, "./"},
		{`[$£]\d+`, "0123456789"},
		{`(?i)\bpay\s*\d?\s*range`, ""},
		{`(?i)\bhealth\b`, ""},
		{`\d*\s+k`, ""},
		{`[£€]`, ""},
		{`(?:\d+|range)`, ""},
		{`[0-9a-f]{4}`, ""},
		{`[!-/]`, ""},
	} {
		if got := shapeOf(tc.expr).need; got != tc.need {
			t.Errorf("%s: need %q, want %q", tc.expr, got, tc.need)
		}
	}
}

// TestFurtherLiterals checks the further literal sets of an expression,
// looked for in a window's text: each from a part of its own, none taken
// by the first two sets, the rarer first ("my" or "us" before "in" or
// "from").
func TestFurtherLiterals(t *testing.T) {
	for _, tc := range []struct{ expr, lits, also, more string }{
		{`(?i)\b(?:in|from)\s+(?:salary|pay)\s+range`, "[\xffrange]", "[\xffsalary\xff \xffpay\xff]", "[[in from]]"},
		{`(?i)\bpay\s+(?:in|from)\s+(?:my|us)\s+(?:range|office)\b`, "[\xffrange\xff \xffoffice\xff]", "[\xffpay\xff]", "[[my us] [in from]]"},
		{`(?i)\b(?:salary|range)\s+(?:office|home)\s+(?:salary|pay)\b`, "[\xffsalary\xff \xffrange\xff]", "[\xffoffice\xff \xffhome\xff]", "[[salary pay]]"},
		{`(?i)\bsalary\b`, "[\xffsalary\xff]", "[]", "[]"},
		{`(?i)\bpay\s+range\b`, "[\xffrange\xff]", "[\xffpay\xff]", "[]"},
	} {
		sh := shapeOf(tc.expr)
		got := fmt.Sprint(sh.lits) + fmt.Sprint(sh.also) + fmt.Sprint(sh.more)
		if want := tc.lits + tc.also + tc.more; got != want {
			t.Errorf("%s: literal sets %q, want %q", tc.expr, got, want)
		}
	}
}

// TestSecondLiteralsInWindows checks that a window is searched only when
// it holds one of the expression's second literals as the literal search
// would have found it: within the window, starting and ending a word
// where it must, and in case where it must.
func TestSecondLiteralsInWindows(t *testing.T) {
	for _, tc := range []struct {
		expr, also string
		texts      map[string]int // text: windows kept
	}{
		{`(?i)\bpay\s+range\b`, "[\xffpay\xff]", map[string]int{
			"PAY range":                    1,
			"range pay":                    0, // after the window
			"a          b. payx pay range": 1, // past one that ends no word
			"the range is wide":            0,
			"repay range":                  0,
			"payment range":                0,
			"pay.\n\nrange":                0, // another block
			"pay " + strings.Repeat("w ", 60) + "range": 0, // too far
		}},
		{`(?-i:\bOTE\b)\s+(?:range|band)`, "[\xff\xfeOTE\xff]", map[string]int{
			"OTE range": 1,
			"ote band":  0,
			"NOTE band": 0,
		}},
		// Further sets ("in" or "from", "my" or "us") must be in the window.
		{`(?i)\bpay\s+(?:in|from)\s+(?:my|us)\s+(?:range|office)\b`, "[\xffpay\xff]", map[string]int{
			"pay in my range":  1,
			"pay in the range": 0,
			"pay at my range":  0,
		}},
		// Every match holds a digit.
		{`(?i)\bpay\b[^\n]{0,9}?\d+\s*k\b`, "[]", map[string]int{
			"pay 5k":     1,
			"pay k":      0,
			"pay five k": 0,
		}},
	} {
		r := withPrefilter(regexp.MustCompile(tc.expr), tc.expr)
		if got := fmt.Sprint(r.also); got != tc.also {
			t.Fatalf("%s: second literals %q, want %q", tc.expr, got, tc.also)
		}
		for text, want := range tc.texts {
			d := linter.Parse("ad.md", []byte(text), linter.Markdown)
			if got := len(r.spans(d)); got != want {
				t.Errorf("%s over %q: %d windows, want %d", tc.expr, text, got, want)
			}
		}
	}
}

func TestLiteralsSpelledOut(t *testing.T) {
	for _, tc := range []struct {
		expr string
		want string
	}{
		// The parser factors alternatives ("w(?:eek|k)"); the literals are
		// still the whole words.
		{`(?i)\d\s*(?:week|wk)\b`, "[week\xff wk\xff]"},
		// Case-sensitive literals must match in case.
		{`(?-i:\bD\.?O\.?E\b\.?)`, "[\xff\xfeDOE\xff \xff\xfeDO.E\xff \xff\xfeD.OE\xff \xff\xfeD.O.E\xff]"},
		{`(?i)\bpay\b|(?-i:\bOTE\b)`, "[\xffpay\xff \xff\xfeOTE\xff]"},
		{`(?i)\bsalar(?:y|ies)\b`, "[\xffsalary\xff \xffsalaries\xff]"},
		// "residents" holds "resident", which then need not end a word.
		{`(?i)\b(?:residents?|based)\b`, "[\xffresident \xffbased\xff]"},
	} {
		if got := fmt.Sprint(shapeOf(tc.expr).lits); got != tc.want {
			t.Errorf("%s: literals %q, want %q", tc.expr, got, tc.want)
		}
	}
}

// TestLiteralsByFrequency checks that, among literal sets whose shortest
// literals are as long, the one expected to occur less often is chosen.
func TestLiteralsByFrequency(t *testing.T) {
	for _, tc := range []struct {
		expr string
		want string
	}{
		// Currency symbols are rarer than dashes and "to".
		{`(?i)\d+\s*(?:-|to)\s*[$£€]\d+`, "[$ £ €]"},
		// "DOE" in capitals is rarer than "the".
		{`(?-i:\bthe\s+DOE\b)`, "[\xff\xfeDOE\xff]"},
		// Between long literals, fewer is better (as it was before
		// frequencies were estimated).
		{`(?i)\b(?:skill|level|ability)\s+(?:based|depend)\b`, "[\xffbased\xff \xffdepend\xff]"},
		// A literal two alternatives give is looked for once.
		{`(?-i:\bthe\s+DOE\b|\bDOE\s+[Ll]ab)`, "[\xff\xfeDOE\xff]"},
	} {
		if got := fmt.Sprint(shapeOf(tc.expr).lits); got != tc.want {
			t.Errorf("%s: literals %q, want %q", tc.expr, got, tc.want)
		}
	}
}

// TestSpansBuiltinExpressions runs every expression of the built-in rules
// over the example and fixture ads, searching windows and whole blocks,
// and wants the same matches.
func TestSpansBuiltinExpressions(t *testing.T) {
	docs := builtinDocs(t)
	for i, p := range prepared {
		re := preparedRule(i)
		for _, d := range docs {
			if want, got := blockMatches(re, d), spanMatches(re, d); !reflect.DeepEqual(want, got) {
				t.Errorf("%s over %s:\nblocks %v\nspans  %v", p.expr, d.Path, want, got)
			}
		}
	}
}

// builtinDocs returns the example, fixture and editor test ads.
func builtinDocs(t *testing.T) []*linter.Document {
	t.Helper()
	var docs []*linter.Document
	for _, dir := range []string{"../testdata/examples", "../testdata/fixtures", "../testdata/lsp"} {
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			src, err := os.ReadFile(dir + "/" + e.Name())
			if err != nil {
				t.Fatal(err)
			}
			docs = append(docs, linter.Parse(e.Name(), src, linter.FormatForPath(e.Name())))
		}
	}
	if len(docs) < 10 {
		t.Fatalf("only %d ads", len(docs))
	}
	return docs
}

// TestMatchLines checks that searching only the lines with literal
// occurrences finds what searching the whole prose finds, for every
// built-in expression without line breaks over every example and fixture
// ad, and for anchored and word-bounded expressions over made-up ads.
func TestMatchLines(t *testing.T) {
	docs := builtinDocs(t)
	made := []string{
		"# Pay\n\nSalary: competitive\n\nWe offer a salary.",
		"Remote\nwork from home\n\nhome office",
		"The team is great.\n\n- salary negotiable\n- competitive",
		"SALARYpay\n\npay",
	}
	for i, src := range made {
		docs = append(docs, linter.Parse(fmt.Sprintf("made%d.md", i), []byte(src), linter.Markdown))
	}
	exprs := []string{`(?im)^\s*competitive\s*$`, `(?im)\bpay\b`, `(?im)^salary:`, `(?im)negotiable$`, `(?im)from home\b`, `(?im)\bhome office$`}
	for _, p := range prepared {
		exprs = append(exprs, p.expr)
	}
	checked := 0
	for _, e := range exprs {
		r := withPrefilter(regexp.MustCompile(e), e)
		if !r.oneLine || r.textEdges || r.litIDs == nil {
			continue // not searched line by line (see docMatcher)
		}
		checked++
		for _, d := range docs {
			if want, got := r.Regexp().MatchString(d.Text), r.matchLines(d); want != got {
				t.Errorf("%s over %s: whole text %t, lines %t", e, d.Path, want, got)
			}
		}
	}
	if checked < 50 {
		t.Fatalf("only %d expressions checked", checked)
	}
}

// An only_if or skip_if expression with \A or \z sees the edges of the
// whole text, not of each line, though its matches hold no line break.
func TestDocMatcherTextEdges(t *testing.T) {
	for _, tc := range []struct {
		pattern, src string
	}{
		{`\Asalary`, "Intro line\nsalary here"},
		{`\Asalary`, "salary here\nIntro line"},
		{`salary\z`, "salary\nmore text"},
		{`salary\z`, "more text\nthe salary"},
		{`\Asalary\b`, "Intro\n\nsalary"},
	} {
		match, err := docMatcher(tc.pattern)
		if err != nil {
			t.Fatal(err)
		}
		d := linter.Parse("ad.md", []byte(tc.src), linter.Markdown)
		want := regexp.MustCompile(linter.ProseExpr(tc.pattern)).MatchString(d.Text)
		if got := match(d); got != want {
			t.Errorf("%s over %q: %t, the whole text says %t", tc.pattern, tc.src, got, want)
		}
	}
}

// TestCompareJoined checks that comparing a string with two parts gives
// what comparing it with their join gives, over short strings of an
// alphabet small enough to hit every case: a shorter, a longer, a start
// of the first part, equal.
func TestCompareJoined(t *testing.T) {
	strs := asciiWords("ab(", 3)
	for _, s := range strs {
		for _, a := range strs {
			for _, b := range strs {
				if got, want := compareJoined(s, a, b), strings.Compare(s, a+b); got != want {
					t.Fatalf("compareJoined(%q, %q, %q) = %d, want %d", s, a, b, got, want)
				}
			}
		}
	}
}

// TestYearsExprWindowed checks that the years expression's matches reach
// around "year" by bounds that count runs of white space only, not runs of
// words: its windows are then a sentence's length, not a paragraph's.
func TestYearsExprWindowed(t *testing.T) {
	sh := shapeOf(yearsExpr())
	if sh.fixed < 0 || !sh.sided || !slices.Contains(sh.lits, "year") {
		t.Fatalf("years expression: bound %d, sided %t, literals %q; want a bound on both sides of \"year\"", sh.fixed, sh.sided, sh.lits)
	}
	for _, side := range []sideBound{sh.before, sh.after} {
		for i, m := range side.mults {
			if class := sh.runs[i].class; m > 0 && slices.ContainsFunc(class, func(r rune) bool { return !unicode.IsSpace(r) }) {
				t.Errorf("years expression: reaches %d runs of %q; want white space only", m, string(class))
			}
		}
	}
}

// TestYearsExprEnd checks where a years requirement ends: before what the
// years are of, past several connectors and adjectives, up to their
// bounds (three connectors before the adjectives and three after, six
// adjectives), both as the expression has it and as yearsFindAll reads
// it.
func TestYearsExprEnd(t *testing.T) {
	whole := regexp.MustCompile(yearsExpr())
	for _, c := range []struct{ text, next string }{
		{"At least 4 years of relevant professional hands-on production experience with Kubernetes.", "Kubernetes"},
		{"5+ yrs of working with Kubernetes.", "Kubernetes"},
		{"3 years Kubernetes.", "Kubernetes"},
		{"5 years of in with on at as of Kubernetes.", "of Kubernetes"},
		{"5 years relevant proven practical solid direct applied working experience.", "working experience"},
		// A word of the tail ends a word: not "on" in "ONNX", "in" in
		// "industry", "exp" in "expertise" or "as" in "ASP.NET".
		{"12 years of ONNX.", "ONNX"},
		{"5 years of industry experience with Airflow.", "Airflow"},
		{"5 years of expertise in dbt.", "dbt"},
		{"5 years of ASP.NET.", "ASP.NET"},
	} {
		want := strings.Index(c.text, c.next)
		if m := whole.FindStringIndex(c.text); m == nil || m[1] != want {
			t.Errorf("%q: the expression's match %v, want one ending at %d", c.text, m, want)
		}
		if ms := yearsFindAll(c.text, 1); len(ms) != 1 || ms[0][1] != want {
			t.Errorf("%q: yearsFindAll %v, want one match ending at %d", c.text, ms, want)
		}
	}
}
