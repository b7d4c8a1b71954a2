package lsp

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hirelint/hirelint/linter"
)

// writeConfig writes a config file and moves its modification time on, so
// a rewrite within the file system's timestamp granularity still counts.
func writeConfig(t *testing.T, path, src string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	var mtime time.Time
	if fi, err := os.Stat(path); err == nil {
		mtime = fi.ModTime()
	}
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(path); err == nil && !fi.ModTime().After(mtime) {
		later := mtime.Add(time.Second)
		if err := os.Chtimes(path, later, later); err != nil {
			t.Fatal(err)
		}
	}
}

// TestConfigFromDocumentPath: the .hirelint.toml nearest the document
// applies, and edits to it (or a new one closer to the document) take
// effect on the next lint without any notification.
func TestConfigFromDocumentPath(t *testing.T) {
	dir := t.TempDir()
	writeConfig(t, filepath.Join(dir, ".hirelint.toml"), `disable = ["hype-title"]`)
	c := start(t, testOptions(t))
	c.initialize(fileURI(dir), nil)
	uri := fileURI(filepath.Join(dir, "sub", "ad.md"))
	text := "# Rockstar engineer\n\nApply Now\n"
	c.open(uri, "markdown", text)
	if p := c.diagnostics(uri, nil); has(p, "hype-title") || !has(p, "scrape-junk") {
		t.Fatalf("with hype-title disabled: %s", describe(p))
	}
	// The config changes: the next lint sees it.
	writeConfig(t, filepath.Join(dir, ".hirelint.toml"), `disable = ["scrape-junk"]`)
	if p := c.relint(uri, 2, text); !has(p, "hype-title") || has(p, "scrape-junk") {
		t.Errorf("after editing the config: %s", describe(p))
	}
	// A config appears nearer the document.
	writeConfig(t, filepath.Join(dir, "sub", ".hirelint.toml"), `disable = ["hype-title", "scrape-junk"]`)
	if p := c.relint(uri, 3, text); has(p, "hype-title") || has(p, "scrape-junk") {
		t.Errorf("after adding sub/.hirelint.toml: %s", describe(p))
	}
	// ... and goes again.
	if err := os.Remove(filepath.Join(dir, "sub", ".hirelint.toml")); err != nil {
		t.Fatal(err)
	}
	if p := c.relint(uri, 4, text); !has(p, "hype-title") {
		t.Errorf("after removing sub/.hirelint.toml: %s", describe(p))
	}
}

// TestConfigWatchedFiles: didChangeWatchedFiles lints every open document
// again with the new config, without a change to the documents.
func TestConfigWatchedFiles(t *testing.T) {
	dir := t.TempDir()
	cfgPath := filepath.Join(dir, ".hirelint.toml")
	writeConfig(t, cfgPath, `disable = []`)
	c := start(t, testOptions(t))
	c.initialize(fileURI(dir), map[string]any{"workspace": map[string]any{"didChangeWatchedFiles": map[string]any{"dynamicRegistration": true}}})
	// The server asks to be told about config files.
	reg := c.next("client/registerCapability", func(m msg) bool { return m.Method == "client/registerCapability" })
	if !strings.Contains(string(reg.Params), `"globPattern":"**/.hirelint.toml"`) || !strings.Contains(string(reg.Params), `"method":"workspace/didChangeWatchedFiles"`) {
		t.Errorf("registration %s", reg.Params)
	}
	c.sendBody(`{"jsonrpc":"2.0","id":` + string(reg.ID) + `,"result":null}`)
	a, b := fileURI(filepath.Join(dir, "a.md")), fileURI(filepath.Join(dir, "b.md"))
	c.open(a, "markdown", "# Rockstar\n")
	c.open(b, "markdown", "# Ninja\n")
	c.diagnostics(a, func(p PublishDiagnosticsParams) bool { return has(p, "hype-title") })
	c.diagnostics(b, func(p PublishDiagnosticsParams) bool { return has(p, "hype-title") })
	writeConfig(t, cfgPath, `disable = ["hype-title"]`)
	c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []map[string]any{{"uri": fileURI(cfgPath), "type": 2}}})
	for _, uri := range []string{a, b} {
		if p := c.diagnostics(uri, nil); has(p, "hype-title") {
			t.Errorf("%s after the config changed: %s", uri, describe(p))
		}
	}
}

// TestConfigWorkspaceFallback: a buffer that is not a file uses the
// config of the first workspace folder.
func TestConfigWorkspaceFallback(t *testing.T) {
	dir := t.TempDir()
	writeConfig(t, filepath.Join(dir, ".hirelint.toml"), `disable = ["hype-title"]`)
	c := start(t, testOptions(t))
	c.call("initialize", map[string]any{"capabilities": map[string]any{}, "rootUri": nil,
		"workspaceFolders": []map[string]any{{"uri": fileURI(dir), "name": "ads"}}}, nil)
	c.notify("initialized", map[string]any{})
	c.open("untitled:Untitled-1", "markdown", "# Rockstar\n\nApply Now\n")
	if p := c.diagnostics("untitled:Untitled-1", nil); has(p, "hype-title") || !has(p, "scrape-junk") {
		t.Errorf("unsaved buffer in a workspace that disables hype-title: %s", describe(p))
	}
}

// TestConfigError: a broken config is shown on the documents it governs,
// and fixing it brings the findings back.
func TestConfigError(t *testing.T) {
	dir := t.TempDir()
	cfgPath := filepath.Join(dir, ".hirelint.toml")
	writeConfig(t, cfgPath, "disable = [\"hype-title\"\n")
	c := start(t, testOptions(t))
	c.initialize(fileURI(dir), nil)
	uri := fileURI(filepath.Join(dir, "ad.md"))
	c.open(uri, "markdown", "# Rockstar\n")
	p := c.diagnostics(uri, nil)
	if len(p.Diagnostics) != 1 || p.Diagnostics[0].Code != "config" || p.Diagnostics[0].Severity != SeverityError ||
		!strings.Contains(p.Diagnostics[0].Message, ".hirelint.toml") {
		t.Fatalf("with a broken config: %s %+v", describe(p), p.Diagnostics)
	}
	// No actions or hover on an ad that was not linted, and no crash.
	if actions := c.codeActions(uri, Range{}); len(actions) != 0 {
		t.Errorf("actions: %+v", actions)
	}
	writeConfig(t, cfgPath, "disable = []\n")
	c.notify("textDocument/didSave", map[string]any{"textDocument": map[string]any{"uri": uri}})
	if p := c.diagnostics(uri, nil); !has(p, "hype-title") {
		t.Errorf("after repairing the config: %s", describe(p))
	}
}

// TestConfigStampCaches: the loader is called once while nothing changes.
func TestConfigStampCaches(t *testing.T) {
	dir := t.TempDir()
	calls := 0
	cc := configCache{name: ".hirelint.toml", load: func(path string) (*linter.Config, error) {
		calls++
		return builtin(t), nil
	}}
	path := filepath.Join(dir, "ad.md")
	for i := 0; i < 3; i++ {
		if _, err := cc.get(path); err != nil {
			t.Fatal(err)
		}
	}
	if calls != 1 {
		t.Errorf("loader called %d times for an unchanged config, want 1", calls)
	}
	writeConfig(t, filepath.Join(dir, ".hirelint.toml"), "")
	cc.get(path)
	if calls != 2 {
		t.Errorf("loader called %d times after a config appeared, want 2", calls)
	}
}
