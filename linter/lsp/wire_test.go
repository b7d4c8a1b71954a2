package lsp

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/hirelint/hirelint/linter"
)

// TestMalformedMessages sends what a broken client might: each gets the
// JSON-RPC error the specification names (with the request's id when it
// could be read, else null), and the server goes on serving.
func TestMalformedMessages(t *testing.T) {
	c := start(t, testOptions(t))
	c.initialize("", nil)
	tests := []struct {
		name, body string
		id         string // the id the error must carry
		code       int
	}{
		{"not JSON", `{"jsonrpc": "2.0", "id": 1, "method": `, "null", CodeParseError},
		{"binary junk", "\x00\xff\xfe", "null", CodeParseError},
		{"a batch", `[{"jsonrpc":"2.0","id":1,"method":"shutdown"}]`, "null", CodeInvalidRequest},
		{"a number", `42`, "null", CodeInvalidRequest},
		{"null", `null`, "null", CodeInvalidRequest},
		{"no jsonrpc", `{"id":2,"method":"textDocument/hover"}`, "2", CodeInvalidRequest},
		{"jsonrpc 1.0", `{"jsonrpc":"1.0","id":3,"method":"textDocument/hover"}`, "3", CodeInvalidRequest},
		{"id an object", `{"jsonrpc":"2.0","id":{"n":4},"method":"textDocument/hover"}`, "null", CodeInvalidRequest},
		{"id a fraction", `{"jsonrpc":"2.0","id":4.5,"method":"textDocument/hover"}`, "null", CodeInvalidRequest},
		{"id true", `{"jsonrpc":"2.0","id":true,"method":"textDocument/hover"}`, "null", CodeInvalidRequest},
		{"method a number", `{"jsonrpc":"2.0","id":5,"method":5}`, "5", CodeInvalidRequest},
		{"no method", `{"jsonrpc":"2.0","id":6}`, "6", CodeInvalidRequest},
		{"params a string", `{"jsonrpc":"2.0","id":7,"method":"textDocument/hover","params":"x"}`, "7", CodeInvalidRequest},
		{"params of the wrong types", `{"jsonrpc":"2.0","id":8,"method":"textDocument/hover","params":{"textDocument":{"uri":8},"position":{"line":"one"}}}`, "8", CodeInvalidParams},
		{"no params", `{"jsonrpc":"2.0","id":9,"method":"textDocument/codeAction"}`, "9", CodeInvalidParams},
		{"unknown method", `{"jsonrpc":"2.0","id":"ten","method":"textDocument/formatting","params":{}}`, `"ten"`, CodeMethodNotFound},
		{"unknown method, no params", `{"jsonrpc":"2.0","id":11,"method":"$/unknown"}`, "11", CodeMethodNotFound},
	}
	for _, tt := range tests {
		c.sendBody(tt.body)
		if e := c.errorFor(tt.id); e.Code != tt.code {
			t.Errorf("%s: error %d %q, want %d", tt.name, e.Code, e.Message, tt.code)
		}
	}
	// Notifications: unknown ones, $/ ones and ones with bad params get
	// no answer.
	for _, body := range []string{
		`{"jsonrpc":"2.0","method":"no/such/notification","params":{}}`,
		`{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":1}}`,
		`{"jsonrpc":"2.0","method":"$/setTrace","params":{"value":"off"}}`,
		`{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":7,"text":[]}}}`,
		`{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":""}}}`,
		`{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///nope.md","version":2},"contentChanges":[{"text":"x"}]}}`,
		`{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"contentChanges":"x"}}`,
		`{"jsonrpc":"2.0","method":"textDocument/didClose"}`,
		`{"jsonrpc":"2.0","method":"workspace/didChangeWatchedFiles","params":[]}`,
		`{"jsonrpc":"2.0","id":99,"result":{"unasked":true}}`, // an answer to nothing
	} {
		c.sendBody(body)
	}
	// The server is still there, and said nothing to those.
	var hover *Hover
	c.call("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": "file:///x.md"}, "position": Position{}}, &hover)
	if len(c.backlog) != 0 {
		for _, m := range c.backlog {
			t.Errorf("unexpected message: %s", m.raw)
		}
	}
	if err := c.stopServer(); err != nil {
		t.Errorf("Run: %v", err)
	}
}

