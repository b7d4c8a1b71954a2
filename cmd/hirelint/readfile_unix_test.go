//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// mkfifo makes a named pipe in a temporary directory, or skips the test.
func mkfifo(t *testing.T) string {
	t.Helper()
	pipe := filepath.Join(t.TempDir(), "pipe.md")
	if err := syscall.Mkfifo(pipe, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	return pipe
}

// A named pipe among the paths is skipped with a message, and the other
// files are still linted.
func TestNamedPipeSkipped(t *testing.T) {
	pipe := mkfifo(t)
	good := filepath.Join(filepath.Dir(pipe), "ad.md")
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

// A path that became a named pipe after it was checked is refused once
// opened, without waiting for a writer, and also when a writer holds the
// pipe open and never writes (a read would wait for ever).
func TestOpenRegularRefusesPipe(t *testing.T) {
	pipe := mkfifo(t)
	for _, writer := range []bool{false, true} {
		var w *os.File
		if writer {
			// A writer's open waits for a reader: open one first.
			r, err := os.OpenFile(pipe, os.O_RDONLY|syscall.O_NONBLOCK, 0)
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			if w, err = os.OpenFile(pipe, os.O_WRONLY, 0); err != nil {
				t.Fatal(err)
			}
		}
		done := make(chan error, 1)
		go func() {
			f, err := openRegular(pipe)
			if err == nil {
				f.Close()
			}
			done <- err
		}()
		select {
		case err := <-done:
			var nr *notRegularError
			if !errors.As(err, &nr) {
				t.Errorf("writer %v: openRegular gave %v, want a not-regular error", writer, err)
			}
		case <-time.After(30 * time.Second):
			t.Fatalf("writer %v: openRegular still waiting on the pipe after 30 s", writer)
		}
		if w != nil {
			w.Close()
		}
	}
}

// Standard error behind held output is still known for a terminal, so the
// progress line shows when the findings go to a file.
func TestHeldProgressOnTerminal(t *testing.T) {
	ptm, err := os.OpenFile("/dev/ptmx", os.O_RDWR, 0)
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	defer ptm.Close()
	if !isTerminal(ptm) {
		t.Skip("/dev/ptmx is not taken for a terminal here")
	}
	out, err := os.Create(filepath.Join(t.TempDir(), "out.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	held, _, errOut := holdOutput(out, ptm)
	if held == nil {
		t.Fatal("output to a regular file is not held")
	}
	if !newProgress(errOut, 201).on {
		t.Error("no progress line on a terminal when the findings go to a file")
	}
}
