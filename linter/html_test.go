package linter

import (
	"strings"
	"testing"
)

func TestHTMLPositions(t *testing.T) {
	tests := []struct {
		name, src string
		word      string // in the prose
		source    string // what its span holds in the source; word if ""
		line, col int
	}{
		{"multibyte before", "<p>Café – Zürich: rockstar wanted</p>", "rockstar", "", 1, 19},
		{"emoji before", "<p>🚀🚀 <i>rockstar</i></p>", "rockstar", "", 1, 10},
		{"tags on the same line", "<div><p>We <b>want</b> a <em>rockstar</em> dev</p></div>", "rockstar", "", 1, 30},
		{"after entities", "<p>R&amp;D &amp; caf&eacute; rockstar</p>", "rockstar", "", 1, 30},
		{"after comment and script", "<p><!-- note --><script>var x = '<p>';</script>We want a rockstar</p>", "rockstar", "", 1, 58},
		{"entity inside", "<p>Our R&amp;D lab</p>", "R&D", "R&amp;D", 1, 8},
		{"crlf", "<h1>Job</h1>\r\n<p>We want\r\na rockstar</p>", "rockstar", "", 3, 3},
		{"bom", "\ufeff<p>A rockstar</p>", "rockstar", "", 1, 6},
		{"nested list", "<ul>\n  <li>Python\n    <ul><li>a nested rockstar</li></ul>\n  </li>\n</ul>", "rockstar", "", 3, 22},
		{"after br", "<p>Location: Zürich<br>\n  Pay: rockstar</p>", "rockstar", "", 2, 8},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := Parse("x.html", []byte(tc.src), HTML)
			s, e := find(t, d, tc.word)
			sp := d.SourceSpan(s, e)
			want := tc.source
			if want == "" {
				want = tc.word
			}
			if got := string(d.Source[sp.Start:sp.End]); got != want {
				t.Fatalf("source span %v holds %q, want %q", sp, got, want)
			}
			line, col := d.Position(sp.Start)
			if line != tc.line || col != tc.col {
				t.Errorf("position = %d:%d, want %d:%d", line, col, tc.line, tc.col)
			}
		})
	}
}

func TestHTMLEntities(t *testing.T) {
	src := "<p>R&amp;D at Smith&nbsp;&amp;&nbsp;Co: &lt;3 caf&eacute; &#8364;5 &#x41;BC &copy 2024 &notit; a&b &unknown;</p>"
	d := Parse("x.html", []byte(src), HTML)
	want := "R&D at Smith & Co: <3 café €5 ABC © 2024 ¬it; a&b &unknown;"
	if d.Text != want {
		t.Fatalf("prose:\n got %q\nwant %q", d.Text, want)
	}
	// Decoded text is a separator, which maps to the end of the source text
	// before it: a span starting with a reference right after verbatim text
	// is exact, one ending with a reference ("café") is not, so none is
	// tested here.
	for word, source := range map[string]string{"R&D": "R&amp;D", "Smith & Co": "Smith&nbsp;&amp;&nbsp;Co", "ABC": "&#x41;BC", "¬it": "&notit"} {
		s, e := find(t, d, word)
		sp := d.SourceSpan(s, e)
		if got := string(d.Source[sp.Start:sp.End]); got != source {
			t.Errorf("%q: source span holds %q, want %q", word, got, source)
		}
	}
	// "it" after "&not" is a verbatim copy of the source.
	s, e := find(t, d, "it;")
	if sp := d.SourceSpan(s, e); string(d.Source[sp.Start:sp.End]) != "it;" || !d.Contiguous(s, e) {
		t.Errorf("\"it;\" maps to %q", d.Source[sp.Start:sp.End])
	}
}