// TestBadFraming: broken headers are answered with a parse error, and the
// next well-framed message is read as usual.
func TestBadFraming(t *testing.T) {
	c := start(t, testOptions(t))
	c.initialize("", nil)
	// ping checks that a request sent right after the broken bytes is
	// answered as usual. It is sent before waiting for the error: a body
	// without a header is only known to be junk when a header follows.
	ping := func() int { return c.request("no/such/method", map[string]any{}) }
	pong := func(what string, id int) {
		t.Helper()
		if e := c.response(id).Error; e == nil || e.Code != CodeMethodNotFound {
			t.Fatalf("after %s the server does not answer as before: %+v", what, e)
		}
	}
	tests := []struct {
		name, raw string
		code      int
	}{
		{"no Content-Length", "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n", CodeParseError},
		{"Content-Length not a number", "Content-Length: twelve\r\n\r\n", CodeParseError},
		{"negative Content-Length", "Content-Length: -5\r\n\r\n", CodeParseError},
		{"a header line without a colon", "Content-Length: 2\r\nnonsense\r\n\r\n{}", CodeParseError},
		{"a body without a header", `{"jsonrpc":"2.0","id":1,"method":"shutdown"}`, CodeParseError},
		{"a header line too long", "X-Padding: " + strings.Repeat("x", 2*maxHeaderLine) + "\r\nContent-Length: 2\r\n\r\n{}", CodeParseError},
	}
	for _, tt := range tests {
		c.writeRaw(tt.raw)
		id := ping()
		if e := c.errorFor("null"); e.Code != tt.code {
			t.Errorf("%s: error %d %q, want %d", tt.name, e.Code, e.Message, tt.code)
		}
		if tt.name == "a header line without a colon" {
			// The message itself ("{}") is then read: not a request.
			if e := c.errorFor("null"); e.Code != CodeInvalidRequest {
				t.Errorf("%s: body: error %d", tt.name, e.Code)
			}
		}
		pong(tt.name, id)
	}
	// LF-only line endings are accepted.
	body := `{"jsonrpc":"2.0","id":"lf","method":"no/such"}`
	c.writeRaw(fmt.Sprintf("Content-Length: %d\n\n%s", len(body), body))
	if e := c.errorFor(`"lf"`); e.Code != CodeMethodNotFound {
		t.Errorf("LF header: %+v", e)
	}
}

// TestMessageTooLarge: a message over MaxMessageSize is skipped whole.
func TestMessageTooLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("sends 64 MB")
	}
	c := start(t, testOptions(t))
	c.initialize("", nil)
	n := MaxMessageSize + 1
	go func() {
		io.WriteString(c.w, fmt.Sprintf("Content-Length: %d\r\n\r\n", n))
		chunk := strings.Repeat("x", 1<<20)
		for left := n; left > 0; left -= len(chunk) {
			if left < len(chunk) {
				chunk = chunk[:left]
			}
			io.WriteString(c.w, chunk)
		}
	}()
	if e := c.errorFor("null"); e.Code != CodeInvalidRequest || !strings.Contains(e.Message, "larger than") {
		t.Errorf("too large: %+v", e)
	}
	if e := c.response(c.request("no/such", nil)).Error; e == nil || e.Code != CodeMethodNotFound {
		t.Errorf("after a skipped message: %+v", e)
	}
}

