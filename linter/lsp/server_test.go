package lsp

import (
	"strings"
	"testing"
	"time"
)

var fullCaps = map[string]any{
	"workspace":    map[string]any{"workspaceEdit": map[string]any{"documentChanges": true}},
	"textDocument": map[string]any{"hover": map[string]any{"contentFormat": []string{"markdown", "plaintext"}}},
}

func TestInitializeAdvertises(t *testing.T) {
	c := start(t, testOptions(t))
	res := c.initialize("", fullCaps)
	caps := res.Capabilities
	if caps.TextDocumentSync.Change != SyncIncremental || !caps.TextDocumentSync.OpenClose {
		t.Errorf("textDocumentSync = %+v, want open/close and incremental changes", caps.TextDocumentSync)
	}
	if !caps.HoverProvider {
		t.Error("hover not advertised")
	}
	if kinds := strings.Join(caps.CodeActionProvider.CodeActionKinds, ","); kinds != "quickfix,source.fixAll.hirelint" {
		t.Errorf("code action kinds %q", kinds)
	}
	if caps.PositionEncoding != "utf-16" {
		t.Errorf("positionEncoding %q", caps.PositionEncoding)
	}
	if res.ServerInfo.Name != "hirelint" || res.ServerInfo.Version != "test" {
		t.Errorf("serverInfo %+v", res.ServerInfo)
	}
	if err := c.stopServer(); err != nil {
		t.Errorf("Run after shutdown and exit: %v, want nil", err)
	}
}

// TestLifecycle checks the order the protocol demands: nothing before
// initialize, only exit after shutdown.
func TestLifecycle(t *testing.T) {
	c := start(t, testOptions(t))
	id := c.request("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": "file:///a.md"}, "position": map[string]any{"line": 0, "character": 0}})
	if e := c.response(id).Error; e == nil || e.Code != CodeServerNotInitialized {
		t.Errorf("request before initialize: %+v, want %d", e, CodeServerNotInitialized)
	}
	// A notification before initialize is dropped.
	c.open("file:///early.md", "markdown", "# Rockstar\n")
	c.initialize("", fullCaps)
	if e := c.response(c.request("initialize", map[string]any{"capabilities": map[string]any{}})).Error; e == nil || e.Code != CodeInvalidRequest {
		t.Errorf("second initialize: %+v, want %d", e, CodeInvalidRequest)
	}
	c.noMessage(100*time.Millisecond, "diagnostics for a document opened before initialize", func(m msg) bool {
		return m.Method == "textDocument/publishDiagnostics"
	})
	c.call("shutdown", nil, nil)
	if e := c.response(c.request("textDocument/hover", map[string]any{})).Error; e == nil || e.Code != CodeInvalidRequest {
		t.Errorf("request after shutdown: %+v, want %d", e, CodeInvalidRequest)
	}
	c.open("file:///late.md", "markdown", "# Rockstar\n")
	c.notify("exit", nil)
	if err := c.wait(); err != nil {
		t.Errorf("Run: %v, want nil", err)
	}
}

func TestExitWithoutShutdown(t *testing.T) {
	c := start(t, testOptions(t))
	c.initialize("", nil)
	c.notify("exit", nil)
	if err := c.wait(); err != ErrNoShutdown {
		t.Errorf("Run: %v, want ErrNoShutdown", err)
	}
}

