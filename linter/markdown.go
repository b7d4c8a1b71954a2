package linter

import (
	"bytes"
	"regexp"
	"strings"
	"sync"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// mdParser is goldmark's CommonMark parser with its default block and
// inline parsers and paragraph transformers: what goldmark.DefaultParser
// builds, without importing the root goldmark package, which also brings
// the HTML renderer. It is made when the first Markdown ad is parsed.
var mdParser = sync.OnceValue(func() parser.Parser {
	return parser.NewParser(parser.WithBlockParsers(parser.DefaultBlockParsers()...),
		parser.WithInlineParsers(parser.DefaultInlineParsers()...),
		parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...))
})

// codeMark stands in the prose for code spans, autolinks and inline HTML. It
// is not a word and breaks phrases, so nothing matches across hidden text.
const codeMark = "\x1f"

// parseMarkdown walks the CommonMark tree. The parser sees a copy of the
// source in which the byte-order mark and front matter are blanked out with
// spaces of the same length, so every segment offset it reports is an offset
// into the source as read.
func parseMarkdown(b *builder, src []byte) {
	work := append([]byte(nil), src...)
	start := b.doc.bom
	for i := 0; i < start; i++ {
		work[i] = ' '
	}
	if fm, end := frontMatter(src, start); end > 0 {
		b.doc.FrontMatter = fm
		for i := start; i < end; i++ {
			if work[i] != '\n' {
				work[i] = ' '
			}
		}
	}
	root := mdParser().Parse(text.NewReader(work))
	walkBlocks(b, root, work, 0)
	collectComments(b, root, work)
}

var htmlCommentRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`<!--[\s\S]*?-->`) })

// collectComments records the HTML comments of raw HTML blocks and inline
// HTML (a comment inside a code block is code, not a comment).
func collectComments(b *builder, root ast.Node, src []byte) {
	var spans []Span
	ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := n.(type) {
		case *ast.HTMLBlock:
			lines := t.Lines()
			if lines.Len() > 0 {
				end := lines.At(lines.Len() - 1).Stop
				if t.HasClosure() {
					end = t.ClosureLine.Stop
				}
				spans = append(spans, Span{lines.At(0).Start, end})
			}
		case *ast.RawHTML:
			if t.Segments.Len() > 0 {
				spans = append(spans, Span{t.Segments.At(0).Start, t.Segments.At(t.Segments.Len() - 1).Stop})
			}
		}
		return ast.WalkContinue, nil
	})
	for _, sp := range spans {
		for _, m := range htmlCommentRe().FindAllIndex(src[sp.Start:sp.End], -1) {
			b.comment(sp.Start+m[0], sp.Start+m[1])
		}
	}
}

func walkBlocks(b *builder, n ast.Node, src []byte, depth int) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c.Kind() {
		case ast.KindHeading:
			b.startBlock(Heading, c.(*ast.Heading).Level, false)
			walkInline(b, c, src)
			b.endBlock()
		case ast.KindParagraph, ast.KindTextBlock:
			kind, itemStart := Paragraph, false
			if li, ok := c.Parent().(*ast.ListItem); ok {
				kind = ListItem
				itemStart = li.FirstChild() == c
			}
			lvl := 0
			if kind == ListItem {
				lvl = depth
			}
			b.startBlock(kind, lvl, itemStart)
			walkInline(b, c, src)
			b.endBlock()
		case ast.KindList:
			walkBlocks(b, c, src, depth+1)
		case ast.KindListItem, ast.KindBlockquote, ast.KindDocument:
			walkBlocks(b, c, src, depth)
		default:
			// Code blocks, HTML blocks and thematic breaks are not prose.
		}
	}
}

func walkInline(b *builder, n ast.Node, src []byte) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch t := c.(type) {
		case *ast.Text:
			b.add(src, t.Segment.Start, t.Segment.Stop)
			if t.SoftLineBreak() || t.HardLineBreak() {
				// Keep line breaks, so line-anchored patterns see lines.
				b.sep("\n")
			}
		case *ast.String:
			// Produced for entities and escapes; not a verbatim copy.
			b.sep(string(t.Value))
		case *ast.CodeSpan, *ast.AutoLink, *ast.RawHTML, *ast.Image:
			b.sep(codeMark)
		default:
			// Emphasis, links (their text is prose, their URL is not) and
			// anything else: recurse into the children.
			walkInline(b, c, src)
		}
	}
}

// frontMatter recognises YAML (---) or TOML (+++) front matter at offset
// start. It returns its top-level scalar fields and the offset just after
// the closing delimiter line, or 0 when there is none.
func frontMatter(src []byte, start int) (map[string]string, int) {
	rest := src[start:]
	var delim string
	switch {
	case bytes.HasPrefix(rest, []byte("---")):
		delim = "---"
	case bytes.HasPrefix(rest, []byte("+++")):
		delim = "+++"
	default:
		return nil, 0
	}
	first := bytes.IndexByte(rest, '\n')
	if first < 0 || strings.TrimSpace(string(rest[:first])) != delim {
		return nil, 0
	}
	fields := map[string]string{}
	pos := first + 1
	for pos < len(rest) {
		nl := bytes.IndexByte(rest[pos:], '\n')
		end := len(rest)
		if nl >= 0 {
			end = pos + nl
		}
		line := strings.TrimRight(string(rest[pos:end]), "\r")
		next := end + 1
		if strings.TrimSpace(line) == delim {
			if next > len(rest) {
				next = len(rest)
			}
			return fields, start + next
		}
		if line != "" && line[0] != ' ' && line[0] != '\t' && line[0] != '#' {
			sepr := ":"
			if delim == "+++" {
				sepr = "="
			}
			if k, v, ok := strings.Cut(line, sepr); ok {
				v = strings.Trim(strings.TrimSpace(v), `"'`)
				fields[strings.ToLower(strings.TrimSpace(k))] = v
			}
		}
		pos = next
	}
	return nil, 0 // unterminated: not front matter
}
