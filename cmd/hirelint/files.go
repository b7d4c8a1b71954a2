package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hirelint/hirelint/linter"
)

// lintableExt lists the extensions picked up when walking a directory.
var lintableExt = map[string]bool{".md": true, ".markdown": true, ".txt": true, ".html": true, ".htm": true}

// skippedDirs are never walked into.
var skippedDirs = map[string]bool{"node_modules": true, "vendor": true}

// expandPaths turns the command-line arguments into files, in a stable
// order: a file is kept (any extension); a directory is walked for .md,
// .markdown, .txt, .html and .htm files, skipping hidden directories,
// node_modules and what .hirelintignore files (in the directory walked and
// below it) list; an argument with *, ? or [ is a glob (with ** for any
// depth), expanded relative to the working directory. Problems with one
// argument are returned and do not stop the others. Files found by
// walking are sorted by path.
func expandPaths(args []string) (files []string, errs []error) {
	seen := map[string]bool{}
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			files = append(files, p)
		}
	}
	for _, arg := range args {
		if strings.ContainsAny(arg, "*?[") {
			matches, err := globFiles(arg)
			if err != nil {
				errs = append(errs, err)
			} else if len(matches) == 0 {
				errs = append(errs, fmt.Errorf("%s: no files match", arg))
			}
			for _, m := range matches {
				add(m)
			}
			continue
		}
		info, err := os.Stat(arg)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", arg, unwrapPathErr(err)))
			continue
		}
		if !info.IsDir() {
			add(arg)
			continue
		}
		found, werrs := walkDir(arg)
		errs = append(errs, werrs...)
		for _, f := range found {
			add(f)
		}
	}
	return files, errs
}

// walkDir finds the lintable files under root.
func walkDir(root string) (found []string, errs []error) {
	var ig ignores
	// Ignore files in the directories above root (up to the working
	// directory) apply too, as .gitignore files do.
	if abs, err := filepath.Abs(root); err == nil {
		if wd, err := os.Getwd(); err == nil && strings.HasPrefix(abs, wd) {
			var dirs []string
			for d := filepath.Dir(abs); strings.HasPrefix(d, wd) && len(d) >= len(wd); d = filepath.Dir(d) {
				dirs = append([]string{d}, dirs...)
				if d == wd {
					break
				}
			}
			for _, d := range dirs {
				ig = ig.load(d)
			}
		}
	}
	stack := map[string]ignores{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", p, unwrapPathErr(err)))
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		parent := ig
		if s, ok := stack[filepath.Dir(p)]; ok {
			parent = s
		}
		name := d.Name()
		if d.IsDir() {
			if p != root && (strings.HasPrefix(name, ".") || skippedDirs[name] || parent.ignored(absPath(p), true)) {
				return fs.SkipDir
			}
			stack[p] = parent.load(absPath(p))
			return nil
		}
		if !lintableExt[strings.ToLower(filepath.Ext(name))] || !d.Type().IsRegular() {
			return nil
		}
		if parent.ignored(absPath(p), false) {
			return nil
		}
		found = append(found, p)
		return nil
	})
	if err != nil {
		errs = append(errs, err)
	}
	sort.Strings(found)
	return found, errs
}

func absPath(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return p
}

// globFiles expands a glob with ** over the file system, relative to the
// directory before its first wildcard.
func globFiles(pattern string) ([]string, error) {
	slash := filepath.ToSlash(pattern)
	i := strings.IndexAny(slash, "*?[")
	base := "."
	if j := strings.LastIndexByte(slash[:i], '/'); j >= 0 {
		base = slash[:j]
		if base == "" {
			base = "/"
		}
	}
	re, err := linter.GlobExact(strings.TrimPrefix(slash, "./"))
	if err != nil {
		return nil, err
	}
	var out []string
	err = filepath.WalkDir(filepath.FromSlash(base), func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			if p != filepath.FromSlash(base) && (strings.HasPrefix(d.Name(), ".") || skippedDirs[d.Name()]) {
				return fs.SkipDir
			}
			return nil
		}
		rel := filepath.ToSlash(p)
		if base == "." {
			rel = strings.TrimPrefix(rel, "./")
		}
		if d.Type().IsRegular() && re.MatchString(rel) {
			out = append(out, p)
		}
		return nil
	})
	sort.Strings(out)
	return out, err
}

func unwrapPathErr(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}
