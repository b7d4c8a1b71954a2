package main

import (
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestWriteAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "ad.md")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	st, err := readForFix(path, 1<<20, true)
	if err != nil {
		t.Fatal(err)
	}
	if err := writeAtomic(path, st, []byte("new")); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	info, _ := os.Stat(path)
	if string(got) != "new" || info.Mode().Perm() != 0o600 {
		t.Errorf("after write: %q, mode %v", got, info.Mode())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}

// A file read for linting only has no state to check before writing:
// writeAtomic refuses it and leaves it as it was.
func TestWriteAtomicRefusesLintRead(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ad.md")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	st, err := readForFix(path, 1<<20, false)
	if err != nil || string(st.data) != "old" {
		t.Fatalf("read %q, %v", st.data, err)
	}
	if err := writeAtomic(path, st, []byte("new")); err == nil || !strings.Contains(err.Error(), "not written") {
		t.Errorf("writeAtomic of a lint-only read: %v, want an error saying not written", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "old" {
		t.Errorf("file now %q, want it untouched", got)
	}
}

func TestWriteAtomicRefusesChangedFile(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(path string) error
	}{
		{"content changed", func(p string) error {
			// Same size, later modification time.
			return os.WriteFile(p, []byte("OLD"), 0o644)
		}},
		{"replaced by a symlink", func(p string) error {
			other := p + ".other"
			if err := os.WriteFile(other, []byte("old"), 0o644); err != nil {
				return err
			}
			os.Remove(p)
			return os.Symlink(other, p)
		}},
		{"removed", func(p string) error { return os.Remove(p) }},
		{"mode changed", func(p string) error { return os.Chmod(p, 0o600) }},
		{"touched (same contents, new time)", func(p string) error {
			now := time.Now()
			return os.Chtimes(p, now, now)
		}},
		{"grew", func(p string) error {
			f, err := os.OpenFile(p, os.O_APPEND|os.O_WRONLY, 0)
			if err != nil {
				return err
			}
			defer f.Close()
			_, err = f.WriteString(" and more")
			return err
		}},
		{"replaced by a directory", func(p string) error {
			if err := os.Remove(p); err != nil {
				return err
			}
			return os.Mkdir(p, 0o755)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "ad.md")
			if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
				t.Fatal(err)
			}
			past := time.Now().Add(-time.Hour)
			os.Chtimes(path, past, past)
			st, err := readForFix(path, 1<<20, true)
			if err != nil {
				t.Fatal(err)
			}
			if err := tc.change(path); err != nil {
				t.Fatal(err)
			}
			before, _ := os.ReadFile(path)
			err = writeAtomic(path, st, []byte("new"))
			if err == nil {
				t.Fatal("write succeeded over a changed file")
			}
			if tc.name != "removed" && !errors.Is(err, errChanged) {
				t.Errorf("error = %v, want errChanged", err)
			}
			after, _ := os.ReadFile(path)
			if string(after) != string(before) {
				t.Errorf("file changed by a failed write: %q -> %q", before, after)
			}
			entries, _ := os.ReadDir(dir)
			for _, e := range entries {
				if filepath.Ext(e.Name()) != ".md" && filepath.Ext(e.Name()) != ".other" {
					t.Errorf("temporary file left behind: %s", e.Name())
				}
			}
		})
	}
}

func TestProgress(t *testing.T) {
	var b bytesBuffer
	p := newProgress(&b, 500)
	if p.on {
		t.Fatal("progress on for a writer that is not a terminal")
	}
	p.on = true // as for a terminal
	for i := 0; i < 500; i++ {
		p.step()
	}
	p.done()
	if got := b.String(); !strings.Contains(got, "\rhirelint: linted 1/500 files") || !strings.HasSuffix(got, "\r\033[K") {
		t.Errorf("progress output %q", got)
	}
	if newProgress(os.Stderr, 200).on {
		t.Error("progress on for 200 files (it starts above 200)")
	}
}

type bytesBuffer struct{ strings.Builder }

// failingWriter writes half of what it is given, then fails as a full
// disk does.
type failingWriter struct{ w io.Writer }

func (f failingWriter) Write(p []byte) (int, error) {
	n, _ := f.w.Write(p[:len(p)/2])
	return n, syscall.ENOSPC
}

// TestWriteAtomicDiskFull: when writing the new contents fails half-way,
// the original is untouched, the half-written temporary file is removed
// and the error says the file was not written and why.
func TestWriteAtomicDiskFull(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "ad.md")
	if err := os.WriteFile(path, []byte("old contents"), 0o640); err != nil {
		t.Fatal(err)
	}
	st, err := readForFix(path, 1<<20, true)
	if err != nil {
		t.Fatal(err)
	}
	defer func(w func(*os.File) io.Writer) { tempWriter = w }(tempWriter)
	tempWriter = func(f *os.File) io.Writer { return failingWriter{f} }
	err = writeAtomic(path, st, []byte("new contents, longer than the old"))
	if err == nil || err.Error() != "not written: write the temporary file: no space left on device" {
		t.Errorf("error = %v", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "old contents" {
		t.Errorf("original changed to %q", got)
	}
	checkNoTemp(t, dir, "ad.md")
}

// TestFixDiskFullCLI: the same through the command: exit 2, a clear
// message, the file untouched, its findings still reported.
func TestFixDiskFullCLI(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"ad.md": "He or she will join us.\n"})
	defer func(w func(*os.File) io.Writer) { tempWriter = w }(tempWriter)
	tempWriter = func(f *os.File) io.Writer { return failingWriter{f} }
	code, stdout, stderr := runIn(t, dir, "--fix", "--format", "line", "--fail-on", "none", "--disable", "completeness,readability,pay", "ad.md")
	if code != exitError || stderr != "hirelint: ad.md: fix: not written: write the temporary file: no space left on device\n" {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	checkNotWritten(t, stdout, "ad.md", dir)
}

