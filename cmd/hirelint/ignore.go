package main

import (
	"bufio"
	"bytes"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/hirelint/hirelint/linter"
)

// IgnoreName is the file, in gitignore syntax, that lists paths hirelint
// does not lint when walking directories.
const IgnoreName = ".hirelintignore"

// ignoreRule is one line of an ignore file.
type ignoreRule struct {
	re      *regexp.Regexp
	negate  bool
	dirOnly bool
}

// ignoreFile holds the rules of one .hirelintignore, which apply to paths
// below its directory.
type ignoreFile struct {
	dir   string
	rules []ignoreRule
}

// parseIgnore reads gitignore syntax: blank lines and "#" comments are
// skipped, "!" negates, a trailing "/" matches directories only, a pattern
// with a "/" (other than a trailing one) is anchored to the file's
// directory, others match at any depth; "*", "?", "[...]" and "**" work as
// in git.
func parseIgnore(dir string, data []byte) ignoreFile {
	f := ignoreFile{dir: dir}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), " \t\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		var r ignoreRule
		if strings.HasPrefix(line, "!") {
			r.negate, line = true, line[1:]
		} else if strings.HasPrefix(line, `\`) {
			line = line[1:]
		}
		if strings.HasSuffix(line, "/") {
			r.dirOnly, line = true, strings.TrimSuffix(line, "/")
		}
		if !strings.Contains(line, "/") {
			line = "**/" + line
		}
		re, err := linter.GlobRegexp(strings.TrimPrefix(line, "/"))
		if err != nil {
			continue // git skips patterns it cannot read, too
		}
		r.re = re
		f.rules = append(f.rules, r)
	}
	return f
}

// ignored reports whether path (below f.dir) is ignored; the last rule
// that matches decides.
func (f ignoreFile) ignored(path string, isDir bool) (ignored, decided bool) {
	rel, err := filepath.Rel(f.dir, path)
	if err != nil || strings.HasPrefix(rel, "..") {
		return false, false
	}
	rel = filepath.ToSlash(rel)
	for _, r := range f.rules {
		if r.dirOnly && !isDir {
			// A directory-only rule still covers files below a matching
			// directory: check the parent directories.
			if !matchesParent(r.re, rel) {
				continue
			}
		} else if !r.re.MatchString(rel) {
			continue
		}
		ignored, decided = !r.negate, true
	}
	return ignored, decided
}

func matchesParent(re *regexp.Regexp, rel string) bool {
	for i := strings.LastIndexByte(rel, '/'); i > 0; i = strings.LastIndexByte(rel[:i], '/') {
		if re.MatchString(rel[:i]) {
			return true
		}
	}
	return false
}

// ignores is the stack of ignore files in effect while walking.
type ignores []ignoreFile

// load adds dir's .hirelintignore, if any.
func (is ignores) load(dir string) ignores {
	data, err := readRegular(filepath.Join(dir, IgnoreName), maxConfigSize, "the limit for config files")
	if err != nil {
		return is
	}
	return append(is[:len(is):len(is)], parseIgnore(dir, data))
}

func (is ignores) ignored(path string, isDir bool) bool {
	result := false
	for _, f := range is {
		if ig, ok := f.ignored(path, isDir); ok {
			result = ig
		}
	}
	return result
}
