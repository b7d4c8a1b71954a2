package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/hirelint/hirelint/linter"
	"github.com/mattn/go-isatty"
)

// Exit codes.
const (
	exitOK       = 0
	exitFindings = 1
	exitError    = 2
)

// version is set at build time with -ldflags "-X main.version=v1.2.3";
// otherwise the module version from the build info is used.
var version = ""

func versionString() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "devel"
}

const usage = `hirelint: a linter for job ads

Usage:
  hirelint [flags] [path ...]   lint files and directories (.md, .markdown, .txt, .html)
  hirelint [flags] -            lint standard input
  hirelint rules [--family F]   list the rules
  hirelint explain RULE-ID      show a rule's documentation with an example
  hirelint fix [flags] -|FILE   print the ad with the safe rewrites applied (an editor filter)
  hirelint lsp [flags]          run the language server on standard input and output

With no path, hirelint reads standard input when it is not a terminal.

Flags:
`

const examples = `
Examples:
  hirelint draft.md                        lint one ad
  hirelint postings/                       lint every ad under a directory
  hirelint --format json postings/ > r.json
  hirelint --fail-on warning postings/     fail CI on warnings too
  hirelint --fix postings/                 apply the safe rewrites in place
  hirelint --diff postings/                show them as a diff instead
  hirelint --input jsonl < ads.jsonl       one JSON line out per ad in
  hirelint --format sarif . > hirelint.sarif
  pbpaste | hirelint --stdin-filename ad.md -
  hirelint fix --stdin-filename ad.md - < draft.md > fixed.md
  hirelint --disable ad-length draft.md    turn a rule (or a family) off
  hirelint explain missing-salary

Exit status: 0 no finding at or above --fail-on, 1 some, 2 usage, config or
file errors. Rules are configured in .hirelint.toml, found from each file's
directory upwards (or given with --config).
`

// listFlag collects a repeatable, comma-separated flag.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error {
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			*l = append(*l, s)
		}
	}
	return nil
}

type options struct {
	format, color, failOn, config, stdinName, input string
	enable, disable                                 listFlag
	version, fix, diff                              bool
	maxSize                                         int64
}

func newFlagSet(o *options, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("hirelint", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.format, "format", "text", "output format: "+formatNames+" (for the rules command also markdown)")
	fs.StringVar(&o.color, "color", "auto", "colour: auto, always or never (auto honours FORCE_COLOR, NO_COLOR and whether output is a terminal)")
	fs.StringVar(&o.failOn, "fail-on", "error", "exit 1 when a finding is at least this severe: error, warning, info or none")
	fs.StringVar(&o.config, "config", "", "use this config file instead of looking for "+ConfigName)
	fs.StringVar(&o.stdinName, "stdin-filename", "", "name standard input for output and config lookup (its extension picks the format)")
	fs.Var(&o.enable, "enable", "turn on rules or families (comma-separated, repeatable)")
	fs.Var(&o.disable, "disable", "turn off rules or families (comma-separated, repeatable)")
	fs.BoolVar(&o.version, "version", false, "print the version and exit")
	fs.BoolVar(&o.fix, "fix", false, "apply the safe suggested rewrites to the files in place, then report what is left")
	fs.BoolVar(&o.diff, "diff", false, "print what --fix would change as a unified diff, write nothing, exit 1 if there is a change")
	fs.StringVar(&o.input, "input", "", "read ads as JSON Lines ({\"id\", \"text\", \"format\"}) from the files given or standard input; write one JSON line per ad (--input jsonl)")
	fs.Int64Var(&o.maxSize, "max-file-size", 10<<20, "skip files larger than this many bytes, with an error")
	fs.Usage = func() {
		fmt.Fprint(stderr, usage)
		fs.PrintDefaults()
		fmt.Fprint(stderr, examples)
	}
	return fs
}

