package linter

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// Element names by role, as a browser treats them.
var (
	// blockTags end the current block where they start and where they end.
	blockTags = setOf(`address article aside blockquote body caption center dd
		details dialog dir div dl dt fieldset figcaption figure footer form h1 h2
		h3 h4 h5 h6 header hgroup hr html legend li listing main menu nav ol p
		pre section summary table tbody td tfoot th thead tr ul`)
	// skipTags hold no visible prose. The tokenizer hands the content of the
	// raw-text ones (script, style, title...) over as one text token; the
	// others are skipped up to their matching end tag.
	skipTags = setOf(`script style noscript template title svg math textarea
		select iframe object noembed noframes xmp plaintext`)
	// markTags show something other than text; codeMark stands for them
	// between words, so that no phrase matches across them.
	markTags = setOf(`img input svg math textarea select iframe object embed
		video audio canvas`)
	// headTags may appear in <head>; any other start tag closes it.
	headTags = setOf(`title meta link style script base noscript template
		basefont bgsound`)
	// breakoutTags end unclosed svg or math content.
	breakoutTags = setOf(`b big blockquote body br center code dd div dl dt em
		embed h1 h2 h3 h4 h5 h6 head hr i img li listing menu meta nobr ol p pre
		ruby s small span strong strike sub sup table tt u ul var`)
)

// setOf makes a set of the space-separated names in s.
func setOf(s string) map[string]bool {
	m := map[string]bool{}
	for _, n := range strings.Fields(s) {
		m[n] = true
	}
	return m
}

// htmlParser holds the state of the walk over the HTML tokens: what is
// being skipped, the list and heading context, and whether a mark for
// hidden content is pending.
type htmlParser struct {
	b   *builder
	src []byte

	skip      string // element whose content is being skipped, or ""
	skipDepth int    // nesting depth of skip elements of that name
	inHead    bool

	lists   int   // open ul/ol elements
	items   []int // list depth of each open li, innermost last
	fresh   bool  // the innermost li has no block yet
	heading int   // level of the open h1-h6, or 0
	mark    bool  // hidden content since the last text of the block
	br      bool  // a <br> since the last text of the block
}

// parseHTML reads the visible text of an HTML document with the
// golang.org/x/net/html tokenizer. Each token's source offset is the sum of
// the raw lengths of the tokens before it, so verbatim text maps back byte
// for byte; decoded character references are inserted as separators.
// Headings, list items and paragraphs become blocks as in Markdown, and a
// <br> a line break within a block; the content of script, style, head,
// svg and the like is skipped; every comment's span is recorded. Broken
// HTML is read much as a browser reads it (an unclosed <li> ends at the
// next one, text closes an unclosed <head>), except that an unclosed
// heading ends at the next block element.
func parseHTML(b *builder, src []byte, start int) {
	p := &htmlParser{b: b, src: src}
	z := html.NewTokenizer(bytes.NewReader(src[start:]))
	off := start
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return // io.EOF, or input the tokenizer cannot read further
		}
		raw := z.Raw()
		s, e := off, off+len(raw)
		if e > len(src) || !bytes.Equal(raw, src[s:e]) {
			return // never expected: offsets would no longer be exact
		}
		off = e
		switch tt {
		case html.TextToken:
			p.text(s, e)
		case html.CommentToken:
			if bytes.HasPrefix(raw, []byte("<!--")) {
				b.comment(s, e)
			}
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			p.tag(string(name), tt)
		}
	}
}

// tag handles a start, end or self-closing tag.
func (p *htmlParser) tag(name string, tt html.TokenType) {
	start := tt != html.EndTagToken
	if p.skip != "" {
		foreign := p.skip == "svg" || p.skip == "math"
		switch {
		case name == p.skip && tt == html.StartTagToken:
			p.skipDepth++
			return
		case name == p.skip && tt == html.EndTagToken:
			if p.skipDepth--; p.skipDepth == 0 {
				p.skip = ""
			}
			return
		case foreign && start && breakoutTags[name]:
			p.skip, p.skipDepth = "", 0
		default:
			return
		}
	}
	if p.inHead {
		switch {
		case name == "head" && !start, name == "body" && start:
			p.inHead = false
			return
		case start && !headTags[name]:
			p.inHead = false
		}
	}
	if name == "head" && start {
		p.inHead = true
		return
	}
	if start && markTags[name] && p.b.cur != nil {
		p.mark = true
	}
	if start && skipTags[name] {
		if tt == html.StartTagToken || (name != "svg" && name != "math") {
			p.skip, p.skipDepth = name, 1
		}
		return
	}
	if name == "br" {
		// One <br> is a line break in the block, as a hard line break is in
		// Markdown; a second one before any text ends the paragraph.
		if p.br {
			p.end()
		} else if p.b.cur != nil {
			p.br = true
		}
		return
	}
	if !blockTags[name] {
		return // inline elements do not break a block
	}
	p.end()
	if len(name) == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6' {
		p.heading = 0
		if start {
			p.heading = int(name[1] - '0')
		}
		return
	}
	if !start || name != "div" {
		p.heading = 0 // broken HTML: an unclosed heading ends at the next block
	}
	switch name {
	case "ul", "ol", "menu", "dir":
		if start {
			p.lists++
		} else if p.lists > 0 {
			p.popItems(p.lists)
			p.lists--
		}
	case "li":
		depth := max(p.lists, 1)
		if start {
			p.popItems(depth) // an open sibling item ends here
			p.items = append(p.items, depth)
			p.fresh = true
		} else {
			p.popItems(depth)
		}
	}
}

