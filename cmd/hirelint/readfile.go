package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
)

// tooLargeError is a file over a size limit (named by limit, e.g.
// "--max-file-size"); it is refused without being read.
type tooLargeError struct {
	size, max int64
	limit     string
}

func (e *tooLargeError) Error() string {
	return fmt.Sprintf("%d bytes is larger than %s (%d bytes)", e.size, e.limit, e.max)
}

// notRegularError is a path that is not a regular file: a named pipe would
// block the run forever, a device could be endless.
type notRegularError struct{ mode fs.FileMode }

func (e *notRegularError) Error() string {
	return fmt.Sprintf("%s, not a regular file", describeMode(e.mode))
}

// describeMode names what a non-regular file is.
func describeMode(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "a special file"
}

// readRegular reads the regular file at path (following symbolic links).
// Anything else is refused before it is opened, and a file larger than max
// bytes (the limit named limit in errors) is refused before it is read, so
// memory stays bounded by max whatever the file; a file that grows past
// max while being read is refused too.
func readRegular(path string, max int64, limit string) ([]byte, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, &notRegularError{info.Mode()}
	}
	if info.Size() > max {
		return nil, &tooLargeError{info.Size(), max, limit}
	}
	f, err := openRegular(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var b bytes.Buffer
	b.Grow(int(info.Size()) + bytes.MinRead)
	over, err := readAtMost(f, max, &b)
	if err != nil {
		return nil, err
	}
	if over {
		return nil, &tooLargeError{int64(b.Len()), max, limit}
	}
	return b.Bytes(), nil
}

// openRegular opens path for reading and refuses what it opened if that
// is not a regular file: the path may have been replaced since it was
// checked. It opens with openFlags: on Unix systems, without blocking, so
// that a named pipe put in the file's place cannot hang the open, and
// without the system calls os.Open makes to switch the blocking mode.
func openRegular(path string) (*os.File, error) {
	f, err := os.OpenFile(path, openFlags, 0)
	if err != nil {
		return nil, err
	}
	info, err := f.Stat()
	if err == nil && !info.Mode().IsRegular() {
		err = &notRegularError{info.Mode()}
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// readAtMost reads r into b, never more than max+1 bytes; over says that
// r holds more than max.
func readAtMost(r io.Reader, max int64, b *bytes.Buffer) (over bool, err error) {
	_, err = b.ReadFrom(io.LimitReader(r, max+1))
	return int64(b.Len()) > max, err
}

// checkMaxSize refuses a --max-file-size below zero, or so large that
// reading one byte more than it, to tell a file over it, cannot be asked.
func checkMaxSize(n int64) error {
	if n < 0 || n == math.MaxInt64 {
		return fmt.Errorf("--max-file-size %d: want 0 to %d bytes", n, int64(math.MaxInt64-1))
	}
	return nil
}

// readStdinMax reads standard input whole, refusing more than max bytes
// (--max-file-size): only max+1 are ever read.
func readStdinMax(stdin io.Reader, max int64) ([]byte, error) {
	var b bytes.Buffer
	over, err := readAtMost(stdin, max, &b)
	if err != nil {
		return nil, fmt.Errorf("read standard input: %w", err)
	}
	if over {
		return nil, fmt.Errorf("standard input is larger than --max-file-size (%d bytes)", max)
	}
	return b.Bytes(), nil
}

// isSkipped reports whether err is a file refused for what it is (not a
// regular file, too large) rather than one that could not be read.
func isSkipped(err error) bool {
	var tl *tooLargeError
	var nr *notRegularError
	return errors.As(err, &tl) || errors.As(err, &nr)
}
