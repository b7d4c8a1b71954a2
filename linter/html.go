package linter

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// blockTags are the elements that end the current block where they start
// and where they end: text on either side of them is never one block.
var blockTags = setOf("address", "article", "aside", "blockquote", "body", "br",
	"caption", "center", "dd", "details", "dialog", "dir", "div", "dl", "dt",
	"fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
	"h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "listing",
	"main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table",
	"tbody", "td", "tfoot", "th", "thead", "tr", "ul")

// skipTags are the elements whose content is not visible prose. The
// tokenizer hands the content of the raw-text ones (script, style, title,
// ...) over as a single text token; the others are skipped up to their
// matching end tag.
var skipTags = setOf("script", "style", "noscript", "template", "title", "svg",
	"math", "textarea", "select", "iframe", "object", "noembed", "noframes",
	"xmp", "plaintext")

// markTags are the elements that show something other than text (an image,
// a control): codeMark stands for them between words so that no phrase
// matches across them.
var markTags = setOf("img", "input", "svg", "math", "textarea", "select",
	"iframe", "object", "embed", "video", "audio", "canvas")

// headTags are the elements that may appear in <head>; any other start tag
// closes the head implicitly, as in a browser.
var headTags = setOf("title", "meta", "link", "style", "script", "base",
	"noscript", "template", "basefont", "bgsound")

// breakoutTags end unclosed svg or math content, as they do in a browser.
var breakoutTags = setOf("b", "big", "blockquote", "body", "br", "center",
	"code", "dd", "div", "dl", "dt", "em", "embed", "h1", "h2", "h3", "h4", "h5",
	"h6", "head", "hr", "i", "img", "li", "listing", "menu", "meta", "nobr",
	"ol", "p", "pre", "ruby", "s", "small", "span", "strong", "strike", "sub",
	"sup", "table", "tt", "u", "ul", "var")

func setOf(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
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
}

// parseHTML reads the visible text of an HTML document with the
// golang.org/x/net/html tokenizer. Each token's source offset is the sum of
// the raw lengths of the tokens before it, so verbatim text maps back byte
// for byte; decoded character references are inserted as separators.
// Headings, list items and paragraphs become blocks as in Markdown; the
// content of script, style, head, svg and the like is skipped; every
// comment's span is recorded. Broken HTML is read as a browser would read
// it, as far as blocks are concerned.
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
	if name != "br" && !(start && name == "div") {
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
	p.mark = false
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
		end, dec, keep, ok := charRef(p.src, i, e)
		if !ok {
			continue
		}
		p.verbatim(v, i)
		p.decoded(dec)
		v = end - keep
		i = v - 1
	}
	p.verbatim(v, e)
}

// verbatim adds the source bytes src[s:e]; white space that would start a
// block is dropped.
func (p *htmlParser) verbatim(s, e int) {
	if p.b.cur == nil {
		for s < e {
			r, size := utf8.DecodeRune(p.src[s:e])
			if !unicode.IsSpace(r) {
				break
			}
			s += size
		}
		if s >= e {
			return
		}
		p.open()
	}
	p.flushMark()
	p.b.add(p.src, s, e)
}

// decoded inserts the text of a character reference.
func (p *htmlParser) decoded(d string) {
	if p.b.cur == nil {
		if d = strings.TrimLeft(d, " "); d == "" {
			return
		}
		p.open()
	}
	p.flushMark()
	p.b.sep(d)
}

func (p *htmlParser) flushMark() {
	if p.mark {
		p.b.sep(codeMark)
		p.mark = false
	}
}

// charRef decodes the character reference starting at src[i] (an "&"),
// looking no further than e. It returns the end of the reference, its
// decoded text with white space as plain spaces, and how many bytes before
// end are not part of it but copied through unchanged (a reference without
// ";" such as "&notit" decodes as "¬" followed by "it"). ok is false when
// src[i] does not start a reference.
func charRef(src []byte, i, e int) (end int, dec string, keep int, ok bool) {
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
		return 0, "", 0, false
	}
	// The common tail of cand and d is text that follows the reference;
	// at least one byte of each is the reference itself.
	for keep < len(cand)-1 && keep < len(d)-1 && cand[len(cand)-1-keep] == d[len(d)-1-keep] {
		keep++
	}
	d = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return ' '
		}
		return r
	}, d[:len(d)-keep])
	return j, d, keep, true
}
