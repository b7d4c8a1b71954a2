package main

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os/signal"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"

	"github.com/hirelint/hirelint"
	"github.com/hirelint/hirelint/linter"
	"github.com/hirelint/hirelint/linter/lsp"
)

const lspUsage = `Usage: hirelint lsp [flags]

Runs the hirelint language server on standard input and output (LSP 3.17):
diagnostics as you type, quick fixes, "disable for this line" and hover
documentation. Start it from your editor's LSP client; see the README's
"In the editor" section.

Flags:
`

// runLSP runs the language server until the client sends exit or closes
// the connection.
func runLSP(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("hirelint lsp", flag.ContinueOnError)
	fs.SetOutput(stderr)
	config := fs.String("config", "", "use this config file for every document instead of looking for "+ConfigName)
	var enable, disable listFlag
	fs.Var(&enable, "enable", "turn on rules or families (comma-separated, repeatable)")
	fs.Var(&disable, "disable", "turn off rules or families (comma-separated, repeatable)")
	debounce := fs.Duration("debounce", lsp.DefaultDebounce, "wait this long after a change before linting")
	fs.Bool("stdio", true, "talk over standard input and output (the only transport; accepted because clients pass it)")
	fs.Usage = func() {
		fmt.Fprint(stderr, lspUsage)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitError
	}
	if fs.NArg() > 0 {
		return usageError(stderr, fmt.Errorf("lsp takes no arguments (got %q)", fs.Args()))
	}
	serverGC()
	load, err := lspConfigLoader(*config, enable, disable)
	if err != nil {
		fmt.Fprintf(stderr, "hirelint: %v\n", err)
		return exitError
	}
	// A client that goes away makes writes fail instead of killing the
	// process with SIGPIPE.
	signal.Ignore(syscall.SIGPIPE)
	srv := lsp.NewServer(lsp.Options{
		Config:     load,
		ConfigName: ConfigName,
		Explain:    Explain,
		RuleURL:    ruleURL(versionString()),
		Debounce:   *debounce,
		Version:    versionString(),
		Log:        stderr,
	})
	if err := srv.Run(stdin, stdout); err != nil {
		fmt.Fprintf(stderr, "hirelint lsp: %v\n", err)
		return exitFindings // the protocol's exit status for an unclean end
	}
	return exitOK
}

// lspConfigLoader returns the function the server reads rule sets with:
// the lookup of the command line (--config, else the nearest
// .hirelint.toml), with --enable and --disable, reading the config files
// afresh on each call (the server decides when to call again). The
// built-in rules are parsed once; selections naming no rule are an error
// now, config files are read only when a document needs them.
func lspConfigLoader(explicit string, enable, disable []string) (func(string) (*linter.Config, error), error) {
	base, err := loadDefault()
	if err != nil {
		return nil, err
	}
	fresh := func() *configs {
		return &configs{base: base, byDir: map[string]*linter.Config{}, byFile: map[string]*linter.Config{},
			dirOf: map[*linter.Config]string{}, enable: enable, disable: disable}
	}
	if _, err := fresh().selected(base); err != nil {
		return nil, err
	}
	return func(path string) (*linter.Config, error) {
		c := fresh()
		if explicit != "" {
			var err error
			if c.explicit, err = c.load(explicit); err != nil {
				return nil, err
			}
		}
		return c.forFile(path)
	}, nil
}

// ruleURL links a built-in rule to its definition in rules.toml (title,
// why, before/after) as of the version built, and a rule from a user
// config to that file.
func ruleURL(version string) func(r *linter.RuleConfig) string {
	ref := gitRef(version)
	lines := builtinRuleLines()
	return func(r *linter.RuleConfig) string {
		if n, ok := lines[r.ID]; ok {
			return fmt.Sprintf("https://github.com/hirelint/hirelint/blob/%s/rules.toml#L%d", ref, n)
		}
		if r.File == "" || r.File == hirelint.DefaultRulesName {
			return ""
		}
		abs, err := filepath.Abs(r.File)
		if err != nil {
			return ""
		}
		return (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()
	}
}

var (
	releaseRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^v\d+\.\d+\.\d+(-[0-9A-Za-z.]+)?$`) })
	// A pseudo-version ends in a 14-digit time and a 12-digit commit.
	pseudoRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`[-.]\d{14}-([0-9a-f]{12})$`) })
)

// gitRef returns the git reference of a module version: the commit of a
// pseudo-version, the tag of a release, else the main branch.
func gitRef(version string) string {
	version, _, _ = strings.Cut(version, "+") // "+dirty", "+incompatible"
	if m := pseudoRe().FindStringSubmatch(version); m != nil {
		return m[1]
	}
	if releaseRe().MatchString(version) {
		return version
	}
	return "main"
}

var ruleHeaderRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\[\[rule\]\]\s*$`) })
var ruleIDRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^id\s*=\s*"([^"]+)"`) })

// builtinRuleLines maps each built-in rule id to the line of its
// [[rule]] header in rules.toml.
func builtinRuleLines() map[string]int {
	out := map[string]int{}
	sc := bufio.NewScanner(bytes.NewReader(hirelint.DefaultRules))
	header := 0
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if ruleHeaderRe().MatchString(line) {
			header = n
			continue
		}
		if m := ruleIDRe().FindStringSubmatch(line); m != nil && header > 0 {
			if _, dup := out[m[1]]; !dup {
				out[m[1]] = header
			}
			header = 0
		}
	}
	return out
}
