package linter

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"
)

// plainLine is one source line with its content trimmed of surrounding
// white space.
type plainLine struct {
	start, end int // trimmed content in the source
	indent     int // leading white space, in bytes
	marker     int // length of a list marker and the space after it, or 0
	atx        int // length of "## " heading marker, or 0
}

func (l plainLine) blank() bool { return l.end <= l.start }

// parsePlain gives plain text the structure that can be seen in it: blank
// lines separate paragraphs; lines starting with -, *, •, + or "1." are list
// items; "# Title" lines, and short lines ending in ":" or written in
// capitals, or short unpunctuated lines just before a list, are headings.
// Lines of a paragraph stay separate lines in Text (joined by "\n").
func parsePlain(b *builder, src []byte) {
	lines := splitPlainLines(b.doc)
	inPara, inItem := false, false
	var indents []int // list indentation stack of the current list run
	for i, l := range lines {
		if isDirectiveLine(src[l.start:l.end]) {
			// A directive comment is not prose; it ends a paragraph.
			b.comment(l.start, l.end)
			b.endBlock()
			inPara, inItem = false, false
			continue
		}
		switch {
		case l.blank():
			b.endBlock()
			inPara, inItem = false, false
		case l.atx > 0:
			level := strings.IndexFunc(string(src[l.start:l.end]), func(r rune) bool { return r != '#' })
			b.startBlock(Heading, level, false)
			b.add(src, l.start+l.atx, l.end)
			b.endBlock()
			inPara, inItem, indents = false, false, nil
		case l.marker > 0:
			for len(indents) > 0 && indents[len(indents)-1] > l.indent {
				indents = indents[:len(indents)-1]
			}
			if len(indents) == 0 || indents[len(indents)-1] < l.indent {
				indents = append(indents, l.indent)
			}
			b.startBlock(ListItem, len(indents), true)
			b.add(src, l.start+l.marker, l.end)
			inPara, inItem = false, true
		case inPara || (inItem && l.indent > 0):
			b.sep("\n")
			b.add(src, l.start, l.end)
		case isPlainHeading(src, lines, i):
			b.startBlock(Heading, 2, false)
			b.add(src, l.start, l.end)
			b.endBlock()
			inItem, indents = false, nil
		default:
			b.startBlock(Paragraph, 0, false)
			b.add(src, l.start, l.end)
			inPara, inItem, indents = true, false, nil
		}
	}
}

// splitPlainLines returns the lines of d's source (see Document.LineSpan),
// trimmed and looked at for markers.
func splitPlainLines(d *Document) []plainLine {
	src := d.Source
	out := make([]plainLine, len(d.lineStarts))
	for k := range out {
		sp := d.LineSpan(k + 1)
		pos, end := sp.Start, sp.End
		l := plainLine{start: pos, end: end}
		for l.start < l.end && (src[l.start] == ' ' || src[l.start] == '\t') {
			l.start++
		}
		l.indent = l.start - pos
		for l.end > l.start && isSpaceByte(src[l.end-1]) {
			l.end--
		}
		// Unicode spaces (no-break space and the like) also count as blank.
		if l.start < l.end && !isPrintASCII(src[l.start]) && len(bytes.TrimFunc(src[l.start:l.end], unicode.IsSpace)) == 0 {
			l.end = l.start
		}
		l.marker = listMarker(src[l.start:l.end])
		l.atx = atxMarker(src[l.start:l.end])
		out[k] = l
	}
	return out
}

// isPrintASCII reports whether c is a printable ASCII character other
// than the space, which no white space is.
func isPrintASCII(c byte) bool { return '!' <= c && c <= '~' }

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\r' }

// listMarker returns the byte length of a list marker plus the white space
// after it at the start of s, or 0.
func listMarker(s []byte) int {
	if len(s) == 0 {
		return 0
	}
	n := 0
	r, size := utf8.DecodeRune(s)
	switch r {
	case '-', '*', '+', '•', '◦', '▪', '●', '·', '‣', '–':
		n = size
	default:
		for n < len(s) && n < 3 && s[n] >= '0' && s[n] <= '9' {
			n++
		}
		if n == 0 || n >= len(s) || (s[n] != '.' && s[n] != ')') {
			return 0
		}
		n++
	}
	m := n
	for m < len(s) && (s[m] == ' ' || s[m] == '\t') {
		m++
	}
	if m == n || m == len(s) {
		return 0 // "-5%" or a lone marker is not a list item
	}
	return m
}

// atxMarker returns the length of a "#".."######" marker and following
// space, or 0.
func atxMarker(s []byte) int {
	n := 0
	for n < len(s) && s[n] == '#' {
		n++
	}
	if n == 0 || n > 6 || n >= len(s) || s[n] != ' ' {
		return 0
	}
	m := n
	for m < len(s) && s[m] == ' ' {
		m++
	}
	if m == len(s) {
		return 0
	}
	return m
}

// isPlainHeading applies the plain-text heading heuristics to line i, which
// starts a new block.
func isPlainHeading(src []byte, lines []plainLine, i int) bool {
	line := src[lines[i].start:lines[i].end]
	if len(line) > 4*80 || utf8.RuneCount(line) > 80 {
		return false
	}
	s := string(line)
	words := len(strings.Fields(s))
	if words == 0 || words > 10 {
		return false
	}
	if strings.HasSuffix(s, ":") {
		return true
	}
	letters, upper := 0, 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	if letters >= 3 && upper == letters {
		return true
	}
	// A short line with no closing punctuation right before a list.
	if words <= 6 && !strings.ContainsAny(s[len(s)-1:], ".!?,;") {
		for j := i + 1; j < len(lines); j++ {
			if lines[j].blank() {
				continue
			}
			return lines[j].marker > 0
		}
	}
	return false
}

// isDirectiveLine reports whether a plain-text line is a hirelint
// directive comment: "# hirelint-disable ..." or "<!-- hirelint-... -->".
func isDirectiveLine(line []byte) bool {
	s := bytes.TrimSpace(line)
	if rest, ok := bytes.CutPrefix(s, []byte("#")); ok {
		return bytes.HasPrefix(bytes.TrimSpace(rest), []byte("hirelint-"))
	}
	if rest, ok := bytes.CutPrefix(s, []byte("<!--")); ok {
		return bytes.HasPrefix(bytes.TrimSpace(rest), []byte("hirelint-")) && bytes.HasSuffix(s, []byte("-->"))
	}
	return false
}
