package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestWriteAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "ad.md")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	st, err := readForFix(path)
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
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "ad.md")
			if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
				t.Fatal(err)
			}
			past := time.Now().Add(-time.Hour)
			os.Chtimes(path, past, past)
			st, err := readForFix(path)
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
