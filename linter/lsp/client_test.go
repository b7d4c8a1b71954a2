package lsp

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hirelint/hirelint"
	"github.com/hirelint/hirelint/linter"
	"github.com/hirelint/hirelint/rules"
)

// The tests talk to a Server over in-process pipes, as an editor would
// over standard input and output.

const waitFor = 10 * time.Second

var (
	baseOnce sync.Once
	baseCfg  *linter.Config
	baseErr  error
)

// builtin returns the built-in rule set.
func builtin(t testing.TB) *linter.Config {
	baseOnce.Do(func() {
		baseCfg, baseErr = linter.NewConfig(rules.Kinds()).Extend(hirelint.DefaultRulesName, hirelint.DefaultRules)
	})
	if baseErr != nil {
		t.Fatal(baseErr)
	}
	return baseCfg
}

// fileLoader reads the nearest .hirelint.toml from path's directory
// upwards, afresh on every call, as the command's loader does.
func fileLoader(t testing.TB) func(string) (*linter.Config, error) {
	base := builtin(t)
	return func(path string) (*linter.Config, error) {
		for dir := filepath.Dir(path); ; dir = filepath.Dir(dir) {
			cand := filepath.Join(dir, ".hirelint.toml")
			if src, err := os.ReadFile(cand); err == nil {
				return base.Extend(cand, src)
			}
			if filepath.Dir(dir) == dir {
				return base, nil
			}
		}
	}
}

func testOptions(t testing.TB) Options {
	return Options{
		Config:     fileLoader(t),
		ConfigName: ".hirelint.toml",
		Explain: func(r *linter.RuleConfig, active bool) string {
			return fmt.Sprintf("EXPLAIN %s: %s\nBefore:\n    %s\nAfter:\n    %s\n", r.ID, r.Title, r.Before, r.After)
		},
		RuleURL: func(r *linter.RuleConfig) string { return "https://example.com/rules#" + r.ID },
		Version: "test",
	}
}

// msg is a message from the server, decoded loosely.
type msg struct {
	ID     json.RawMessage `json:"id"`
	Method string          `json:"method"`
	Params json.RawMessage `json:"params"`
	Result json.RawMessage `json:"result"`
	Error  *rpcError       `json:"error"`
	raw    []byte
}

type client struct {
	t       testing.TB
	w       *io.PipeWriter // to the server
	in      chan msg       // from the server
	backlog []msg
	done    chan error // Run's result
	nextID  int
	readErr chan error
	readEnd chan struct{} // closed when the reader goroutine returns
	timeout time.Duration // how long to wait for a message
}

// start runs a server with opts and returns a client connected to it. The
// server is stopped when the test ends.
func start(t testing.TB, opts Options) *client {
	t.Helper()
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	c := &client{t: t, w: inW, in: make(chan msg, 100000), done: make(chan error, 1), readErr: make(chan error, 1), readEnd: make(chan struct{}), timeout: waitFor}
	srv := NewServer(opts)
	go func() {
		err := srv.Run(inR, outW)
		outW.Close()
		c.done <- err
	}()
	go func() {
		defer close(c.readEnd)
		r := newReader(outR)
		for {
			body, problem, err := r.read()
			if err != nil {
				if err != io.EOF {
					c.readErr <- err
				}
				close(c.in)
				return
			}
			if problem != nil {
				c.readErr <- fmt.Errorf("server framing: %s", problem.Message)
				close(c.in)
				return
			}
			var m msg
			if err := json.Unmarshal(body, &m); err != nil {
				c.readErr <- fmt.Errorf("server sent bad JSON %q: %v", body, err)
				close(c.in)
				return
			}
			m.raw = body
			c.in <- m
		}
	}()
	t.Cleanup(func() {
		inW.Close()
		select {
		case <-c.done:
		case <-time.After(c.timeout):
			t.Errorf("the server did not stop after its input closed")
		}
		// The server closed its output: the reader drains it to EOF. Closing
		// the pipe before then would fail the reader's last read.
		select {
		case <-c.readEnd:
		case <-time.After(c.timeout):
			t.Errorf("the reader did not reach the end of the server's output")
		}
		outR.Close()
		select {
		case err := <-c.readErr:
			t.Errorf("reading from the server: %v", err)
		default:
		}
	})
	return c
}

// writeRaw sends bytes as they are.
func (c *client) writeRaw(b string) {
	c.t.Helper()
	if _, err := io.WriteString(c.w, b); err != nil {
		c.t.Fatalf("write to server: %v", err)
	}
}

// sendBody frames and sends a message body.
func (c *client) sendBody(body string) {
	c.t.Helper()
	c.writeRaw(fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(body), body))
}

func (c *client) notify(method string, params any) {
	c.t.Helper()
	b, err := json.Marshal(map[string]any{"jsonrpc": "2.0", "method": method, "params": params})
	if err != nil {
		c.t.Fatal(err)
	}
	c.sendBody(string(b))
}

// request sends a request and returns its id.
func (c *client) request(method string, params any) int {
	c.t.Helper()
	c.nextID++
	b, err := json.Marshal(map[string]any{"jsonrpc": "2.0", "id": c.nextID, "method": method, "params": params})
	if err != nil {
		c.t.Fatal(err)
	}
	c.sendBody(string(b))
	return c.nextID
}

// call sends a request, waits for the answer and decodes its result into
// result (when not nil). It fails the test on an error answer.
func (c *client) call(method string, params, result any) {
	c.t.Helper()
	m := c.response(c.request(method, params))
	if m.Error != nil {
		c.t.Fatalf("%s: error %d %s", method, m.Error.Code, m.Error.Message)
	}
	if result != nil {
		if err := json.Unmarshal(m.Result, result); err != nil {
			c.t.Fatalf("%s: result %s: %v", method, m.Result, err)
		}
	}
}