// TestDiagnosticsUTF16 checks the published diagnostics of an ad with an
// emoji, a ZWJ emoji sequence and accented letters before the findings:
// characters count UTF-16 code units, not bytes (hirelint's offsets) or
// characters (hirelint's columns).
func TestDiagnosticsUTF16(t *testing.T) {
	c := start(t, testOptions(t))
	c.initialize("", fullCaps)
	uri := "file:///ads/unicode.md"
	c.open(uri, "markdown", readFixture(t, "unicode.md"))
	p := c.diagnostics(uri, nil)
	if p.Version == nil || *p.Version != 1 {
		t.Errorf("version %v, want 1", p.Version)
	}
	// "Café Zürich 🚀 team: we need a rockstar engineer": 30 characters,
	// 35 bytes, 31 UTF-16 units before the match.
	hype := find(t, p, "hype-title", 2)
	if want := (Range{Position{2, 31}, Position{2, 48}}); hype.Range != want {
		t.Errorf("hype-title range %+v, want %+v", hype.Range, want)
	}
	if hype.Severity != SeverityWarning || hype.Source != "hirelint" || !strings.Contains(hype.Message, "rockstar engineer") {
		t.Errorf("hype-title diagnostic %+v", hype)
	}
	if hype.CodeDescription == nil || hype.CodeDescription.Href != "https://example.com/rules#hype-title" {
		t.Errorf("codeDescription %+v", hype.CodeDescription)
	}
	// "Our crew 🧑‍💻 of naïve optimists says: he or she": the emoji is
	// three code points (two outside the BMP) and five UTF-16 units.
	if g := find(t, p, "gendered-language", 3); g.Range != (Range{Position{3, 40}, Position{3, 49}}) {
		t.Errorf("gendered-language range %+v, want 3:40-3:49", g.Range)
	}
	if d := find(t, p, "scrape-junk", 10); d.Severity != SeverityError || d.Range != (Range{Position{10, 0}, Position{10, 9}}) {
		t.Errorf("scrape-junk %+v", d)
	}
	// Findings about the whole ad are shown on the first line.
	if d := find(t, p, "missing-employment-type", 0); d.Severity != SeverityInformation || d.Range != (Range{Position{0, 0}, Position{0, 24}}) {
		t.Errorf("missing-employment-type %+v", d)
	}
	if d := find(t, p, "missing-salary", 0); d.Severity != SeverityError {
		t.Errorf("missing-salary severity %d", d.Severity)
	}
}

// TestIncrementalSync edits with ranges in UTF-16 units, several changes
// in one notification, then replaces the whole text.
func TestIncrementalSync(t *testing.T) {
	c := start(t, testOptions(t))
	c.initialize("", fullCaps)
	uri := "file:///ads/unicode.md"
	c.open(uri, "markdown", readFixture(t, "unicode.md"))
	c.diagnostics(uri, nil)
	change := func(version int, changes ...map[string]any) {
		c.notify("textDocument/didChange", map[string]any{
			"textDocument":   map[string]any{"uri": uri, "version": version},
			"contentChanges": changes,
		})
	}
	rng := func(l1, c1, l2, c2 int) Range { return Range{Position{l1, c1}, Position{l2, c2}} }
	// Replace "he or she" (3:40-3:49, after the ZWJ emoji), then put an
	// emoji at the start of line 2: "rockstar engineer" moves 3 units on.
	change(2,
		map[string]any{"range": rng(3, 40, 3, 49), "text": "they"},
		map[string]any{"range": rng(2, 0, 2, 0), "text": "🎉 "},
	)
	p := c.diagnostics(uri, func(p PublishDiagnosticsParams) bool { return *p.Version == 2 })
	if has(p, "gendered-language") {
		t.Errorf("gendered-language still reported after the edit: %s", describe(p))
	}
	if h := find(t, p, "hype-title", 2); h.Range != rng(2, 34, 2, 51) {
		t.Errorf("hype-title after the edit at %+v, want 2:34-2:51", h.Range)
	}
	// Delete from inside line 0 to inside line 2 (after the emoji).
	change(3, map[string]any{"range": rng(0, 2, 2, 3), "text": ""})
	p = c.diagnostics(uri, func(p PublishDiagnosticsParams) bool { return *p.Version == 3 })
	// Line 0 is now "# Café Zürich 🚀 team: we need a rockstar engineer ...".
	if h := find(t, p, "hype-title", 0); h.Range != rng(0, 33, 0, 50) {
		t.Errorf("hype-title after joining lines at %+v, want 0:33-0:50", h.Range)
	}
	change(4, map[string]any{"text": "Apply Now\n"})
	p = c.diagnostics(uri, func(p PublishDiagnosticsParams) bool { return *p.Version == 4 })
	if has(p, "hype-title") || !has(p, "scrape-junk") {
		t.Errorf("after a full change: %s", describe(p))
	}
}

