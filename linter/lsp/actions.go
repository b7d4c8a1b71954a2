package lsp

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/hirelint/hirelint/linter"
)

func (s *Server) codeAction(params json.RawMessage) (any, *rpcError) {
	var p CodeActionParams
	if rerr := decodeParams(params, &p); rerr != nil {
		return nil, rerr
	}
	res := s.current(p.TextDocument.URI)
	actions := []CodeAction{}
	if res == nil || res.doc == nil {
		return actions, nil
	}
	s.mu.Lock()
	docChanges := s.caps.Workspace.WorkspaceEdit.DocumentChanges
	s.mu.Unlock()
	b := actionBuilder{uri: p.TextDocument.URI, res: res, docChanges: docChanges}
	if wants(p.Context.Only, KindQuickFix) {
		disabled := map[string]bool{}
		for i, f := range res.findings {
			dg := res.diags[i]
			if !dg.Range.overlaps(p.Range) {
				continue
			}
			preferred := true
			for _, fx := range f.Fixes {
				if len(fx.Edits) == 0 {
					continue
				}
				a := b.action(fx.Message, KindQuickFix, fx.Edits, dg)
				if fx.Safe && preferred {
					a.IsPreferred, preferred = true, false
				}
				if !fx.Safe {
					a.Title += " (a template to complete)"
				}
				actions = append(actions, a)
			}
			if key := f.Rule + "@" + fmt.Sprint(dg.Range.Start.Line, f.Doc); !disabled[key] {
				disabled[key] = true
				actions = append(actions, b.disable(f, dg))
			}
		}
	}
	// Fixing everything is a source action: offered when asked for by
	// kind (on save, or a "source action" menu), not at every cursor.
	if len(p.Context.Only) > 0 && wants(p.Context.Only, KindFixAll) {
		if a, ok := b.fixAll(); ok {
			actions = append(actions, a)
		}
	}
	return actions, nil
}

// wants reports whether a client that asked for the kinds in only (none:
// all) wants actions of kind; "source" asks for "source.fixAll.hirelint".
func wants(only []string, kind string) bool {
	if len(only) == 0 {
		return true
	}
	for _, o := range only {
		if kind == o || strings.HasPrefix(kind, o+".") {
			return true
		}
	}
	return false
}

type actionBuilder struct {
	uri        string
	res        *result
	docChanges bool
}

func (b actionBuilder) action(title, kind string, edits []linter.TextEdit, dg ...Diagnostic) CodeAction {
	tes := make([]TextEdit, len(edits))
	for i, e := range edits {
		tes[i] = TextEdit{Range: b.res.lines.rangeOf(e.Span.Start, e.Span.End), NewText: e.NewText}
	}
	we := &WorkspaceEdit{}
	if b.docChanges {
		we.DocumentChanges = []TextDocumentEdit{{TextDocument: VersionedTextDocumentIdentifier{URI: b.uri, Version: b.res.version}, Edits: tes}}
	} else {
		we.Changes = map[string][]TextEdit{b.uri: tes}
	}
	return CodeAction{Title: title, Kind: kind, Diagnostics: dg, Edit: we}
}

// disable returns the action that turns the finding's rule off with an
// inline directive: on the line above the finding, or for a finding about
// the whole ad at the top (after any front matter).
func (b actionBuilder) disable(f linter.Finding, dg Diagnostic) CodeAction {
	src := b.res.doc.Source
	text := string(src)
	plain := b.res.doc.Format == linter.PlainText
	if f.Doc {
		at := afterFrontMatter(text, b.res.doc.Format)
		dir := fmt.Sprintf("hirelint-disable %s -- TODO: say why", f.Rule)
		return b.action(fmt.Sprintf("disable %s for this ad", f.Rule), KindQuickFix,
			[]linter.TextEdit{{Span: linter.Span{Start: at, End: at}, NewText: comment(dir, plain) + eol(text, at)}}, dg)
	}
	line := b.res.lines.position(f.Span.Start).Line
	start := b.res.lines.starts[line]
	indent := start
	for indent < len(text) && (text[indent] == ' ' || text[indent] == '\t') {
		indent++
	}
	dir := fmt.Sprintf("hirelint-disable-next-line %s -- TODO: say why", f.Rule)
	return b.action(fmt.Sprintf("disable %s for this line", f.Rule), KindQuickFix,
		[]linter.TextEdit{{Span: linter.Span{Start: start, End: start}, NewText: text[start:indent] + comment(dir, plain) + eol(text, start)}}, dg)
}

func comment(directive string, plain bool) string {
	if plain {
		return "# " + directive
	}
	return "<!-- " + directive + " -->"
}

// eol returns the line ending of the line at off: "\r\n" when the document
// uses it there, else "\n".
func eol(text string, off int) string {
	if i := strings.IndexByte(text[off:], '\n'); i > 0 && text[off+i-1] == '\r' {
		return "\r\n"
	}
	return "\n"
}

