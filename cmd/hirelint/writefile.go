package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// readState is what was read from a file, to check before writing that the
// file is still the one that was read.
type readState struct {
	info fs.FileInfo // from Lstat
	data []byte
}

func readForFix(path string) (readState, error) {
	info, err := os.Lstat(path)
	if err != nil {
		return readState{}, err
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return readState{}, err
	}
	return readState{info: info, data: data}, nil
}

// errChanged reports a file that changed between reading and writing.
var errChanged = errors.New("the file changed since it was read; not written (run hirelint --fix again)")

// writeAtomic replaces path's contents with data: it writes a temporary
// file in the same directory with the original's permissions, syncs it,
// checks that path is still the file that was read (same type, size,
// modification time and contents) and renames the temporary file over it.
// On any error the original is left untouched and the temporary file is
// removed.
func writeAtomic(path string, was readState, data []byte) (err error) {
	if !was.info.Mode().IsRegular() {
		return fmt.Errorf("not a regular file (%s); not written", was.info.Mode().Type())
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".hirelint-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	if err = tmp.Chmod(was.info.Mode().Perm()); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	now, err := os.Lstat(path)
	if err != nil {
		return err
	}
	if now.Mode() != was.info.Mode() || now.Size() != was.info.Size() || !now.ModTime().Equal(was.info.ModTime()) {
		return errChanged
	}
	cur, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if !bytes.Equal(cur, was.data) {
		return errChanged
	}
	return os.Rename(tmp.Name(), path)
}