// TestFixReadOnlyDirectory: --fix cannot create its temporary file in a
// read-only directory; the file is untouched and the error is clear. Root
// ignores directory permissions, so as root the directory is made
// immutable with chattr +i instead, or the test is skipped.
func TestFixReadOnlyDirectory(t *testing.T) {
	dir := t.TempDir()
	ro := filepath.Join(dir, "ro")
	writeFiles(t, dir, map[string]string{"ro/ad.md": "He or she will join us.\n"})
	if err := os.Chmod(ro, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(ro, 0o755) })
	if probe, err := os.CreateTemp(ro, "probe"); err == nil {
		probe.Close()
		os.Remove(probe.Name())
		if out, err := exec.Command("chattr", "+i", ro).CombinedOutput(); err != nil {
			t.Skipf("running as root, who can write in a read-only directory, and chattr +i failed (%v: %s)", err, out)
		}
		t.Cleanup(func() { exec.Command("chattr", "-i", ro).Run() })
	}
	code, stdout, stderr := runIn(t, dir, "--fix", "--format", "line", "--fail-on", "none", "--disable", "completeness,readability,pay", "ro/ad.md")
	if code != exitError {
		t.Errorf("exit %d, want 2", code)
	}
	// "permission denied" for a read-only directory, "operation not
	// permitted" for an immutable one.
	if !strings.HasPrefix(stderr, "hirelint: ro/ad.md: fix: not written: cannot create a temporary file in ro: ") ||
		!(strings.HasSuffix(stderr, "permission denied\n") || strings.HasSuffix(stderr, "operation not permitted\n")) {
		t.Errorf("stderr %q", stderr)
	}
	checkNotWritten(t, stdout, "ro/ad.md", ro)
}

// TestFixKeepsModeAndText: a successful --fix keeps the file's mode and
// every byte outside the edits (CRLF line endings, trailing white space,
// markup, invalid UTF-8, no final newline).
func TestFixKeepsModeAndText(t *testing.T) {
	dir := t.TempDir()
	src := "---\r\ntitle: x\r\n---\r\n# Rockstar engineer  \r\n\r\n<!-- keep -->\r\nWe want a *rockstar engineer*; he or she \xff will code `rockstar`.\r\n\r\n- Native English speaker\t\r\n- [link](http://rockstar.example)"
	want := "---\r\ntitle: x\r\n---\r\n# Senior engineer  \r\n\r\n<!-- keep -->\r\nWe want a *senior engineer*; they \xff will code `rockstar`.\r\n\r\n- Fluent in English\t\r\n- [link](http://rockstar.example)"
	path := filepath.Join(dir, "ad.md")
	if err := os.WriteFile(path, []byte(src), 0o604); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o751); err != nil { // past the umask
		t.Fatal(err)
	}
	code, _, stderr := runIn(t, dir, "--fix", "--fail-on", "none", "--disable", "completeness,readability,pay", "ad.md")
	if code != 0 || stderr != "hirelint: fixed 4 problems in 1 file\n" {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	got, _ := os.ReadFile(path)
	if string(got) != want {
		t.Errorf("fixed:\n%q\nwant:\n%q", got, want)
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o751 {
		t.Errorf("mode %v, want 0751", info.Mode().Perm())
	}
	checkNoTemp(t, dir, "ad.md")
}

// TestFixSymlinkNamed: a symbolic link named on the command line is linted
// through, but --fix does not replace the link with a file.
func TestFixSymlinkNamed(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"ad.md": "He or she will join us.\n"})
	if err := os.Symlink("ad.md", filepath.Join(dir, "link.md")); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runIn(t, dir, "--fix", "--format", "line", "--fail-on", "none", "--disable", "completeness,readability,pay", "link.md")
	if code != exitError || stderr != "hirelint: link.md: fix: a symbolic link, not a regular file; not written\n" {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if !strings.Contains(stdout, "link.md:1:1: warning gendered-language") {
		t.Errorf("stdout %q", stdout)
	}
	if info, err := os.Lstat(filepath.Join(dir, "link.md")); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v %v", info.Mode(), err)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "ad.md")); string(got) != "He or she will join us.\n" {
		t.Errorf("target changed to %q", got)
	}
}

// checkNotWritten checks a file --fix did not write, shown as name and
// lying in dir as ad.md: its findings are still reported, it still holds
// "He or she will join us.", and no temporary file is left beside it.
func checkNotWritten(t *testing.T, stdout, name, dir string) {
	t.Helper()
	if !strings.Contains(stdout, name+":1:1: warning gendered-language") {
		t.Errorf("findings of the unfixed file not reported: %q", stdout)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "ad.md")); string(got) != "He or she will join us.\n" {
		t.Errorf("file changed to %q", got)
	}
	checkNoTemp(t, dir, "ad.md")
}

// checkNoTemp fails when dir holds anything but the named files.
func checkNoTemp(t *testing.T, dir string, keep ...string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if !slices.Contains(keep, e.Name()) {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

// TestFixReadOnlyFile: --fix leaves a file nobody may write alone (even
// for root, and even though renaming over it would work), with a clear
// error; its findings are still reported.
func TestFixReadOnlyFile(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"ad.md": "He or she will join us.\n"})
	path := filepath.Join(dir, "ad.md")
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runIn(t, dir, "--fix", "--format", "line", "--fail-on", "none", "ad.md")
	if code != exitError || stderr != "hirelint: ad.md: fix: a read-only file (mode 0444); not written\n" {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o444 {
		t.Errorf("mode changed to %v", info.Mode().Perm())
	}
	checkNotWritten(t, stdout, "ad.md", dir)
}
