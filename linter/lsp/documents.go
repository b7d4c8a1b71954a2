package lsp

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/hirelint/hirelint/linter"
)

// document is an open document as the client last described it.
type document struct {
	uri    string
	path   string // what its rule set is looked up by
	format linter.Format
	// version is the client's version; gen counts the changes the server
	// applied, so a stale lint is recognised even when a client repeats
	// a version.
	version int32
	gen     int
	text    string
	timer   *time.Timer
	last    *result // the newest lint, for code actions and hover
}

// formatFor picks a document's format: from its file extension when that
// says (as on the command line), else from the client's language id.
func formatFor(path, languageID string) linter.Format {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".md", ".markdown", ".mdown", ".mkd", ".html", ".htm", ".xhtml", ".txt", ".text":
		return linter.FormatForPath(path)
	}
	switch strings.ToLower(languageID) {
	case "markdown", "mdx", "rmd", "quarto":
		return linter.Markdown
	case "html", "xhtml":
		return linter.HTML
	}
	return linter.PlainText
}

func (s *Server) didOpen(params json.RawMessage) error {
	var p DidOpenTextDocumentParams
	if rerr := decodeParams(params, &p); rerr != nil {
		return rerr
	}
	td := p.TextDocument
	if td.URI == "" {
		return fmt.Errorf("textDocument.uri is empty")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if old := s.docs[td.URI]; old != nil && old.timer != nil {
		old.timer.Stop()
	}
	path := s.lookupPath(td.URI)
	d := &document{uri: td.URI, path: path, format: formatFor(path, td.LanguageID), version: td.Version, text: td.Text}
	s.docs[td.URI] = d
	s.schedule(d, 0)
	return nil
}

func (s *Server) didChange(params json.RawMessage) error {
	var p DidChangeTextDocumentParams
	if rerr := decodeParams(params, &p); rerr != nil {
		return rerr
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.docs[p.TextDocument.URI]
	if d == nil {
		return fmt.Errorf("change to %s, which is not open", p.TextDocument.URI)
	}
	d.text = applyChanges(d.text, p.ContentChanges)
	d.version = p.TextDocument.Version
	d.gen++
	s.schedule(d, s.opts.Debounce)
	return nil
}

// applyChanges applies content changes in order: a change without a range
// replaces the whole text; one with a range replaces that range of the
// text as the earlier changes left it.
func applyChanges(text string, changes []TextDocumentContentChangeEvent) string {
	for _, c := range changes {
		if c.Range == nil {
			text = c.Text
			continue
		}
		li := newLineIndex(text)
		start, end := li.offset(c.Range.Start), li.offset(c.Range.End)
		if end < start {
			start, end = end, start
		}
		text = text[:start] + c.Text + text[end:]
	}
	return text
}

func (s *Server) didSave(params json.RawMessage) error {
	var p DidSaveTextDocumentParams
	if rerr := decodeParams(params, &p); rerr != nil {
		return rerr
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.docs[p.TextDocument.URI]
	if d == nil {
		return nil
	}
	if p.Text != nil && *p.Text != d.text {
		d.text = *p.Text
		d.gen++
	}
	// The config may have been saved too: lint at once.
	s.schedule(d, 0)
	return nil
}

func (s *Server) didClose(params json.RawMessage) error {
	var p DidCloseTextDocumentParams
	if rerr := decodeParams(params, &p); rerr != nil {
		return rerr
	}
	s.mu.Lock()
	d := s.docs[p.TextDocument.URI]
	if d != nil {
		if d.timer != nil {
			d.timer.Stop()
		}
		delete(s.docs, d.uri)
	}
	s.mu.Unlock()
	if d != nil {
		s.notify("textDocument/publishDiagnostics", PublishDiagnosticsParams{URI: d.uri, Diagnostics: []Diagnostic{}})
	}
	return nil
}

func (s *Server) didChangeWatchedFiles(params json.RawMessage) error {
	var p DidChangeWatchedFilesParams
	if rerr := decodeParams(params, &p); rerr != nil {
		return rerr
	}
	s.configs.reset()
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, d := range s.docs {
		s.schedule(d, 0)
	}
	return nil
}
