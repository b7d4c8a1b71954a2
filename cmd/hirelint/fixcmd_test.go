package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// runWith runs the command in-process with stdin and returns its exit
// status and output.
func runWith(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

const fixAd = "# Data Engineer\n\nWe need a rockstar engineer. He or she will own our pipelines.\n\n- Native English speaker\n\nApply Now\n"

// TestFixStdin: "hirelint fix -" writes the ad with the safe rewrites
// applied and nothing else: no salary template, no report.
func TestFixStdin(t *testing.T) {
	code, out, errs := runWith(t, fixAd, "fix", "--stdin-filename", "ad.md", "-")
	if code != exitOK || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	// The "Apply Now" line goes with its line ending; the blank line
	// before it stays.
	want := "# Data Engineer\n\nWe need a senior engineer. They will own our pipelines.\n\n- Fluent in English\n\n"
	if out != want {
		t.Errorf("fixed ad:\n%s\nwant:\n%s", out, want)
	}
}

// TestFixStdinUnchanged: with nothing to fix the output is the input byte
// for byte: a byte-order mark, CRLF, trailing blanks, no final newline.
func TestFixStdinUnchanged(t *testing.T) {
	for _, in := range []string{
		"\ufeff# Data Engineer\r\n\r\nYou will own our pipelines.  \r\n",
		"# Data Engineer\n\nYou will own our pipelines.",
		"",
		"binary\x00data with a rockstar engineer",
	} {
		code, out, errs := runWith(t, in, "fix", "--stdin-filename", "ad.md", "-")
		if code != exitOK || out != in || errs != "" {
			t.Errorf("input %q: exit %d, output %q, stderr %q", in, code, out, errs)
		}
	}
}

// TestFixStdinFilename: --stdin-filename picks the config (from its
// directory upwards) and the format (from its extension).
func TestFixStdinFilename(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "drafts", ".hirelint.toml"), `disable = ["hype-title"]`+"\n")
	in := "We need a rockstar engineer. Use `rockstar engineer` as the tag.\n"
	tests := []struct{ name, want string }{
		// The config in drafts/ turns hype-title off.
		{filepath.Join(dir, "drafts", "ad.md"), in},
		// Markdown: the code span is not prose and stays.
		{filepath.Join(dir, "ad.md"), "We need a senior engineer. Use `rockstar engineer` as the tag.\n"},
		// Plain text: the backticks are prose too.
		{filepath.Join(dir, "ad.txt"), "We need a senior engineer. Use `senior engineer` as the tag.\n"},
	}
	for _, tt := range tests {
		code, out, errs := runWith(t, in, "fix", "--stdin-filename", tt.name, "-")
		if code != exitOK || out != tt.want {
			t.Errorf("%s: exit %d, stderr %q, output:\n%s\nwant:\n%s", tt.name, code, errs, out, tt.want)
		}
	}
}

// TestFixFile: "hirelint fix FILE" prints the fixed file and leaves the
// file alone.
func TestFixFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ad.md")
	writeFile(t, path, fixAd)
	old := time.Now().Add(-time.Hour)
	os.Chtimes(path, old, old)
	code, out, errs := runWith(t, "", "fix", path)
	if code != exitOK || errs != "" || !strings.Contains(out, "a senior engineer") || strings.Contains(out, "Apply Now") {
		t.Fatalf("exit %d, stderr %q, output:\n%s", code, errs, out)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(path); string(got) != fixAd || !fi.ModTime().Equal(old) {
		t.Errorf("fix FILE changed the file")
	}
}

// TestFixErrors: errors exit 2 and write nothing to standard output, so a
// filter never replaces a buffer with half a result.
func TestFixErrors(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "bad", ".hirelint.toml"), "disable = [\n")
	a := filepath.Join(dir, "a.md")
	writeFile(t, a, fixAd)
	tests := []struct {
		name, stdin string
		args        []string
		stderr      string
	}{
		{"two files", "", []string{"fix", a, a}, "fix takes one file"},
		{"a missing file", "", []string{"fix", filepath.Join(dir, "missing.md")}, "missing.md"},
		{"a broken config", fixAd, []string{"fix", "--stdin-filename", filepath.Join(dir, "bad", "ad.md"), "-"}, ".hirelint.toml"},
		{"an unknown rule", fixAd, []string{"fix", "--disable", "no-such-rule", "-"}, "no-such-rule"},
		{"--stdin-filename with a file", "", []string{"fix", "--stdin-filename", "x.md", a}, "give - instead"},
		{"too large", fixAd, []string{"fix", "--max-file-size", "10", "-"}, "hirelint: standard input is larger than --max-file-size (10 bytes)"},
		{"a negative --max-file-size", fixAd, []string{"fix", "--max-file-size", "-1", "-"}, "--max-file-size -1: want 0 to 9223372036854775806 bytes"},
		{"a --max-file-size one cannot read past", fixAd, []string{"fix", "--max-file-size", "9223372036854775807", "-"}, "--max-file-size 9223372036854775807: want 0 to"},
		{"an unknown flag", fixAd, []string{"fix", "--format", "json", "-"}, "flag provided but not defined"},
	}
	for _, tt := range tests {
		code, out, errs := runWith(t, tt.stdin, tt.args...)
		if code != exitError || out != "" || !strings.Contains(errs, tt.stderr) {
			t.Errorf("%s: exit %d, stdout %q, stderr %q (want exit 2, no output, %q)", tt.name, code, out, errs, tt.stderr)
		}
	}
}

// TestStdinFilenameLineFormat: the editor-filter form of linting, as
// Vim's errorformat reads it: the buffer's name in every line, the config
// looked up from that name, columns in characters ("Café 🚀 team: " is 13).
func TestStdinFilenameLineFormat(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "drafts", ".hirelint.toml"), `disable = ["completeness", "readability", "pay"]`+"\n")
	name := filepath.Join(dir, "drafts", "ad.md")
	code, out, errs := runWith(t, "# Rockstar\n\nCafé 🚀 team: he or she will lead.\n", "--stdin-filename", name, "--format", "line", "--fail-on", "none", "-")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	want := name + ":1:3: warning hype-title: hype word \"Rockstar\": describe the level and the work instead\n" +
		name + ":3:14: warning gendered-language: \"he or she\" assumes a gender: use \"they\"\n"
	if out != want {
		t.Errorf("got:\n%s\nwant:\n%s", out, want)
	}
}