// afterFrontMatter returns the offset just after Markdown front matter
// ("---" or "+++" lines around it) at the top of text, else 0 (after a
// byte-order mark).
func afterFrontMatter(text string, format linter.Format) int {
	start := 0
	if strings.HasPrefix(text, "\ufeff") {
		start = len("\ufeff")
	}
	if format != linter.Markdown {
		return start
	}
	for _, fence := range []string{"---", "+++"} {
		rest := text[start:]
		if !strings.HasPrefix(rest, fence+"\n") && !strings.HasPrefix(rest, fence+"\r\n") {
			continue
		}
		off := start + strings.IndexByte(rest, '\n') + 1
		for off < len(text) {
			end := strings.IndexByte(text[off:], '\n')
			if end < 0 {
				end = len(text) - off
			} else {
				end++
			}
			if strings.TrimRight(text[off:off+end], "\r\n") == fence {
				return off + end
			}
			off += end
		}
	}
	return start
}

// fixAll returns the action that applies every safe rewrite, as --fix
// does, as one edit of the stretch that changes.
func (b actionBuilder) fixAll() (CodeAction, bool) {
	src := b.res.doc.Source
	fixed, n, err := b.res.cfg.Fix(b.res.doc.Path, src, b.res.doc.Format)
	if err != nil || n == 0 {
		return CodeAction{}, false
	}
	pre := 0
	for pre < len(src) && pre < len(fixed) && src[pre] == fixed[pre] {
		pre++
	}
	suf := 0
	for suf < len(src)-pre && suf < len(fixed)-pre && src[len(src)-1-suf] == fixed[len(fixed)-1-suf] {
		suf++
	}
	// Keep the edit on character boundaries.
	for pre > 0 && !isRuneStart(src[pre]) {
		pre--
	}
	for suf > 0 && !isRuneStart(src[len(src)-suf]) {
		suf--
	}
	edit := linter.TextEdit{Span: linter.Span{Start: pre, End: len(src) - suf}, NewText: string(fixed[pre : len(fixed)-suf])}
	title := fmt.Sprintf("fix all: apply %d safe rewrites", n)
	if n == 1 {
		title = "fix all: apply 1 safe rewrite"
	}
	return b.action(title, KindFixAll, []linter.TextEdit{edit}), true
}

func isRuneStart(c byte) bool { return c&0xC0 != 0x80 }

func (s *Server) hover(params json.RawMessage) (any, *rpcError) {
	var p HoverParams
	if rerr := decodeParams(params, &p); rerr != nil {
		return nil, rerr
	}
	res := s.current(p.TextDocument.URI)
	if res == nil || res.doc == nil {
		return nil, nil
	}
	// Findings under the cursor; on the first line, the findings about the
	// whole ad when no word there has one.
	var hits []int
	for _, want := range []bool{false, true} {
		for i, f := range res.findings {
			if f.Doc == want && res.diags[i].Range.contains(p.Position) {
				hits = append(hits, i)
			}
		}
		if len(hits) > 0 {
			break
		}
	}
	if len(hits) == 0 {
		return nil, nil
	}
	s.mu.Lock()
	markdown := false
	for _, k := range s.caps.TextDocument.Hover.ContentFormat {
		if k == "markdown" {
			markdown = true
			break
		}
		if k == "plaintext" {
			break
		}
	}
	s.mu.Unlock()
	var b strings.Builder
	rng := res.diags[hits[0]].Range
	explained := map[string]bool{}
	for n, i := range hits {
		f := res.findings[i]
		if n > 0 {
			if markdown {
				b.WriteString("\n---\n\n")
			} else {
				b.WriteString("\n\n")
			}
		}
		if markdown {
			fmt.Fprintf(&b, "**%s** (%s): %s\n", f.Rule, f.Severity, escapeMarkdown(f.Message))
		} else {
			fmt.Fprintf(&b, "%s (%s): %s\n", f.Rule, f.Severity, f.Message)
		}
		if explained[f.Rule] {
			continue
		}
		explained[f.Rule] = true
		if doc := s.explain(res.cfg, f.Rule); doc != "" {
			if markdown {
				fence := "```"
				for strings.Contains(doc, fence) {
					fence += "`"
				}
				fmt.Fprintf(&b, "\n%stext\n%s\n%s\n", fence, strings.TrimRight(doc, "\n"), fence)
			} else {
				fmt.Fprintf(&b, "\n%s\n", strings.TrimRight(doc, "\n"))
			}
		}
	}
	kind := "plaintext"
	if markdown {
		kind = "markdown"
	}
	return Hover{Contents: MarkupContent{Kind: kind, Value: b.String()}, Range: &rng}, nil
}

// explain returns a rule's documentation: Options.Explain, else its title.
func (s *Server) explain(cfg *linter.Config, id string) string {
	r := cfg.Lookup(id)
	if r == nil {
		return ""
	}
	if s.opts.Explain != nil {
		return s.opts.Explain(r, cfg.IsActive(r))
	}
	return fmt.Sprintf("%s: %s", r.ID, r.Title)
}

var markdownEscaper = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "<", `\<`, "[", `\[`, "#", `\#`)

func escapeMarkdown(s string) string { return markdownEscaper.Replace(s) }