func TestHTMLNotProse(t *testing.T) {
	src := `<!DOCTYPE html>
<html><head><title>rockstar</title><meta name="x" content="rockstar">
<style>p { content: "rockstar"; }</style><script>var rockstar = "<p>rockstar</p>";</script></head>
<body><!-- rockstar --><noscript>rockstar</noscript><template><p>rockstar</p></template>
<svg><title>rockstar</title><text>rockstar</text><svg>rockstar</svg>rockstar</svg>
<p>Visible <a href="http://rockstar.example" title="rockstar">link</a> text.<img alt="rockstar"></p>
<textarea>rockstar</textarea><select><option>rockstar</option></select>
</body></html>`
	d := Parse("x.html", []byte(src), HTML)
	if strings.Contains(d.Text, "rockstar") {
		t.Errorf("hidden text reached the prose: %q", d.Text)
	}
	if d.Text != "Visible link text." {
		t.Errorf("prose = %q, want %q", d.Text, "Visible link text.")
	}
}

func TestHTMLComments(t *testing.T) {
	src := "<head><!-- in head --></head><p>We want <!-- hirelint-disable-line hype-title --> a rock<!---->star</p>\n<script>/* <!-- not a comment --> */</script><!-- unterminated"
	d := Parse("x.html", []byte(src), HTML)
	var got []string
	for _, c := range d.Comments {
		got = append(got, src[c.Start:c.End])
	}
	want := []string{"<!-- in head -->", "<!-- hirelint-disable-line hype-title -->", "<!---->", "<!-- unterminated"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("comments = %q, want %q", got, want)
	}
	// A comment is invisible: the words around it are not glued or split.
	if d.Text != "We want  a rockstar" {
		t.Errorf("prose = %q", d.Text)
	}
}

// blocks renders the blocks as "kind[/level][*]:text", * marking the first
// block of a list item.
func blocks(d *Document) string {
	var out []string
	for i, b := range d.Blocks {
		k := b.Kind.String()
		if b.Kind != Paragraph {
			k += "/" + string(rune('0'+b.Level))
		}
		if b.ItemStart {
			k += "*"
		}
		out = append(out, k+":"+d.BlockText(i))
	}
	return strings.Join(out, " | ")
}

func TestHTMLStructure(t *testing.T) {
	src := `<h1>Title</h1>
<h2>Requirements</h2>
<ul>
  <li>one</li>
  <li>two
    <ol><li>nested</li>
      <li><p>nested para</p><p>second para</p></li></ol>
    back in two
  </li>
  <li>three
</ul>
<p>After.</p>`
	d := Parse("x.html", []byte(src), HTML)
	want := "heading/1:Title | heading/2:Requirements | list-item/1*:one | list-item/1*:two | " +
		"list-item/2*:nested | list-item/2*:nested para | list-item/2:second para | list-item/1:back in two | " +
		"list-item/1*:three | paragraph:After."
	if got := blocks(d); got != want {
		t.Errorf("blocks:\n got %s\nwant %s", got, want)
	}
	for i, b := range d.Blocks {
		if b.Kind == ListItem && d.SectionTitle(i) != "Requirements" {
			t.Errorf("item %q is under %q", d.BlockText(i), d.SectionTitle(i))
		}
	}
}

func TestHTMLBlocks(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"inline elements do not break", "<p>a<b>b</b>c <span>d</span> <code>e</code></p>", "paragraph:abc d e"},
		{"nested divs", "<div>one<div>two</div>three</div>", "paragraph:one | paragraph:two | paragraph:three"},
		{"br is a line break", "<p>Location: Lisbon<br>\n  Travel: none<br/><br>\nNext paragraph</p>", "paragraph:Location: Lisbon\nTravel: none | paragraph:Next paragraph"},
		{"table cells", "<table><tr><th>Pay</th><td>£50k</td></tr><tr><td>Hours</td><td>35</td></tr></table>", "paragraph:Pay | paragraph:£50k | paragraph:Hours | paragraph:35"},
		{"definition list", "<dl><dt>Pay</dt><dd>£50k</dd></dl>", "paragraph:Pay | paragraph:£50k"},
		{"text outside body", "before<html><body><p>inside</p></body></html>after", "paragraph:before | paragraph:inside | paragraph:after"},
		{"unclosed head", "<html><head><title>T</title><p>Body text", "paragraph:Body text"},
		{"unclosed heading", "<h2>About the role<p>We build maps.</p>", "heading/2:About the role | paragraph:We build maps."},
		{"heading with div", "<h3><div>Perks</div></h3><p>Bikes.</p>", "heading/3:Perks | paragraph:Bikes."},
		{"stray li and end tags", "</li></ul><li>loose item</li></ol><p>para</p>", "list-item/1*:loose item | paragraph:para"},
		{"unclosed items", "<ul><li>one<li>two</ul>after", "list-item/1*:one | list-item/1*:two | paragraph:after"},
		{"unclosed svg", "<p>a<svg><circle/>hidden<p>shown</p>", "paragraph:a | paragraph:shown"},
		{"image between words", "<p>a<img src=x.png>b</p>", "paragraph:a" + codeMark + "b"},
		{"nbsp paragraph", "<p>&nbsp;</p><p> &nbsp;Hi&nbsp;</p>", "paragraph:Hi"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := Parse("x.html", []byte(tc.src), HTML)
			if got := blocks(d); got != tc.want {
				t.Errorf("blocks:\n got %q\nwant %q", got, tc.want)
			}
			checkMapping(t, d)
		})
	}
}

