package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/hirelint/hirelint/linter"
)

const fixUsage = `Usage:
  hirelint fix [flags] -       read an ad on standard input, write it fixed to standard output
  hirelint fix [flags] FILE    write FILE fixed to standard output (FILE is not changed)

Applies the safe suggested rewrites, as --fix does, and nothing else: the
output is the input byte for byte where nothing is fixed, and templates
such as the salary line are never inserted. A filter for editors:
  :%!hirelint fix --stdin-filename %:S -      (Vim: on an error, u undoes)
On an error nothing is written to standard output and the exit status is 2.

Flags:
`

// runFix is "hirelint fix": the safe rewrites of one ad, printed.
func runFix(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("hirelint fix", flag.ContinueOnError)
	fs.SetOutput(stderr)
	config := fs.String("config", "", "use this config file instead of looking for "+ConfigName)
	stdinName := fs.String("stdin-filename", "", "the name standard input is looked up by (its extension picks the format, its directory the config)")
	var enable, disable listFlag
	fs.Var(&enable, "enable", "turn on rules or families (comma-separated, repeatable)")
	fs.Var(&disable, "disable", "turn off rules or families (comma-separated, repeatable)")
	maxSize := fs.Int64("max-file-size", 10<<20, "refuse input larger than this many bytes")
	fs.Usage = func() {
		fmt.Fprint(stderr, fixUsage)
		fs.PrintDefaults()
	}
	paths, err := parseInterspersed(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitError
	}
	if err := checkMaxSize(*maxSize); err != nil {
		return usageError(stderr, err)
	}
	readStdin := false
	switch {
	case len(paths) > 1:
		return usageError(stderr, fmt.Errorf("fix takes one file, or - for standard input (got %d)", len(paths)))
	case len(paths) == 0 && isTerminal(stdin):
		fs.Usage()
		return exitError
	case len(paths) == 0 || paths[0] == "-":
		readStdin = true
	case *stdinName != "":
		return usageError(stderr, errors.New("--stdin-filename names standard input: give - instead of a file"))
	}
	cfgs, err := newConfigs(*config, enable, disable)
	if err != nil {
		fmt.Fprintf(stderr, "hirelint: %v\n", err)
		return exitError
	}
	var name string
	var src []byte
	if readStdin {
		name = *stdinName
		if name == "" {
			name = "stdin.txt"
		}
		src, err = readStdinMax(stdin, *maxSize)
	} else {
		name = paths[0]
		// Only a regular file, and never more than --max-file-size of it:
		// a named pipe would block, a huge file would be read whole.
		src, err = readRegular(name, *maxSize, "--max-file-size")
		if err != nil {
			err = fmt.Errorf("%s: %v", name, unwrapPathErr(err))
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "hirelint: %v\n", err)
		return exitError
	}
	fixed := src
	if bytes.IndexByte(src, 0) < 0 {
		cfg, err := cfgs.forFile(name)
		if err != nil {
			fmt.Fprintf(stderr, "hirelint: %v\n", err)
			return exitError
		}
		if fixed, _, err = cfg.Fix(name, src, linter.FormatForPath(name)); err != nil {
			fmt.Fprintf(stderr, "hirelint: %s: fix: %v\n", name, err)
			return exitError
		}
	}
	if _, err := stdout.Write(fixed); err != nil {
		fmt.Fprintf(stderr, "hirelint: write output: %v\n", err)
		return exitError
	}
	return exitOK
}
