// Command hirelint lints job ads: it runs the built-in rules, changed and
// extended by a .hirelint.toml if there is one, over Markdown, plain-text
// and HTML ads, and reports what it finds.
//
//	hirelint draft.md                  lint files or directories
//	hirelint --format json postings/   for tools: json, sarif, github, checkstyle, line
//	hirelint --stdin-filename ad.md -  lint standard input
//	hirelint --input jsonl ads.jsonl   one JSON object per ad in, one per ad out
//	hirelint --fix draft.md            apply the safe rewrites in place
//	hirelint --diff draft.md           show them as a unified diff instead
//	hirelint fix -                     filter: the ad, rewritten, on standard output
//	hirelint rules, hirelint explain ID
//	hirelint lsp                       the language server, on standard input and output
//
// The exit status is 0 when no finding is at or above --fail-on, 1 when
// some is (with --diff: when there is a change), and 2 for a usage or
// config error (before anything is linted), a file that could not be read
// (in a run over files, the other files are still linted and reported), a
// JSON Lines input that could not be opened (before anything is linted),
// a JSON Lines line that could not be used (not JSON, no text, an unknown
// format, too long: the other lines are still linted), or output that
// could not be written.
//
// This package holds only what a command needs: flags, finding and
// reading files, choosing the config for each, running the linter on all
// cores while writing results in input order through a bounded window, the
// JSON Lines batch mode, fixing files (written atomically, and only if they
// did not change while being linted), and starting the language server
// (its flags and config lookup). The engine is package linter, the rule
// kinds package rules, the formats package linter/output and the server
// package linter/lsp.
package main
