package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"net/textproto"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"
	"time"
)

// rpcConn is a bare JSON-RPC client for "hirelint lsp" run in-process.
type rpcConn struct {
	t    *testing.T
	w    io.Writer
	r    *bufio.Reader
	id   int
	done chan int // the exit status
}

func startLSP(t *testing.T, args ...string) *rpcConn {
	t.Helper()
	keepRunGC(t)
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	c := &rpcConn{t: t, w: inW, r: bufio.NewReader(outR), done: make(chan int, 1)}
	var stderr bytes.Buffer
	go func() {
		code := run(append([]string{"lsp"}, args...), inR, outW, &stderr)
		outW.Close()
		c.done <- code
	}()
	t.Cleanup(func() {
		inW.Close()
		outR.Close()
	})
	return c
}

func (c *rpcConn) send(v map[string]any) {
	c.t.Helper()
	v["jsonrpc"] = "2.0"
	b, err := json.Marshal(v)
	if err != nil {
		c.t.Fatal(err)
	}
	if _, err := fmt.Fprintf(c.w, "Content-Length: %d\r\n\r\n%s", len(b), b); err != nil {
		c.t.Fatal(err)
	}
}

// read returns the next message from the server.
func (c *rpcConn) read() map[string]any {
	c.t.Helper()
	type res struct {
		m   map[string]any
		err error
	}
	ch := make(chan res, 1)
	go func() {
		h, err := textproto.NewReader(c.r).ReadMIMEHeader()
		if err != nil {
			ch <- res{err: err}
			return
		}
		n, err := strconv.Atoi(h.Get("Content-Length"))
		if err != nil {
			ch <- res{err: err}
			return
		}
		body := make([]byte, n)
		if _, err := io.ReadFull(c.r, body); err != nil {
			ch <- res{err: err}
			return
		}
		var m map[string]any
		ch <- res{m, json.Unmarshal(body, &m)}
	}()
	select {
	case r := <-ch:
		if r.err != nil {
			c.t.Fatalf("read from the server: %v", r.err)
		}
		return r.m
	case <-time.After(20 * time.Second):
		c.t.Fatal("no message from the server within 20 s")
	}
	return nil
}

// call sends a request and returns its answer, skipping notifications.
func (c *rpcConn) call(method string, params any) map[string]any {
	c.t.Helper()
	c.id++
	c.send(map[string]any{"id": c.id, "method": method, "params": params})
	for {
		m := c.read()
		if id, ok := m["id"].(float64); ok && int(id) == c.id && m["method"] == nil {
			return m
		}
	}
}

// diagnostics waits for the next publishDiagnostics.
func (c *rpcConn) diagnostics() []map[string]any {
	c.t.Helper()
	for {
		m := c.read()
		if m["method"] == "textDocument/publishDiagnostics" {
			var out []map[string]any
			for _, d := range m["params"].(map[string]any)["diagnostics"].([]any) {
				out = append(out, d.(map[string]any))
			}
			return out
		}
	}
}

// TestLSPCommand runs "hirelint lsp" with the command's own config
// lookup: a .hirelint.toml with an [[override]] for some paths, links to
// the rule definitions, hover text from Explain, a clean exit.
func TestLSPCommand(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, ".hirelint.toml"), `disable = ["completeness", "readability", "pay"]

[[override]]
paths = ["internal/**"]
disable = ["hype-title"]
`)
	c := startLSP(t, "--debounce", "0", "--stdio")
	init := c.call("initialize", map[string]any{"processId": nil, "rootUri": "file://" + filepath.ToSlash(dir), "capabilities": map[string]any{}})
	if caps, _ := init["result"].(map[string]any)["capabilities"].(map[string]any); caps["hoverProvider"] != true {
		t.Fatalf("initialize: %v", init)
	}
	c.send(map[string]any{"method": "initialized", "params": map[string]any{}})
	text := "# Rockstar Engineer\n\nWe want a rockstar engineer.\n"
	open := func(path string) []map[string]any {
		c.send(map[string]any{"method": "textDocument/didOpen", "params": map[string]any{"textDocument": map[string]any{
			"uri": "file://" + filepath.ToSlash(path), "languageId": "markdown", "version": 1, "text": text}}})
		return c.diagnostics()
	}
	diags := open(filepath.Join(dir, "ad.md"))
	var hype map[string]any
	for _, d := range diags {
		if d["code"] == "hype-title" {
			hype = d
		}
		if d["code"] == "missing-salary" {
			t.Errorf("missing-salary reported although the config disables pay")
		}
	}
	if hype == nil {
		t.Fatalf("no hype-title among %v", diags)
	}
	// The link points at the rule's [[rule]] table in rules.toml.
	href, _ := hype["codeDescription"].(map[string]any)["href"].(string)
	const prefix = "https://github.com/hirelint/hirelint/blob/main/rules.toml#L"
	if !strings.HasPrefix(href, prefix) {
		t.Fatalf("codeDescription %q", href)
	}
	n, _ := strconv.Atoi(strings.TrimPrefix(href, prefix))
	rulesToml, err := os.ReadFile("../../rules.toml")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(rulesToml), "\n")
	if n < 1 || n >= len(lines) || lines[n-1] != "[[rule]]" || lines[n] != `id = "hype-title"` {
		t.Errorf("%s does not point at the hype-title rule", href)
	}
	// The override applies by the document's path.
	for _, d := range open(filepath.Join(dir, "internal", "ad.md")) {
		if d["code"] == "hype-title" {
			t.Errorf("hype-title reported under internal/, which the override turns it off for")
		}
	}
	hover := c.call("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": "file://" + filepath.ToSlash(filepath.Join(dir, "ad.md"))},
		"position": map[string]any{"line": 2, "character": 12}})
	value, _ := hover["result"].(map[string]any)["contents"].(map[string]any)["value"].(string)
	for _, s := range []string{"hype-title: Drop the hype titles", "Before:", "After:", "To turn it off"} {
		if !strings.Contains(value, s) {
			t.Errorf("hover lacks %q:\n%s", s, value)
		}
	}
	c.call("shutdown", nil)
	c.send(map[string]any{"method": "exit"})
	select {
	case code := <-c.done:
		if code != exitOK {
			t.Errorf("exit status %d after shutdown and exit, want 0", code)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("hirelint lsp did not exit")
	}
}

