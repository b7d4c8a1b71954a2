package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// lintableExt lists the extensions picked up when walking a directory.
var lintableExt = map[string]bool{".md": true, ".markdown": true, ".txt": true}

// expandPaths turns the command-line paths into files: files are kept in
// order (any extension), directories are walked recursively in lexical order
// for .md, .markdown and .txt files, skipping hidden directories and
// node_modules. Problems with a path are returned per path, not fatal.
func expandPaths(args []string) (files []string, errs []error) {
	for _, arg := range args {
		info, err := os.Stat(arg)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", arg, unwrapPathErr(err)))
			continue
		}
		if !info.IsDir() {
			files = append(files, arg)
			continue
		}
		var found []string
		err = filepath.WalkDir(arg, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, fmt.Errorf("%s: %w", p, unwrapPathErr(err)))
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			name := d.Name()
			if d.IsDir() {
				if p != arg && (strings.HasPrefix(name, ".") || name == "node_modules") {
					return fs.SkipDir
				}
				return nil
			}
			if lintableExt[strings.ToLower(filepath.Ext(name))] && d.Type().IsRegular() {
				found = append(found, p)
			}
			return nil
		})
		if err != nil {
			errs = append(errs, err)
		}
		sort.Strings(found)
		files = append(files, found...)
	}
	return files, errs
}

func unwrapPathErr(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}