// popItems closes the open list items at list depth d or deeper.
func (p *htmlParser) popItems(d int) {
	for len(p.items) > 0 && p.items[len(p.items)-1] >= d {
		p.items = p.items[:len(p.items)-1]
	}
}

// end ends the current block.
func (p *htmlParser) end() {
	p.b.endBlock()
	p.mark, p.br = false, false
}

// open starts a block of the kind the context calls for: a heading, a list
// item or a paragraph.
func (p *htmlParser) open() {
	inItem := len(p.items) > 0
	switch {
	case p.heading > 0:
		p.b.startBlock(Heading, p.heading, false)
	case inItem:
		p.b.startBlock(ListItem, p.items[len(p.items)-1], p.fresh)
	default:
		p.b.startBlock(Paragraph, 0, false)
	}
	if inItem {
		p.fresh = false
	}
}

// text handles the text token src[s:e]: verbatim stretches are added as
// source bytes, character references are decoded and inserted.
func (p *htmlParser) text(s, e int) {
	if p.skip != "" {
		return
	}
	if p.inHead {
		if len(bytes.TrimLeft(p.src[s:e], " \t\r\n\f")) == 0 {
			return
		}
		p.inHead = false // text closes the head, as in a browser
	}
	v := s // start of the pending verbatim stretch
	for i := s; i < e; i++ {
		if p.src[i] != '&' {
			continue
		}
		end, dec := charRef(p.src, i, e)
		if dec == "" {
			continue
		}
		p.put(v, i, "")
		p.put(i, end, dec)
		v, i = end, end-1
	}
	p.put(v, e, "")
}

// put adds the source bytes src[s:e] as prose or, when dec is not empty,
// inserts dec (a decoded character reference) in their place. White space
// that would start a block or a line is dropped; a pending line break or
// mark for hidden content goes before the text.
func (p *htmlParser) put(s, e int, dec string) {
	if p.b.cur == nil || p.br {
		if dec != "" {
			if dec = strings.TrimLeft(dec, " "); dec == "" {
				return
			}
		}
		for dec == "" && s < e {
			r, size := utf8.DecodeRune(p.src[s:e])
			if !unicode.IsSpace(r) {
				break
			}
			s += size
		}
		if dec == "" && s >= e {
			return
		}
	}
	if p.b.cur == nil {
		p.open()
	}
	if p.br {
		p.b.sep("\n")
	}
	if p.mark {
		p.b.sep(codeMark)
	}
	p.br, p.mark = false, false
	if dec != "" {
		p.b.sep(dec)
	} else {
		p.b.add(p.src, s, e)
	}
}

// charRef decodes the character reference starting at src[i] (an "&"),
// looking no further than e. It returns the end of the reference and its
// decoded text with white space as plain spaces, or "" when src[i] starts
// no reference. A reference without ";" ends where the decoder stopped
// reading: "&notit" is "&not" ("¬") followed by the text "it".
func charRef(src []byte, i, e int) (end int, dec string) {
	j := i + 1
	if j < e && src[j] == '#' {
		j++
	}
	for j < e && (src[j] >= 'a' && src[j] <= 'z' || src[j] >= 'A' && src[j] <= 'Z' || src[j] >= '0' && src[j] <= '9') {
		j++
	}
	if j < e && src[j] == ';' {
		j++
	}
	cand := string(src[i:j])
	d := html.UnescapeString(cand)
	if d == cand {
		return i, ""
	}
	// The common tail of cand and d is text that follows the reference;
	// at least one byte of each is the reference itself.
	keep := 0
	for keep < len(cand)-1 && keep < len(d)-1 && cand[len(cand)-1-keep] == d[len(d)-1-keep] {
		keep++
	}
	d = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return ' '
		}
		return r
	}, d[:len(d)-keep])
	return j - keep, d
}
