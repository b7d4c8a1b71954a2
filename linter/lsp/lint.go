package lsp

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/hirelint/hirelint/linter"
)

// result is one lint of one version of a document.
type result struct {
	gen      int
	version  int32
	lines    *lineIndex
	doc      *linter.Document // nil when the document was not linted
	cfg      *linter.Config
	findings []linter.Finding
	diags    []Diagnostic // diags[i] is findings[i]; a config error or a size note has no finding
}

// schedule lints d after delay (at once when delay is 0), replacing a lint
// already scheduled. s.mu must be held.
func (s *Server) schedule(d *document, delay time.Duration) {
	if d.timer != nil {
		d.timer.Stop()
		d.timer = nil
	}
	if s.stopping || s.state == stateShutdown {
		return
	}
	gen := d.gen
	if delay <= 0 {
		s.startLint(d, gen)
		return
	}
	d.timer = time.AfterFunc(delay, func() {
		s.mu.Lock()
		defer s.mu.Unlock()
		if s.docs[d.uri] == d && d.gen == gen && !s.stopping && s.state != stateShutdown {
			s.startLint(d, gen)
		}
	})
}

// startLint lints a snapshot of d in a goroutine and publishes the result
// if d has not changed meanwhile. s.mu must be held.
func (s *Server) startLint(d *document, gen int) {
	text, version := d.text, d.version
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		var res *result
		if err := s.safely(func() error { res = s.lint(d, text, version, gen); return nil }); err != nil {
			return
		}
		s.publish(d, res)
	}()
}

// publish sends res unless its document changed or closed since the lint
// began: only the latest version of a document is ever published, and
// holding writeMu while checking keeps an older lint from overtaking a
// newer one on the wire.
func (s *Server) publish(d *document, res *result) {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	s.mu.Lock()
	current := s.docs[d.uri] == d && d.gen == res.gen && !s.stopping
	if current && (d.last == nil || d.last.gen <= res.gen) {
		d.last = res
	}
	s.mu.Unlock()
	if !current {
		return
	}
	v := res.version
	s.sendLocked(outgoing{JSONRPC: "2.0", Method: "textDocument/publishDiagnostics", Params: PublishDiagnosticsParams{
		URI: d.uri, Version: &v, Diagnostics: res.diags,
	}})
}

// current returns the lint of the document's present text, linting now
// when the newest lint is of an older version.
func (s *Server) current(uri string) *result {
	s.mu.Lock()
	d := s.docs[uri]
	if d == nil {
		s.mu.Unlock()
		return nil
	}
	if d.last != nil && d.last.gen == d.gen {
		res := d.last
		s.mu.Unlock()
		return res
	}
	text, version, gen := d.text, d.version, d.gen
	s.mu.Unlock()
	res := s.lint(d, text, version, gen)
	s.mu.Lock()
	if d.gen == gen && (d.last == nil || d.last.gen < gen) {
		d.last = res
	}
	s.mu.Unlock()
	return res
}

// lint lints text, a version of d. It touches no shared state but the
// config cache.
func (s *Server) lint(d *document, text string, version int32, gen int) *result {
	res := &result{gen: gen, version: version, lines: newLineIndex(text), diags: []Diagnostic{}}
	firstLine := res.lines.rangeOf(0, res.lines.lineEnd(0))
	if len(text) > s.opts.MaxDocumentSize {
		res.diags = append(res.diags, Diagnostic{Range: firstLine, Severity: SeverityInformation, Source: "hirelint",
			Message: fmt.Sprintf("the document has %d bytes, more than the %d hirelint lints: not linted", len(text), s.opts.MaxDocumentSize)})
		return res
	}
	cfg, err := s.configs.get(d.path)
	if err != nil {
		res.diags = append(res.diags, Diagnostic{Range: firstLine, Severity: SeverityError, Source: "hirelint", Code: "config",
			Message: fmt.Sprintf("config error, the document was not linted: %v", err)})
		return res
	}
	res.cfg = cfg
	res.doc = linter.Parse(d.path, []byte(text), d.format)
	res.findings = cfg.Lint(res.doc)
	res.diags = make([]Diagnostic, len(res.findings))
	for i, f := range res.findings {
		res.diags[i] = s.diagnostic(res, f, firstLine)
	}
	return res
}

// severities maps hirelint severities to LSP ones.
var severities = map[linter.Severity]int{
	linter.Error:   SeverityError,
	linter.Warning: SeverityWarning,
	linter.Info:    SeverityInformation,
}

// diagnostic converts a finding. A document-level finding covers the
// first line, where clients show it.
func (s *Server) diagnostic(res *result, f linter.Finding, firstLine Range) Diagnostic {
	sev, ok := severities[f.Severity]
	if !ok {
		sev = SeverityHint
	}
	dg := Diagnostic{Range: res.rangeOf(f, firstLine), Severity: sev, Code: f.Rule, Source: "hirelint", Message: f.Message}
	if r := res.cfg.Lookup(f.Rule); r != nil && s.opts.RuleURL != nil {
		if href := s.opts.RuleURL(r); href != "" {
			dg.CodeDescription = &CodeDescription{Href: href}
		}
	}
	return dg
}

func (res *result) rangeOf(f linter.Finding, firstLine Range) Range {
	if f.Doc {
		return firstLine
	}
	return res.lines.rangeOf(f.Span.Start, f.Span.End)
}

// configCache keeps the rule set of each document path, with a stamp of
// the config files it depends on: the size and modification time of every
// config file from the document's directory upwards, and of each file the
// rule set was read from. A changed stamp (a file edited, created or
// removed) reads the rule set again.
type configCache struct {
	load func(path string) (*linter.Config, error)
	name string

	mu     sync.Mutex
	byPath map[string]cachedConfig
}

type cachedConfig struct {
	cfg   *linter.Config
	err   error
	stamp string
}

func (c *configCache) get(path string) (*linter.Config, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	old, ok := c.byPath[path]
	var files []string
	if ok && old.cfg != nil {
		files = old.cfg.Files
	}
	stamp := c.stamp(path, files)
	if ok && old.stamp == stamp {
		return old.cfg, old.err
	}
	if c.load == nil {
		return nil, fmt.Errorf("no rule set: the server was started without a config loader")
	}
	cfg, err := c.load(path)
	if err == nil && !equalStrings(files, cfg.Files) {
		stamp = c.stamp(path, cfg.Files)
	}
	if c.byPath == nil {
		c.byPath = map[string]cachedConfig{}
	}
	c.byPath[path] = cachedConfig{cfg: cfg, err: err, stamp: stamp}
	return cfg, err
}

// reset forgets every rule set (a watched config file changed).
func (c *configCache) reset() {
	c.mu.Lock()
	c.byPath = nil
	c.mu.Unlock()
}

func (c *configCache) stamp(path string, files []string) string {
	var b strings.Builder
	add := func(p string) {
		b.WriteString(p)
		if fi, err := os.Stat(p); err == nil {
			b.WriteByte('=')
			b.WriteString(strconv.FormatInt(fi.ModTime().UnixNano(), 10))
			b.WriteByte('/')
			b.WriteString(strconv.FormatInt(fi.Size(), 10))
		}
		b.WriteByte(';')
	}
	if c.name != "" {
		for dir := filepath.Dir(path); ; {
			add(filepath.Join(dir, c.name))
			parent := filepath.Dir(dir)
			if parent == dir {
				break
			}
			dir = parent
		}
	}
	for _, f := range files {
		add(f)
	}
	return b.String()
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
