package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// readState is what was read from a file, to check before writing that the
// file is still the one that was read.
type readState struct {
	info fs.FileInfo // from Lstat, when read for fixing
	data []byte
}

// readForFix reads path for linting and, when fix is set, for fixing:
// then the state writeAtomic checks is taken first. It refuses what is not
// a regular file or is larger than max bytes (see readRegular).
func readForFix(path string, max int64, fix bool) (readState, error) {
	var info fs.FileInfo
	if fix {
		var err error
		if info, err = os.Lstat(path); err != nil {
			return readState{}, err
		}
	}
	data, err := readRegular(path, max, "--max-file-size")
	if err != nil {
		return readState{}, err
	}
	return readState{info: info, data: data}, nil
}

// errChanged reports a file that changed between reading and writing.
var errChanged = errors.New("the file changed since it was read; not written (run hirelint --fix again)")

// createTemp and tempWriter are os.CreateTemp and the temporary file
// itself as the writer of the new contents; tests replace them to see a
// directory refuse a new file and a disk fill up.
var (
	createTemp = os.CreateTemp
	tempWriter = func(f *os.File) io.Writer { return f }
)

// writeAtomic replaces path's contents with data: it writes a temporary
// file in the same directory with the original's permissions, syncs it,
// checks that path is still the file that was read (same type, size,
// modification time and contents) and renames the temporary file over it.
// A file without any write permission is not replaced. On any error the
// original is left untouched, the temporary file is removed and the error
// says the file was not written.
func writeAtomic(path string, was readState, data []byte) (err error) {
	if was.info == nil {
		return errors.New("read for linting only, with nothing to check the file against; not written")
	}
	if !was.info.Mode().IsRegular() {
		return fmt.Errorf("%s, not a regular file; not written", describeMode(was.info.Mode()))
	}
	if perm := was.info.Mode().Perm(); perm&0o222 == 0 {
		// Renaming over the file would succeed in a writable directory;
		// a file nobody may write is not for --fix to change.
		return fmt.Errorf("a read-only file (mode %04o); not written", perm)
	}
	dir := filepath.Dir(path)
	tmp, err := createTemp(dir, "."+filepath.Base(path)+".hirelint-*")
	if err != nil {
		return fmt.Errorf("not written: cannot create a temporary file in %s: %w", dir, unwrapPathErr(err))
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	step := func(what string, err error) error {
		if err != nil {
			return fmt.Errorf("not written: %s: %w", what, unwrapPathErr(err))
		}
		return nil
	}
	if _, err = tempWriter(tmp).Write(data); err != nil {
		return step("write the temporary file", err)
	}
	if err = step("set the mode of the temporary file", tmp.Chmod(was.info.Mode().Perm())); err != nil {
		return err
	}
	if err = step("sync the temporary file", tmp.Sync()); err != nil {
		return err
	}
	if err = step("close the temporary file", tmp.Close()); err != nil {
		return err
	}
	now, err := os.Lstat(path)
	if err != nil {
		return step("check the file", err)
	}
	if now.Mode() != was.info.Mode() || now.Size() != was.info.Size() || !now.ModTime().Equal(was.info.ModTime()) {
		return errChanged
	}
	cur, err := os.ReadFile(path)
	if err != nil {
		return step("check the file", err)
	}
	if !bytes.Equal(cur, was.data) {
		return errChanged
	}
	return step("rename the temporary file over the file", os.Rename(tmp.Name(), path))
}
