package linter

import (
	"bytes"
	"encoding/binary"
	"path/filepath"
	"sort"
	"strings"
	"sync"
)

// Format is the markup a document is written in.
type Format int

// Formats understood by the parsers.
const (
	PlainText Format = iota
	Markdown
	HTML
)

func (f Format) String() string {
	switch f {
	case Markdown:
		return "markdown"
	case HTML:
		return "html"
	}
	return "text"
}

// ParseFormat parses "markdown" (or "md"), "html" or "text" (or "txt").
func ParseFormat(s string) (Format, bool) {
	switch strings.ToLower(s) {
	case "markdown", "md":
		return Markdown, true
	case "html", "htm":
		return HTML, true
	case "text", "txt", "plain", "":
		return PlainText, true
	}
	return PlainText, false
}

// FormatForPath picks the format from a file name's extension: Markdown for
// .md and .markdown, plain text for everything else.
func FormatForPath(path string) Format {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".md", ".markdown", ".mdown", ".mkd":
		return Markdown
	case ".html", ".htm", ".xhtml":
		return HTML
	}
	return PlainText
}

// BlockKind says what a block of prose is.
type BlockKind int

// Block kinds.
const (
	Paragraph BlockKind = iota
	Heading
	ListItem
)

func (k BlockKind) String() string {
	switch k {
	case Heading:
		return "heading"
	case ListItem:
		return "list-item"
	}
	return "paragraph"
}

// Block is one unit of prose: a heading, a paragraph or (the text of) a list
// item. Start and End index Document.Text.
type Block struct {
	Kind BlockKind
	// Level is the heading level (1-6) for headings, and the list nesting
	// depth (1 = top level) for list items.
	Level int
	// ItemStart is true for the first block of a list item (a list item may
	// hold several paragraphs).
	ItemStart  bool
	Start, End int
	// Section is the index in Document.Blocks of the heading this block is
	// under, or -1.
	Section int
}

// segment maps Text[text:text+n] to Source[src:src+n], byte for byte.
type segment struct {
	text, src, n int
}

// Document is a job ad parsed once and shared by all rules.
//
// Source holds the bytes as read. Text holds the prose only (markup, code,
// URLs, comments and front matter removed), blocks separated by a blank line;
// every byte of Text that came from the source maps back to its exact source
// offset, and the separators the parser inserted map to the end of the
// preceding text.
type Document struct {
	Path   string
	Source []byte
	Format Format
	Text   string
	Blocks []Block
	// FrontMatter holds the top-level scalar fields of Markdown front matter,
	// keys lower-cased.
	FrontMatter map[string]string
	// Comments holds the source spans of comments that are not prose:
	// HTML comments ("<!-- ... -->") in Markdown and HTML, and in plain
	// text lines starting with "#" followed by "hirelint-" (directives).
	Comments []Span

	segs       []segment
	lineStarts []int
	bom        int

	wordsOnce sync.Once
	words     []Word
	sentOnce  sync.Once
	sents     []Sentence
	lowerOnce sync.Once
	lower     string
	memo      []memoEntry
	foldTraps bool
	runeOnce  sync.Once
	runeMarks []runeMark
	ids       []int32    // see wordIDs
	starts    []int32    // see wordIDs
	slots     slotStarts // see wordIDs
	idsFor    int
}