// TestHugeDocument opens, edits and fixes a 1 MB ad (two hundred times a
// long one) with about 40,000 findings.
func TestHugeDocument(t *testing.T) {
	c := start(t, testOptions(t))
	c.timeout = 3 * time.Minute // linting 1 MB takes seconds, more with -race
	c.initialize("", fullCaps)
	uri := "file:///ads/huge.md"
	para := "We want a rockstar engineer who is 🚀 fast. Apply Now\n\n"
	n := 1 << 20 / len(para)
	text := "# Engineer\n\n" + strings.Repeat(para, n)
	c.open(uri, "markdown", text)
	p := c.diagnostics(uri, nil)
	hype := 0
	for _, d := range p.Diagnostics {
		if d.Code == "hype-title" {
			hype++
		}
	}
	if hype != n {
		t.Errorf("%d hype-title diagnostics, want %d", hype, n)
	}
	last := 2 + 2*(n-1)
	if d := find(t, p, "hype-title", last); d.Range != (Range{Position{last, 10}, Position{last, 27}}) {
		t.Errorf("last hype-title at %+v", d.Range)
	}
	// An incremental edit at the very end.
	c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": uri, "version": 2},
		"contentChanges": []map[string]any{{"range": Range{Position{last + 2, 0}, Position{last + 2, 0}}, "text": "He or she will lead.\n"}}})
	p = c.diagnostics(uri, func(p PublishDiagnosticsParams) bool { return *p.Version == 2 })
	find(t, p, "gendered-language", last+2)
	actions := c.codeActions(uri, Range{Position{last, 12}, Position{last, 12}})
	action(t, actions, `replace "rockstar engineer" with "senior engineer"`)
}

// TestDocumentTooLarge: over the size limit, a note instead of findings.
func TestDocumentTooLarge(t *testing.T) {
	opts := testOptions(t)
	opts.MaxDocumentSize = 1000
	c := start(t, opts)
	c.initialize("", nil)
	c.open("file:///big.md", "markdown", strings.Repeat("rockstar ", 200))
	p := c.diagnostics("file:///big.md", nil)
	if len(p.Diagnostics) != 1 || !strings.Contains(p.Diagnostics[0].Message, "not linted") {
		t.Errorf("too large: %+v", p.Diagnostics)
	}
}

// TestDisconnect: the client goes away in the middle of a header, in the
// middle of a body, between messages, and while a lint runs; Run ends
// each time, with an error saying so, and nothing panics.
func TestDisconnect(t *testing.T) {
	tests := []struct {
		name, tail string
		want       error
	}{
		{"mid header", "Content-Len", errDisconnected},
		{"after the header", "Content-Length: 40\r\n\r\n", errDisconnected},
		{"mid body", "Content-Length: 40\r\n\r\n{\"jsonrpc\":\"2.0\",", errDisconnected},
		{"between messages", "", ErrNoShutdown},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := start(t, testOptions(t))
			c.initialize("", nil)
			c.open("file:///a.md", "markdown", strings.Repeat("We want a rockstar engineer.\n", 2000))
			c.writeRaw(tt.tail)
			c.w.Close()
			if err := c.wait(); !errors.Is(err, tt.want) {
				t.Errorf("Run: %v, want %v", err, tt.want)
			}
		})
	}
}

// TestReadingNeverWaitsForLint: while a lint is stuck, requests are still
// read and answered.
func TestReadingNeverWaitsForLint(t *testing.T) {
	release := make(chan struct{})
	opts := testOptions(t)
	load := opts.Config
	opts.Config = func(path string) (*linter.Config, error) {
		<-release
		return load(path)
	}
	c := start(t, opts)
	defer close(release)
	c.initialize("", nil)
	c.open("file:///a.md", "markdown", "# Rockstar\n")
	for i := 0; i < 3; i++ {
		c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": "file:///a.md", "version": i + 2},
			"contentChanges": []map[string]any{{"text": "# Ninja\n"}}})
	}
	id := c.request("no/such", nil)
	if e := c.response(id).Error; e == nil || e.Code != CodeMethodNotFound {
		t.Errorf("answer while linting: %+v", e)
	}
	c.noMessage(50*time.Millisecond, "diagnostics while the config loader is stuck", func(m msg) bool {
		return m.Method == "textDocument/publishDiagnostics"
	})
}