// next returns the first message (from the backlog, else the wire) that
// match accepts; others stay in the backlog.
func (c *client) next(what string, match func(msg) bool) msg {
	c.t.Helper()
	for i, m := range c.backlog {
		if match(m) {
			c.backlog = append(c.backlog[:i:i], c.backlog[i+1:]...)
			return m
		}
	}
	timeout := time.After(c.timeout)
	for {
		select {
		case m, ok := <-c.in:
			if !ok {
				c.t.Fatalf("the server closed the connection while the test waited for %s", what)
			}
			if match(m) {
				return m
			}
			c.backlog = append(c.backlog, m)
		case <-timeout:
			c.t.Fatalf("no %s within %s", what, c.timeout)
		}
	}
}

// response waits for the answer to request id.
func (c *client) response(id int) msg {
	c.t.Helper()
	want := fmt.Sprint(id)
	return c.next("answer to request "+want, func(m msg) bool { return m.Method == "" && string(m.ID) == want })
}

// errorFor waits for an error answer with the given raw id ("null" for
// messages that could not be read).
func (c *client) errorFor(rawID string) *rpcError {
	c.t.Helper()
	m := c.next("error answer with id "+rawID, func(m msg) bool { return m.Method == "" && string(m.ID) == rawID })
	if m.Error == nil {
		c.t.Fatalf("want an error for id %s, got result %s", rawID, m.Result)
	}
	if m.Result != nil {
		c.t.Errorf("an error answer must have no result: %s", m.raw)
	}
	return m.Error
}

// diagnostics waits for diagnostics on uri that ok accepts.
func (c *client) diagnostics(uri string, ok func(PublishDiagnosticsParams) bool) PublishDiagnosticsParams {
	c.t.Helper()
	var got PublishDiagnosticsParams
	c.next("diagnostics for "+uri, func(m msg) bool {
		if m.Method != "textDocument/publishDiagnostics" {
			return false
		}
		var p PublishDiagnosticsParams
		if err := json.Unmarshal(m.Params, &p); err != nil {
			c.t.Fatalf("bad publishDiagnostics %s: %v", m.Params, err)
		}
		if p.URI != uri || (ok != nil && !ok(p)) {
			return false
		}
		got = p
		return true
	})
	return got
}

// noMessage checks that the server sends nothing matching within d.
func (c *client) noMessage(d time.Duration, what string, match func(msg) bool) {
	c.t.Helper()
	for _, m := range c.backlog {
		if match(m) {
			c.t.Fatalf("unexpected %s: %s", what, m.raw)
		}
	}
	timeout := time.After(d)
	for {
		select {
		case m, ok := <-c.in:
			if !ok {
				return
			}
			if match(m) {
				c.t.Fatalf("unexpected %s: %s", what, m.raw)
			}
			c.backlog = append(c.backlog, m)
		case <-timeout:
			return
		}
	}
}

// initialize runs the handshake with the given client capabilities.
func (c *client) initialize(rootURI string, caps map[string]any) InitializeResult {
	c.t.Helper()
	var res InitializeResult
	params := map[string]any{"processId": nil, "capabilities": caps}
	if rootURI != "" {
		params["rootUri"] = rootURI
	}
	c.call("initialize", params, &res)
	c.notify("initialized", map[string]any{})
	return res
}

// stopServer sends shutdown and exit and returns Run's result.
func (c *client) stopServer() error {
	c.t.Helper()
	c.call("shutdown", nil, nil)
	c.notify("exit", nil)
	return c.wait()
}

func (c *client) wait() error {
	c.t.Helper()
	select {
	case err := <-c.done:
		c.done <- err // for the cleanup
		return err
	case <-time.After(c.timeout):
		c.t.Fatalf("the server did not stop")
		return errors.New("unreachable")
	}
}

func (c *client) open(uri, lang, text string) {
	c.t.Helper()
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": lang, "version": 1, "text": text}})
}

// fileURI returns the file: URI of a path.
func fileURI(path string) string {
	return "file://" + filepath.ToSlash(path)
}

// find returns the diagnostic with the code whose range starts on line.
func find(t testing.TB, p PublishDiagnosticsParams, code string, line int) Diagnostic {
	t.Helper()
	for _, d := range p.Diagnostics {
		if d.Code == code && d.Range.Start.Line == line {
			return d
		}
	}
	t.Fatalf("no %s diagnostic on line %d in %s", code, line, describe(p))
	return Diagnostic{}
}

func has(p PublishDiagnosticsParams, code string) bool {
	for _, d := range p.Diagnostics {
		if d.Code == code {
			return true
		}
	}
	return false
}

func describe(p PublishDiagnosticsParams) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d diagnostics:", len(p.Diagnostics))
	for _, d := range p.Diagnostics {
		fmt.Fprintf(&b, "\n  %d:%d-%d:%d %s", d.Range.Start.Line, d.Range.Start.Character, d.Range.End.Line, d.Range.End.Character, d.Code)
	}
	return b.String()
}

// applyEdits applies LSP text edits to text, as a client does.
func applyEdits(t testing.TB, text string, edits []TextEdit) string {
	t.Helper()
	li := newLineIndex(text)
	type span struct {
		s, e int
		new  string
	}
	var spans []span
	for _, e := range edits {
		spans = append(spans, span{li.offset(e.Range.Start), li.offset(e.Range.End), e.NewText})
	}
	// Apply from the end so earlier offsets stay valid.
	sort.SliceStable(spans, func(i, j int) bool { return spans[i].s < spans[j].s })
	for i := len(spans) - 1; i >= 0; i-- {
		sp := spans[i]
		text = text[:sp.s] + sp.new + text[sp.e:]
	}
	return text
}

func readFixture(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "lsp", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
