package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Output to a file or pipe is held and written in large pieces, but a
// notice on standard error still comes after the findings of the files
// before it and before those after it, as when both streams go to one
// place (2>&1).
func TestHeldOutputKeepsOrder(t *testing.T) {
	dir := t.TempDir()
	first, last := filepath.Join(dir, "a.md"), filepath.Join(dir, "c.md")
	for _, p := range []string{first, last} {
		if err := os.WriteFile(p, []byte("We want a rockstar.\n"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	binary := filepath.Join(dir, "b.md")
	if err := os.WriteFile(binary, []byte("a\x00b"), 0o600); err != nil {
		t.Fatal(err)
	}
	var both bytes.Buffer
	run([]string{"--format", "text", "--color", "never", first, binary, last}, nil, &both, &both)
	out := both.String()
	a, b, c := strings.Index(out, "a.md"), strings.Index(out, "b.md: binary file"), strings.Index(out, "c.md")
	if a < 0 || b < 0 || c < 0 || !(a < b && b < c) {
		t.Fatalf("want a.md's findings, then the notice about b.md, then c.md's; got:\n%s", out)
	}
	if !strings.Contains(out[a:b], "rockstar") || !strings.Contains(out[c:], "rockstar") {
		t.Errorf("findings missing; got:\n%s", out)
	}
}

// failWriter refuses every write.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

// Output that cannot be written fails the run with a message, though it
// was held and written only at the end.
func TestHeldOutputWriteError(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.md")
	if err := os.WriteFile(path, []byte("We want a rockstar.\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{"text", "json"} {
		var stderr bytes.Buffer
		code := run([]string{"--format", format, "--fail-on", "none", path}, nil, failWriter{}, &stderr)
		if code != exitError || !strings.Contains(stderr.String(), "write output: disk full") {
			t.Errorf("--format %s: exit %d, stderr %q; want %d and the write error", format, code, stderr.String(), exitError)
		}
	}
}