func TestLSPCommandErrors(t *testing.T) {
	keepRunGC(t)
	for _, args := range [][]string{{"lsp", "extra"}, {"lsp", "--disable", "no-such-rule"}, {"lsp", "--debounce", "soon"}} {
		var out, errb bytes.Buffer
		if code := run(args, strings.NewReader(""), &out, &errb); code != exitError || out.Len() != 0 {
			t.Errorf("%q: exit %d, stdout %q, stderr %q", args, code, out.String(), errb.String())
		}
	}
	// The client goes away without shutdown: exit status 1.
	var out, errb bytes.Buffer
	if code := run([]string{"lsp"}, strings.NewReader(""), &out, &errb); code != 1 || !strings.Contains(errb.String(), "without shutdown") {
		t.Errorf("no shutdown: exit %d, stderr %q", code, errb.String())
	}
}

func TestGitRef(t *testing.T) {
	for version, want := range map[string]string{
		"v0.3.0":                               "v0.3.0",
		"v1.2.3-rc.1":                          "v1.2.3-rc.1",
		"v0.3.1-0.20260101120000-abcdef123456": "abcdef123456",
		"v0.0.0-20260101120000-abcdef123456":   "abcdef123456",
		"v0.3.0+dirty":                         "v0.3.0",
		"devel":                                "main",
		"":                                     "main",
	} {
		if got := gitRef(version); got != want {
			t.Errorf("gitRef(%q) = %q, want %q", version, got, want)
		}
	}
}

// keepRunGC gives the tests after t a run's collector pace back, which a
// server run in-process replaces with its own.
func keepRunGC(t *testing.T) { t.Cleanup(runGC) }

// gcPace returns the collector's target percentage and soft limit.
func gcPace() (int, int64) {
	p := debug.SetGCPercent(-1)
	debug.SetGCPercent(p)
	return p, debug.SetMemoryLimit(-1)
}

// TestLSPGCPace checks that the language server gives up the bulk run's
// collector pace for Go's own, and that GOGC and GOMEMLIMIT still win.
func TestLSPGCPace(t *testing.T) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		t.Skip("GOGC or GOMEMLIMIT is set: the pace is the user's")
	}
	keepRunGC(t)
	runGC() // a run's pace, which the server must replace
	if p, l := gcPace(); p == 100 && l == math.MaxInt64 {
		t.Fatal("a run's pace is Go's own: the server's change cannot be told apart")
	}
	var out, errb bytes.Buffer
	run([]string{"lsp"}, strings.NewReader(""), &out, &errb)
	if p, l := gcPace(); p != 100 || l != math.MaxInt64 {
		t.Errorf("the server's pace is %d%% under %d bytes, want Go's 100%% and no limit", p, l)
	}
	runGC()
	wantP, wantL := gcPace()
	t.Setenv("GOGC", "300")
	t.Setenv("GOMEMLIMIT", "1GiB")
	serverGC()
	if p, l := gcPace(); p != wantP || l != wantL {
		t.Errorf("with GOGC and GOMEMLIMIT set, the server changed the pace to %d%% under %d bytes", p, l)
	}
}
