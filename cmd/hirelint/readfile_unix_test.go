//go:build unix

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A named pipe among the paths is refused without being opened for a
// blocking read (nothing ever writes to it), and the other files are
// still linted.
func TestNamedPipeSkipped(t *testing.T) {
	dir := t.TempDir()
	pipe := filepath.Join(dir, "pipe.md")
	if err := syscall.Mkfifo(pipe, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	good := filepath.Join(dir, "ad.md")
	if err := os.WriteFile(good, []byte("We are a rockstar ninja team.\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	done := make(chan int, 1)
	go func() {
		done <- run([]string{"--format", "json", "--fail-on", "none", pipe, good}, nil, &stdout, &stderr)
	}()
	select {
	case code := <-done:
		if code != exitError {
			t.Errorf("exit %d, want %d (a path could not be read)", code, exitError)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the run is still waiting on the named pipe after 30 s")
	}
	if !strings.Contains(stderr.String(), "pipe.md: a named pipe (FIFO), not a regular file; skipped") {
		t.Errorf("stderr %q does not say the pipe was skipped", stderr.String())
	}
	if !strings.Contains(stdout.String(), "ad.md") || !strings.Contains(stdout.String(), "rockstar") {
		t.Errorf("no finding for the regular file: %q", stdout.String())
	}
}

// Standard error behind held output is still known for a terminal, so the
// progress line shows when the findings go to a file.
func TestHeldStderrIsTerminal(t *testing.T) {
	ptm, err := os.OpenFile("/dev/ptmx", os.O_RDWR, 0)
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	defer ptm.Close()
	if !isTerminal(ptm) {
		t.Skip("/dev/ptmx is not taken for a terminal here")
	}
	if !isTerminal(flushFirst{nil, ptm}) {
		t.Error("a terminal behind held output is not taken for one")
	}
}
