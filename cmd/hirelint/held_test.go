package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Output to a regular file is held and written in large pieces, but a
// notice on standard error still comes after the findings of the files
// before it and before those after it, when both streams go to the same
// file (2>&1).
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
	both, err := os.Create(filepath.Join(t.TempDir(), "out.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer both.Close()
	run([]string{"--format", "text", "--color", "never", first, binary, last}, nil, both, both)
	data, err := os.ReadFile(both.Name())
	if err != nil {
		t.Fatal(err)
	}
	out := string(data)
	a, b, c := strings.Index(out, "a.md"), strings.Index(out, "b.md: binary file"), strings.Index(out, "c.md")
	if a < 0 || b < 0 || c < 0 || !(a < b && b < c) {
		t.Fatalf("want a.md's findings, then the notice about b.md, then c.md's; got:\n%s", out)
	}
	if !strings.Contains(out[a:b], "rockstar") || !strings.Contains(out[c:], "rockstar") {
		t.Errorf("findings missing; got:\n%s", out)
	}
}

// Output that cannot be written fails the run with a message, whether it
// was held (a regular file, here one open only for reading) or, in batch
// mode, not (a pipe whose reader is gone).
func TestHeldOutputWriteError(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.md")
	if err := os.WriteFile(path, []byte("We want a rockstar.\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	readOnly, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer readOnly.Close()
	if held, _, _ := holdOutput(readOnly, os.Stderr); held == nil {
		t.Fatal("output to a regular file is not held")
	}
	// Also when the run has failed already (a path that is not there).
	missing := filepath.Join(filepath.Dir(path), "missing.md")
	for _, args := range [][]string{{"--format", "text"}, {"--format", "json"}, {"--format", "text", missing}} {
		errFile, err := os.Create(filepath.Join(t.TempDir(), "err.txt"))
		if err != nil {
			t.Fatal(err)
		}
		code := run(append(args, "--fail-on", "none", path), nil, readOnly, errFile)
		errFile.Close()
		msg, _ := os.ReadFile(errFile.Name())
		if code != exitError || !strings.Contains(string(msg), "write output:") {
			t.Errorf("%v: exit %d, stderr %q; want %d and the write error", args, code, msg, exitError)
		}
	}
	// And in batch mode, held (a regular file) or not (a broken pipe: its
	// read end closed, so writes fail with EPIPE).
	ads := filepath.Join(filepath.Dir(path), "ads.jsonl")
	if err := os.WriteFile(ads, []byte(`{"id": 1, "text": "We want a rockstar."}`+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	r, broken, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	r.Close()
	defer broken.Close()
	for name, out := range map[string]*os.File{"a read-only file": readOnly, "a broken pipe": broken} {
		var stderr strings.Builder
		code := run([]string{"--input", "jsonl", "--fail-on", "none", ads}, nil, out, &stderr)
		if code != exitError || !strings.Contains(stderr.String(), "write output:") {
			t.Errorf("batch to %s: exit %d, stderr %q; want %d and the write error", name, code, stderr.String(), exitError)
		}
	}
}

// A pipe or anything else that is not a regular file gets each file's
// findings as they come: nothing is held.
func TestPipeOutputNotHeld(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	if held, out, _ := holdOutput(w, os.Stderr); held != nil || out != w {
		t.Error("output to a pipe is held")
	}
}

// In batch mode, output to a pipe is not held either: a process that
// writes an ad and waits for its result gets it while standard input
// stays open, and only then writes the next (as a Beam DoFn or any
// coprocess does).
func TestBatchPipeAnswersEachAd(t *testing.T) {
	inR, inW, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	outR, outW, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer inW.Close()
	defer outR.Close()
	var stderr strings.Builder
	code := make(chan int, 1)
	go func() {
		defer inR.Close()
		defer outW.Close()
		code <- run([]string{"--input", "jsonl", "--fail-on", "none", "-"}, inR, outW, &stderr)
	}()
	lines := make(chan string, 8) // room for stray lines: a failed test leaves no goroutine blocked
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(outR)
		for sc.Scan() {
			lines <- sc.Text()
		}
	}()
	for id := 1; id <= 2; id++ {
		if _, err := fmt.Fprintf(inW, "{\"id\": %d, \"text\": \"We want a rockstar.\"}\n", id); err != nil {
			t.Fatal(err)
		}
		select {
		case line, ok := <-lines:
			var got struct {
				ID       int               `json:"id"`
				Findings []json.RawMessage `json:"findings"`
			}
			if !ok || json.Unmarshal([]byte(line), &got) != nil || got.ID != id || len(got.Findings) == 0 {
				t.Fatalf("ad %d: got line %q (open %v); want its result, with findings", id, line, ok)
			}
		case <-time.After(20 * time.Second):
			t.Fatalf("no result for ad %d while standard input stays open", id)
		}
	}
	inW.Close()
	select {
	case c := <-code:
		if c != 0 {
			t.Errorf("exit %d, stderr %q; want 0", c, stderr.String())
		}
	case <-time.After(20 * time.Second):
		t.Fatal("the run did not end when standard input closed")
	}
	if line, ok := <-lines; ok {
		t.Errorf("unexpected line after the last ad: %q", line)
	}
}

// failSecond fails its second write and takes every other.
type failSecond struct {
	writes int
	got    strings.Builder
}

func (f *failSecond) Write(p []byte) (int, error) {
	f.writes++
	if f.writes == 2 {
		return 0, errors.New("device full")
	}
	return f.got.Write(p)
}

// After a write error, batch mode writes nothing more: the output has no
// line missing in the middle, and the run fails.
func TestBatchStopsWritingAfterError(t *testing.T) {
	var in strings.Builder
	for id := 1; id <= 3; id++ {
		fmt.Fprintf(&in, "{\"id\": %d, \"text\": \"We want a rockstar.\"}\n", id)
	}
	out := &failSecond{}
	var stderr strings.Builder
	code := run([]string{"--input", "jsonl", "--fail-on", "none", "-"}, strings.NewReader(in.String()), out, &stderr)
	if code != exitError || !strings.Contains(stderr.String(), "write output: device full") {
		t.Errorf("exit %d, stderr %q; want %d and the write error", code, stderr.String(), exitError)
	}
	if lines := strings.Split(strings.TrimSuffix(out.got.String(), "\n"), "\n"); len(lines) != 1 || !strings.HasPrefix(lines[0], `{"id":1,`) {
		t.Errorf("%d lines written, the first %.40q; want the first result only", len(lines), lines[0])
	}
}

// Held batch output (to a regular file, more than one 64 KB piece) has
// every result, in input order.
func TestBatchHeldOutputComplete(t *testing.T) {
	const n = 300
	var in strings.Builder
	for id := 1; id <= n; id++ {
		fmt.Fprintf(&in, "{\"id\": %d, \"text\": \"We want a rockstar ninja with 10+ years of experience.\"}\n", id)
	}
	f, err := os.Create(filepath.Join(t.TempDir(), "out.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if held, _, _ := holdOutput(f, os.Stderr); held == nil {
		t.Fatal("output to a regular file is not held")
	}
	var stderr strings.Builder
	if code := run([]string{"--input", "jsonl", "--fail-on", "none", "-"}, strings.NewReader(in.String()), f, &stderr); code != 0 {
		t.Fatalf("exit %d, stderr %q", code, stderr.String())
	}
	data, err := os.ReadFile(f.Name())
	if err != nil {
		t.Fatal(err)
	}
	if len(data) <= 64<<10 {
		t.Fatalf("output is %d bytes; the test needs more than one 64 KB piece", len(data))
	}
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	if len(lines) != n {
		t.Fatalf("%d lines; want %d", len(lines), n)
	}
	for i, line := range lines {
		var got struct {
			ID       int               `json:"id"`
			Findings []json.RawMessage `json:"findings"`
		}
		if err := json.Unmarshal([]byte(line), &got); err != nil || got.ID != i+1 || len(got.Findings) == 0 {
			t.Fatalf("line %d: %q; want ad %d's result, with findings", i+1, line, i+1)
		}
	}
}
