package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/hirelint/hirelint/linter/output"
)

// The hostile inputs a txtar script cannot make (testdata/script/hostile.txtar
// has the others): invalid UTF-8, huge files and lines, thousands of
// findings, a file the user may not read.

// jsonReport is the part of the JSON report these tests read.
type jsonReport struct {
	Files []struct {
		Path     string               `json:"path"`
		Findings []output.JSONFinding `json:"findings"`
	} `json:"files"`
}

// runIn runs hirelint in dir and returns the exit code, standard output and
// standard error.
func runIn(t *testing.T, dir string, args ...string) (int, string, string) {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	defer os.Chdir(wd)
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestInvalidUTF8 lints a file with invalid UTF-8: it is linted, and
// offsets and columns stay right (an invalid byte counts as one column).
func TestInvalidUTF8(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"bad.md": "# \xff\xfeWe want a rockstar\n\nCaf\xe9 \xe2\x80 ninja \xc3(\n",
	})
	code, stdout, stderr := runIn(t, dir, "--format", "json", "--fail-on", "none", "--disable", "completeness,readability,pay", "bad.md")
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	var rep jsonReport
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatalf("%v in %s", err, stdout)
	}
	type pos struct {
		match                            string
		line, col, endLine, endCol, offs int
	}
	var got []pos
	for _, f := range rep.Files[0].Findings {
		got = append(got, pos{f.Match, f.Line, f.Column, f.EndLine, f.EndColumn, f.Offset})
	}
	want := []pos{
		// "# " 2 bytes, 2 invalid bytes, "We want a " 10 bytes.
		{"rockstar", 1, 15, 1, 23, 14},
		// Line 3 starts at 24; "Caf" 3, "\xe9" 1, " " 1, "\xe2\x80" 2, " " 1:
		// 8 bytes, 8 columns.
		{"ninja", 3, 9, 3, 14, 32},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("findings at\n %v\nwant\n %v", got, want)
	}
}

// TestHugeFile: a 100 MB file is refused with a clear error before it is
// read (memory stays small), the other files are still linted, exit 2.
func TestHugeFile(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"ok.md": "# A rockstar\n"})
	// A sparse file: 100 MB that take no disk space.
	f, err := os.Create(filepath.Join(dir, "big.md"))
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(100 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	for _, extra := range [][]string{nil, {"--enable", "duplicate-boilerplate"}} {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		code, stdout, stderr := runIn(t, dir, append([]string{"--format", "line", "--fail-on", "none", "big.md", "ok.md"}, extra...)...)
		runtime.ReadMemStats(&after)
		if code != exitError {
			t.Errorf("%v: exit %d, want 2", extra, code)
		}
		if want := "hirelint: big.md: 104857600 bytes is larger than --max-file-size (10485760 bytes); skipped\n"; stderr != want {
			t.Errorf("%v: stderr %q, want %q", extra, stderr, want)
		}
		if !strings.Contains(stdout, "ok.md:1:5: warning hype-title") {
			t.Errorf("%v: ok.md not linted: %s", extra, stdout)
		}
		// Loading the rules and linting ok.md take a few MB; reading the
		// big file would take 100.
		alloc := after.TotalAlloc - before.TotalAlloc
		if alloc > 50<<20 {
			t.Errorf("%v: the run allocated %d MB: the big file was read", extra, alloc>>20)
		}
		t.Logf("%v: the run allocated %.1f MB", extra, float64(alloc)/(1<<20))
	}
}

