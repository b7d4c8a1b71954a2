// Package linter is hirelint's engine: it parses a job ad once into a
// Document, loads rule configs into a Config, and runs the configured
// rules over documents (Config.Lint). It knows rules only through the
// Rule and Kind interfaces; the kinds themselves live in package rules.
//
// # Documents
//
// Parse reads Markdown (with goldmark), plain text or HTML (with the
// golang.org/x/net/html tokenizer) into the prose of the ad, Document.Text,
// split into blocks: headings, paragraphs, list items. Markup, code
// blocks, link destinations, comments and front matter are left out of the
// prose; a code span, an autolink or inline HTML leaves a mark that is not
// a word. The invariant every rule relies on: each byte of Text that came
// from the source maps back to its exact source offset (see
// Document.SourceOffset). Rules work in Text offsets; Pass.ReportText and
// Document.SourceSpan turn a finding's span into source offsets, which
// package output turns into lines and columns.
//
// What several rules need is computed once per document, on first use,
// and shared: words (with their normalised forms), sentences, the
// lower-cased text (ASCII letters only, so its offsets are Text's), and
// any value a rule kind stores with Document.Memo. Words, sentences and
// the lower-cased text are each made under a sync.Once and may be read by
// several goroutines. The words' ids in the phrase vocabulary (looked up
// again only when the vocabulary has changed since) and Memo are for one
// goroutine at a time: a document is linted by one goroutine.
//
// # Configs
//
// A Config is built in layers: the built-in rules (decoded ahead of time,
// Config.ExtendDecoded), then a user config (Config.Extend; the command
// takes --config, or the nearest .hirelint.toml in the file's directory or
// above), then the rules and families turned on or off on the command line
// (Config.Select). A layer may add rules, change keys of existing ones,
// turn rules and families on or off, and give [[override]] tables that
// apply to some paths only (Config.ForPath). Decoding is strict: an error
// is a ConfigError that names the file and, where TOML gives them, the
// line and the rule. A loaded Config is read-only and shared by all
// goroutines of a run.
//
// # Phrase matching
//
// A PhraseSet is a trie over words, not bytes: a list of hundreds of
// phrases is matched in one pass over an ad's words, instead of one
// regular-expression alternation of them. The words of all sets share one
// vocabulary and are compared by number; the tries of the built-in rule
// set come as generated tables (see UsePreparedPhrases).
//
// # Findings and fixes
//
// A rule reports findings through its Pass, with the span they concern
// and, optionally, edits that fix them. Lint runs the active rules and,
// silently, the rules they require (a rule whose required rules found
// nothing is skipped, unless another rule requires it in turn); it drops
// a rule's findings when none of its only_if expressions matches the ad or
// one of its skip_if expressions does, and those that inline directives
// turn off; it keeps one where word-level findings of different rules
// overlap (dropOverlaps), and sorts the rest by position. Score turns them
// into the ad's score. Edits are applied to the source (see ApplyEdits),
// never to Text, so a fix keeps the markup around it. Fix lints and
// applies the safe edits, round after round, until nothing is left to fix
// or MaxFixRounds rounds have run; FixLint also returns the findings of
// the source before and after fixing, so that --fix reports what is left
// without linting the file again.
package linter