// checkMapping checks that every verbatim stretch of the prose is a copy of
// the source bytes it maps to, and that blocks are in order.
func checkMapping(t *testing.T, d *Document) {
	t.Helper()
	for i, s := range d.segs {
		if s.n <= 0 || s.src < 0 || s.src+s.n > len(d.Source) || s.text+s.n > len(d.Text) {
			t.Fatalf("segment %d out of range: %+v", i, s)
		}
		if i > 0 && (s.text < d.segs[i-1].text+d.segs[i-1].n || s.src < d.segs[i-1].src+d.segs[i-1].n) {
			t.Fatalf("segment %d out of order: %+v after %+v", i, s, d.segs[i-1])
		}
		src := strings.ReplaceAll(string(d.Source[s.src:s.src+s.n]), "\r", " ")
		if txt := d.Text[s.text : s.text+s.n]; txt != src {
			t.Fatalf("segment %d: prose %q maps to source %q", i, txt, src)
		}
	}
	last := 0
	for _, b := range d.Blocks {
		if b.Start < last || b.End <= b.Start || b.End > len(d.Text) {
			t.Fatalf("bad block %+v in prose of %d bytes", b, len(d.Text))
		}
		last = b.End
	}
	for _, c := range d.Comments {
		if c.Start < 0 || c.End > len(d.Source) || c.End <= c.Start {
			t.Fatalf("bad comment span %v", c)
		}
	}
}

var brokenHTML = []string{
	"", "<", "<div", "<p>a</p", "&", "&#", "&#x;", "&#xZZ;", "&amp", "a &", "<!--", "<!-- x", "<!-->", "<![CDATA[x]]>",
	"</>", "</ p>", "<p/>", "<br/><br/><br/>", "<li/>text", "</br>a</br>b",
	"<script>never closed <p>a</p>", "<style>", "<template><template></template>x", "<svg/>after",
	"<ul><ul><ul><li>deep</li></ul>", strings.Repeat("<ul><li>x", 2000) + strings.Repeat("</ul>", 500),
	strings.Repeat("<b>", 5000) + "bold", "<h1><h2><h3>x</h1>y</h2>z",
	"<p>nul\x00byte</p>", "<p>bad utf8 \xff\xfe</p>", "<p>\r\nCR\rLF\r\n</p>", "\ufeff", "\ufeff<",
	"<p a=/>text</p>", "<p title=\"a<b>\">x</p>", "<plaintext><p>x", "<head>text in head<title>t</title>",
	"<table><td>a<td>b</table>", "<select><p>x</p>", "a<math><mi>x</mi></math>b",
}

func TestHTMLBroken(t *testing.T) {
	for _, src := range brokenHTML {
		d := Parse("x.html", []byte(src), HTML)
		checkMapping(t, d)
		d.Words()
		d.Sentences()
	}
}

func FuzzParseHTML(f *testing.F) {
	for _, src := range append(brokenHTML, parserSeeds(f, ".html")...) {
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src string) {
		checkDocument(t, Parse("x.html", []byte(src), HTML))
	})
}