// TestLongLine: a single line over the size limit is refused (the limit
// is --max-file-size, 10 MB by default); one under it is linted, in time
// linear in its length.
func TestLongLine(t *testing.T) {
	dir := t.TempDir()
	sentence := "You will build maps for cities and write Go with a rockstar team; "
	line := strings.Repeat(sentence, (10<<20)/len(sentence)+1)[:10<<20+1]
	writeFiles(t, dir, map[string]string{
		"ten.txt":   line,
		"small.txt": line[:1001],
		"ok.md":     "# A rockstar\n",
	})
	code, stdout, stderr := runIn(t, dir, "--format", "line", "--fail-on", "none", "ten.txt", "ok.md")
	if code != exitError || stderr != "hirelint: ten.txt: 10485761 bytes is larger than --max-file-size (10485760 bytes); skipped\n" || !strings.Contains(stdout, "ok.md:1:5") {
		t.Errorf("10 MB line: exit %d, stderr %q", code, stderr)
	}
	code, _, stderr = runIn(t, dir, "--format", "line", "--fail-on", "none", "--max-file-size", "1000", "small.txt")
	if code != exitError || stderr != "hirelint: small.txt: 1001 bytes is larger than --max-file-size (1000 bytes); skipped\n" {
		t.Errorf("--max-file-size 1000: exit %d, stderr %q", code, stderr)
	}

	if raceEnabled || testing.Short() {
		t.Skip("linting a 2 MB line is slow under the race detector and in -short mode")
	}
	// A 2 MB line with 31,775 findings: columns were counted from the
	// start of the line for each finding, which took minutes.
	writeFiles(t, dir, map[string]string{"two.txt": line[:2<<20]})
	start := time.Now()
	code, stdout, stderr = runIn(t, dir, "--fail-on", "none", "two.txt")
	el := time.Since(start)
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	// One "rockstar" per whole sentence (the partial one at the end has
	// none).
	want := (2 << 20) / len(sentence)
	if n := strings.Count(stdout, "warning hype-title"); n != want {
		t.Errorf("%d hype-title findings, want %d", n, want)
	}
	last := fmt.Sprintf("two.txt:1:%d: warning hype-title", (want-1)*len(sentence)+len("You will build maps for cities and write Go with a ")+1)
	if !strings.Contains(stdout, last) {
		t.Errorf("no finding at %q", last)
	}
	if el > 30*time.Second {
		t.Errorf("linting a 2 MB line took %v", el)
	}
}

// TestThousandsOfFindings: 5,000 lines with three findings each are all
// reported, each at its own line, in reasonable time.
func TestThousandsOfFindings(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"many.md": strings.Repeat("A rockstar ninja guru.\n\n", 5000)})
	start := time.Now()
	code, stdout, stderr := runIn(t, dir, "--format", "json", "--fail-on", "none", "--disable", "completeness,readability,pay", "many.md")
	if el := time.Since(start); el > 30*time.Second {
		t.Errorf("took %v", el)
	}
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	var rep jsonReport
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatal(err)
	}
	fs := rep.Files[0].Findings
	if len(fs) != 15000 {
		t.Fatalf("%d findings, want 15000", len(fs))
	}
	for i, f := range fs {
		if f.Rule != "hype-title" || f.Line != 2*(i/3)+1 {
			t.Fatalf("finding %d: %s at line %d, want hype-title at line %d", i, f.Rule, f.Line, 2*(i/3)+1)
		}
	}
	// The text summary groups them.
	_, stdout, _ = runIn(t, dir, "--fail-on", "none", "--disable", "completeness,readability,pay", "many.md")
	if !strings.Contains(stdout, "15000 problems (0 errors, 15000 warnings, 0 infos) in 1 of 1 file") {
		t.Errorf("summary missing: %s", stdout[max(0, len(stdout)-400):])
	}
}

// TestPermissionDenied: a file the user may not read is reported; the
// others are still linted, exit 2.
func TestPermissionDenied(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root, who can read a file of mode 000; the read-error path is tested with /proc/self/mem in testdata/script/hostile.txtar")
	}
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"secret.md": "# A rockstar\n", "ok.md": "# A rockstar\n"})
	if err := os.Chmod(filepath.Join(dir, "secret.md"), 0); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runIn(t, dir, "--format", "line", "--fail-on", "none", "secret.md", "ok.md")
	if code != exitError || stderr != "hirelint: secret.md: permission denied\n" || !strings.Contains(stdout, "ok.md:1:5") {
		t.Errorf("exit %d, stderr %q, stdout %q", code, stderr, stdout)
	}
}