// TestOnlyLatestPublished sends many changes without a debounce: the
// versions published never go back, and the last one is published.
func TestOnlyLatestPublished(t *testing.T) {
	c := start(t, testOptions(t))
	c.initialize("", nil)
	uri := "file:///ads/race.md"
	c.open(uri, "markdown", "# Engineer\n")
	c.diagnostics(uri, nil)
	const last = 60
	for v := 2; v <= last; v++ {
		text := "# Engineer\n\nWe want a ninja.\n"
		if v%2 == 0 {
			text = "# Engineer\n\nApply Now\n"
		}
		c.notify("textDocument/didChange", map[string]any{
			"textDocument":   map[string]any{"uri": uri, "version": v},
			"contentChanges": []map[string]any{{"text": text}},
		})
	}
	prev := int32(1)
	for {
		p := c.diagnostics(uri, nil)
		if *p.Version <= prev {
			t.Fatalf("version %d published after version %d", *p.Version, prev)
		}
		prev = *p.Version
		if prev == last {
			if !has(p, "scrape-junk") {
				t.Errorf("the last version's diagnostics are not its own: %s", describe(p))
			}
			break
		}
	}
}

// TestDebounce sends a burst of changes: only the last is linted and
// published.
func TestDebounce(t *testing.T) {
	opts := testOptions(t)
	opts.Debounce = 300 * time.Millisecond
	c := start(t, opts)
	c.initialize("", nil)
	uri := "file:///ads/typing.md"
	c.open(uri, "markdown", "# Engineer\n")
	c.diagnostics(uri, nil) // opening lints at once
	text := "# Engineer\n\n"
	for v, ch := range "Apply Now" {
		text += string(ch)
		c.notify("textDocument/didChange", map[string]any{
			"textDocument":   map[string]any{"uri": uri, "version": v + 2},
			"contentChanges": []map[string]any{{"text": text}},
		})
	}
	p := c.diagnostics(uri, nil)
	if *p.Version != 10 || !has(p, "scrape-junk") {
		t.Errorf("after typing, published version %d: %s", *p.Version, describe(p))
	}
	c.noMessage(400*time.Millisecond, "a second publish", func(m msg) bool { return m.Method == "textDocument/publishDiagnostics" })
}

func TestSaveAndClose(t *testing.T) {
	c := start(t, testOptions(t))
	c.initialize("", nil)
	uri := "file:///ads/a.md"
	c.open(uri, "markdown", "# Rockstar\n")
	c.diagnostics(uri, nil)
	c.notify("textDocument/didSave", map[string]any{"textDocument": map[string]any{"uri": uri}})
	if p := c.diagnostics(uri, nil); !has(p, "hype-title") {
		t.Errorf("after save: %s", describe(p))
	}
	c.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": uri}})
	if p := c.diagnostics(uri, nil); len(p.Diagnostics) != 0 {
		t.Errorf("closing must clear the diagnostics: %s", describe(p))
	}
	// A closed document is unknown: changes are ignored, actions empty.
	c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": uri, "version": 9}, "contentChanges": []map[string]any{{"text": "x"}}})
	var actions []CodeAction
	c.call("textDocument/codeAction", map[string]any{"textDocument": map[string]any{"uri": uri}, "range": Range{}, "context": map[string]any{"diagnostics": []any{}}}, &actions)
	if len(actions) != 0 {
		t.Errorf("actions for a closed document: %+v", actions)
	}
	var hover *Hover
	c.call("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": Position{0, 3}}, &hover)
	if hover != nil {
		t.Errorf("hover on a closed document: %+v", hover)
	}
}

// TestFormatFromLanguage: an unsaved buffer has no extension; its
// language id picks the format.
func TestFormatFromLanguage(t *testing.T) {
	c := start(t, testOptions(t))
	c.initialize("", nil)
	// In Markdown a code span is not prose; in plain text it is.
	c.open("untitled:Untitled-1", "markdown", "Use `rockstar` as the tag.\n")
	c.open("untitled:Untitled-2", "plaintext", "Use `rockstar` as the tag.\n")
	if p := c.diagnostics("untitled:Untitled-1", nil); has(p, "hype-title") {
		t.Errorf("markdown buffer: code span linted: %s", describe(p))
	}
	if p := c.diagnostics("untitled:Untitled-2", nil); !has(p, "hype-title") {
		t.Errorf("plain text buffer: %s", describe(p))
	}
}