// parseInterspersed parses flags anywhere among the arguments, as users of
// linters expect ("hirelint ad.md --format json"); "--" ends the flags.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if n := len(args) - len(rest); n > 0 && args[n-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 && (args[0] == "rules" || args[0] == "explain") {
		return runSubcommand(args[0], args[1:], stdout, stderr)
	}
	if len(args) > 0 && args[0] == "fix" {
		return runFix(args[1:], stdin, stdout, stderr)
	}
	if len(args) > 0 && args[0] == "lsp" {
		return runLSP(args[1:], stdin, stdout, stderr)
	}
	var o options
	fs := newFlagSet(&o, stderr)
	paths, err := parseInterspersed(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitError
	}
	if o.version {
		fmt.Fprintf(stdout, "hirelint %s\n", versionString())
		return exitOK
	}
	useColor, err := decideColor(o.color, stdout)
	if err != nil {
		return usageError(stderr, err)
	}
	if !validFormat(o.format) {
		return usageError(stderr, fmt.Errorf("unknown --format %q (want %s)", o.format, formatNames))
	}
	if err := checkMaxSize(o.maxSize); err != nil {
		return usageError(stderr, err)
	}
	failOn := linter.SeverityNone
	if o.failOn != "none" {
		if failOn, err = linter.ParseSeverity(o.failOn); err != nil {
			return usageError(stderr, fmt.Errorf("--fail-on: %v", err))
		}
	}
	if o.fix && o.diff {
		return usageError(stderr, errors.New("--fix and --diff do not go together: --diff shows what --fix would write"))
	}
	cfgs, err := newConfigs(o.config, o.enable, o.disable)
	if err != nil {
		fmt.Fprintf(stderr, "hirelint: %v\n", err)
		return exitError
	}
	if o.input != "" {
		return runBatch(o, paths, cfgs, stdin, stdout, stderr, failOn)
	}

	readStdin := false
	switch {
	case len(paths) == 0 && isTerminal(stdin):
		fs.Usage()
		return exitError
	case len(paths) == 0:
		readStdin = true
	case len(paths) == 1 && paths[0] == "-":
		readStdin, paths = true, nil
	}
	for _, p := range paths {
		if p == "-" {
			return usageError(stderr, errors.New(`"-" (standard input) cannot be mixed with paths`))
		}
	}
	if readStdin && (o.fix || o.diff) {
		return usageError(stderr, errors.New("--fix and --diff work on files; for standard input use 'hirelint fix -'"))
	}

	var held *bufio.Writer
	if !readStdin {
		held, stdout, stderr = holdOutput(stdout, stderr)
	}
	rep, err := newReporter(o, useColor, stdout, cfgs)
	if err != nil {
		return usageError(stderr, err)
	}
	var st runState
	st.failOn = failOn
	if readStdin {
		name := o.stdinName
		if name == "" {
			name = "<stdin>"
		}
		src, err := readStdinMax(stdin, o.maxSize)
		if err != nil {
			fmt.Fprintf(stderr, "hirelint: %v\n", err)
			return exitError
		}
		lookup := o.stdinName
		if lookup == "" {
			lookup = "stdin.txt"
		}
		cfg, err := cfgs.forFile(lookup)
		if err != nil {
			fmt.Fprintf(stderr, "hirelint: %v\n", err)
			return exitError
		}
		st.emit(lintSource(cfg, name, src), rep, stderr)
	} else if code := lintFiles(o, paths, cfgs, rep, &st, stdout, stderr); code >= 0 {
		return code
	}
	err = rep.Close()
	if held != nil {
		if ferr := held.Flush(); err == nil {
			err = ferr
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "hirelint: write output: %v\n", err)
		return exitError
	}
	return st.exitCode(o)
}

// holdOutput returns the writers for a run over files or of batch mode.
// When standard output is a regular file, the results of many files or
// ads go to it in pieces of 64 KB rather than in one or two writes each;
// held holds them (nil otherwise) and must be flushed at the end. When
// standard error is that same file (2>&1), a message on it first flushes
// what is held, so the two keep their order. Anything else (a terminal, a
// pipe, a socket) gets each result as it comes.
func holdOutput(stdout, stderr io.Writer) (held *bufio.Writer, out, errOut io.Writer) {
	f, ok := stdout.(*os.File)
	if !ok {
		return nil, stdout, stderr
	}
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() {
		return nil, stdout, stderr
	}
	held = bufio.NewWriterSize(stdout, 64<<10)
	if ef, ok := stderr.(*os.File); ok {
		if einfo, err := ef.Stat(); err == nil && os.SameFile(info, einfo) {
			return held, held, flushFirst{held, stderr}
		}
	}
	return held, held, stderr
}

// flushFirst writes to w after flushing what held holds.
type flushFirst struct {
	held *bufio.Writer
	w    io.Writer
}

func (f flushFirst) Write(p []byte) (int, error) {
	f.held.Flush() // an error shows again at the last flush
	return f.w.Write(p)
}

func usageError(stderr io.Writer, err error) int {
	fmt.Fprintf(stderr, "hirelint: %v\nRun 'hirelint --help' for usage.\n", err)
	return exitError
}

func isTerminal(v any) bool {
	f, ok := v.(*os.File)
	return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
}

// decideColor decides once whether to colour output: the --color flag, then
// FORCE_COLOR, then NO_COLOR or TERM=dumb, then whether stdout is a terminal.
func decideColor(flagVal string, stdout io.Writer) (bool, error) {
	switch flagVal {
	case "always":
		return true, nil
	case "never":
		return false, nil
	case "auto", "":
	default:
		return false, fmt.Errorf("unknown --color %q (want auto, always or never)", flagVal)
	}
	if v := os.Getenv("FORCE_COLOR"); v != "" && v != "0" && v != "false" {
		return true, nil
	}
	if v := os.Getenv("NO_COLOR"); v != "" {
		return false, nil
	}
	if os.Getenv("TERM") == "dumb" {
		return false, nil
	}
	return isTerminal(stdout), nil
}