// Parse builds a Document from source bytes.
func Parse(path string, src []byte, format Format) *Document {
	d := &Document{Path: path, Source: src, Format: format}
	if bytes.HasPrefix(src, []byte("\xef\xbb\xbf")) {
		d.bom = 3
	}
	lines := bytes.Count(src, []byte{'\n'}) + 1
	d.lineStarts = make([]int, 1, lines)
	d.lineStarts[0] = d.bom
	for i := 0; ; {
		j := bytes.IndexByte(src[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
		d.lineStarts = append(d.lineStarts, i)
	}
	b := &builder{doc: d}
	b.text.Grow(len(src) + len(src)/8)
	// Room for a block and a piece of text per line (a list or plain
	// text has about that many), up to what a long ad needs: a file of a
	// great many short lines grows the slices as it goes instead.
	room := min(lines, maxRoom) + 1
	d.Blocks = make([]Block, 0, room)
	d.segs = make([]segment, 0, room)
	switch format {
	case Markdown:
		parseMarkdown(b, src)
	case HTML:
		parseHTML(b, src, d.bom)
	default:
		parsePlain(b, src)
	}
	b.finish()
	return d
}

// maxRoom bounds the blocks and text pieces Parse makes room for ahead.
const maxRoom = 512

// builder accumulates prose text and its map back to the source.
type builder struct {
	doc  *Document
	text strings.Builder
	cur  *Block // the block being built, nil: none; it is open
	open Block
}

func (b *builder) startBlock(kind BlockKind, level int, itemStart bool) {
	b.endBlock()
	if b.text.Len() > 0 {
		b.sep("\n\n")
	}
	b.open = Block{Kind: kind, Level: level, ItemStart: itemStart, Start: b.text.Len(), Section: -1}
	b.cur = &b.open
}

func (b *builder) endBlock() {
	if b.cur == nil {
		return
	}
	// Trim trailing separator whitespace the block may have gathered.
	t := b.text.String()
	end := len(t)
	for end > b.cur.Start && (t[end-1] == ' ' || t[end-1] == '\n') {
		end--
	}
	b.cur.End = end
	if b.cur.End > b.cur.Start {
		b.doc.Blocks = append(b.doc.Blocks, *b.cur)
	}
	b.cur = nil
}

// add appends source bytes src[start:end] as prose. Carriage returns are
// turned into spaces (same length, so offsets stay exact).
func (b *builder) add(src []byte, start, end int) {
	if end <= start {
		return
	}
	t := b.text.Len()
	segs := b.doc.segs
	if n := len(segs); n > 0 && segs[n-1].text+segs[n-1].n == t && segs[n-1].src+segs[n-1].n == start {
		segs[n-1].n += end - start
	} else {
		b.doc.segs = append(segs, segment{text: t, src: start, n: end - start})
	}
	chunk := src[start:end]
	if bytes.IndexByte(chunk, '\r') >= 0 {
		chunk = bytes.ReplaceAll(chunk, []byte("\r"), []byte(" "))
	}
	b.text.Write(chunk)
}

// comment records the source span of a comment (see Document.Comments).
func (b *builder) comment(start, end int) {
	b.doc.Comments = append(b.doc.Comments, Span{start, end})
}

// sep appends text that is not in the source (a separator).
func (b *builder) sep(s string) { b.text.WriteString(s) }

func (b *builder) finish() {
	b.endBlock()
	b.doc.Text = b.text.String()
	b.doc.promoteLabels()
	sec := -1
	for i := range b.doc.Blocks {
		if b.doc.Blocks[i].Kind == Heading {
			b.doc.Blocks[i].Section = -1
			sec = i
			continue
		}
		b.doc.Blocks[i].Section = sec
	}
}

// promoteLabels turns label paragraphs into headings: a short paragraph
// right before a list that ends in ":" or is set in bold ("**What you'll
// bring**", "<b>Requirements:</b>") is how many ads write their section
// headings, and rules that count the items under "Requirements" need to see
// it as one.
func (d *Document) promoteLabels() {
	for i := 0; i+1 < len(d.Blocks); i++ {
		bl := d.Blocks[i]
		if bl.Kind != Paragraph || d.Blocks[i+1].Kind != ListItem {
			continue
		}
		text := strings.TrimSpace(d.Text[bl.Start:bl.End])
		if len(text) == 0 || len(text) > 80 || len(strings.Fields(text)) > 8 || strings.ContainsAny(text, "\n.!?;") {
			continue
		}
		if strings.HasSuffix(text, ":") || d.boldBefore(bl.Start) {
			d.Blocks[i].Kind, d.Blocks[i].Level = Heading, 6
		}
	}
}

// boldBefore reports whether the source just before Text offset t opens
// bold text: "**", "__", "<b>" or "<strong>".
func (d *Document) boldBefore(t int) bool {
	off := d.SourceOffset(t)
	pre := strings.ToLower(string(d.Source[max(0, off-8):off]))
	return strings.HasSuffix(pre, "**") || strings.HasSuffix(pre, "__") || strings.HasSuffix(pre, "<b>") || strings.HasSuffix(pre, "<strong>")
}

// Memo returns the value cached under key for this document, computing it
// with f the first time. Rule kinds use it for per-document work that
// all their rules share (the literal index their patterns look up), under
// a few keys: the values are searched in order, so a key per rule or per
// pattern would make every lookup slow. Keys are compared with ==, so
// they must be comparable, as map keys are. A Document is linted by one
// goroutine at a time; Memo is not safe for concurrent use.
func (d *Document) Memo(key any, f func() any) any {
	// A document holds a handful of values, looked up hundreds of times
	// (once per expression of every rule): a short list is searched
	// faster than a map hashes an interface.
	for i := range d.memo {
		if d.memo[i].key == key {
			return d.memo[i].val
		}
	}
	v := f()
	d.memo = append(d.memo, memoEntry{key, v})
	return v
}

// A memoEntry is a value cached by Memo.
type memoEntry struct{ key, val any }

// LowerText returns Text with ASCII letters lower-cased, computed once,
// for quick prefilters: its offsets are Text's.
func (d *Document) LowerText() string {
	d.lowerOnce.Do(func() {
		b := []byte(d.Text)
		// Case-insensitive matching folds the Kelvin sign (E2 84 AA) and
		// the long s (C5 BF) to ASCII letters (K to k, ſ to s); a literal
		// search in LowerText would miss them. They are looked for in the
		// same pass.
		for i := 0; i < len(b); {
			if i+8 <= len(b) {
				if x := binary.LittleEndian.Uint64(b[i:]); x&tops == 0 {
					binary.LittleEndian.PutUint64(b[i:], lowerASCII8(x))
					i += 8
					continue
				}
			}
			switch c := b[i]; {
			case c >= 'A' && c <= 'Z':
				b[i] = c + 'a' - 'A'
			case c == 0xe2:
				d.foldTraps = d.foldTraps || i+2 < len(b) && b[i+1] == 0x84 && b[i+2] == 0xaa
			case c == 0xc5:
				d.foldTraps = d.foldTraps || i+1 < len(b) && b[i+1] == 0xbf
			}
			i++
		}
		d.lower = string(b)
	})
	return d.lower
}

// tops has the top bit of each of eight bytes: x&tops == 0 when all eight
// bytes of x are ASCII.
const tops = 0x8080808080808080

// lowerASCII8 lower-cases the letters of eight ASCII bytes at once. Added
// to a byte below 0x80, 0x3f sets its top bit when it is 'A' or above and
// 0x25 when it is above 'Z' (no sum carries into the next byte); a
// letter's top bit, shifted down by two, is the 0x20 that lowers it.
func lowerASCII8(x uint64) uint64 {
	const ones = 0x0101010101010101
	upper := (x + ones*(0x80-'A')) &^ (x + ones*(0x7f-'Z')) & tops
	return x | upper>>2
}

// FoldTraps reports whether Text holds characters that case-insensitive
// matching folds to ASCII letters (the Kelvin sign, the long s).
func (d *Document) FoldTraps() bool {
	d.LowerText()
	return d.foldTraps
}

// SourceOffset maps an offset in Text to an offset in Source. Offsets inside
// inserted separators map to the end of the preceding source text.
func (d *Document) SourceOffset(t int) int {
	i := sort.Search(len(d.segs), func(i int) bool { return d.segs[i].text > t }) - 1
	if i < 0 {
		if len(d.segs) > 0 {
			return d.segs[0].src
		}
		return 0
	}
	s := d.segs[i]
	if t < s.text+s.n {
		return s.src + t - s.text
	}
	return s.src + s.n
}

// SourceSpan maps a non-empty range of Text to the source range from the
// first byte to the last byte of it.
func (d *Document) SourceSpan(start, end int) Span {
	if end <= start {
		o := d.SourceOffset(start)
		return Span{o, o}
	}
	return Span{d.SourceOffset(start), d.SourceOffset(end-1) + 1}
}

// Contiguous reports whether Text[start:end] is a copy of one stretch of
// the source, up to white space (a line break in the source may be a space
// in Text), so an edit of that stretch changes exactly the matched words and
// no markup.
func (d *Document) Contiguous(start, end int) bool {
	sp := d.SourceSpan(start, end)
	src, txt := d.Source[sp.Start:sp.End], d.Text[start:end]
	i, j := 0, 0
	for i < len(src) && j < len(txt) {
		si, tj := isASCIISpace(src[i]), isASCIISpace(txt[j])
		switch {
		case si && tj:
			for i < len(src) && isASCIISpace(src[i]) {
				i++
			}
			for j < len(txt) && isASCIISpace(txt[j]) {
				j++
			}
		case src[i] == txt[j]:
			i++
			j++
		default:
			return false
		}
	}
	return i == len(src) && j == len(txt)
}

func isASCIISpace(c byte) bool { return c == ' ' || c == '\n' || c == '\r' || c == '\t' }

// Position returns the 1-based line and column of a source offset; the column
// counts characters (runes), not bytes, and a leading byte-order mark is not
// counted.
func (d *Document) Position(off int) (line, col int) {
	if off < 0 {
		off = 0
	}
	if off > len(d.Source) {
		off = len(d.Source)
	}
	i := sort.Search(len(d.lineStarts), func(i int) bool { return d.lineStarts[i] > off }) - 1
	if i < 0 {
		i = 0
	}
	start := d.lineStarts[i]
	if off < start { // inside the BOM
		return 1, 1
	}
	return i + 1, d.runesBetween(start, off) + 1
}

// LineSpan returns the source span of the 1-based line n, without its line
// ending.
func (d *Document) LineSpan(n int) Span {
	if n < 1 || n > len(d.lineStarts) {
		return Span{len(d.Source), len(d.Source)}
	}
	start := d.lineStarts[n-1]
	end := len(d.Source)
	if n < len(d.lineStarts) {
		end = d.lineStarts[n] - 1
	}
	if end > start && d.Source[end-1] == '\r' {
		end--
	}
	return Span{start, end}
}

// LineCount returns the number of lines in the source.
func (d *Document) LineCount() int { return len(d.lineStarts) }

// BlockText returns the prose of block i.
func (d *Document) BlockText(i int) string {
	b := d.Blocks[i]
	return d.Text[b.Start:b.End]
}

// SectionTitle returns the text of the heading block i is under, or "".
func (d *Document) SectionTitle(i int) string {
	s := d.Blocks[i].Section
	if s < 0 {
		return ""
	}
	return d.BlockText(s)
}
