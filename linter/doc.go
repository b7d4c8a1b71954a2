// Package linter is hirelint's engine: it parses a job ad once into a
// Document, loads rule configs into a Config, and runs the configured
// rules over documents (Config.Lint). It knows rules only through the
// Rule and Kind interfaces; the kinds themselves live in package rules.
//
// # Documents
//
// Parse reads Markdown (with goldmark), plain text or HTML (with the
// golang.org/x/net/html tokenizer) into the prose of the ad, Document.Text,
// split into blocks: headings, paragraphs, list items. Markup, code, URLs,
// comments and front matter are left out of the prose. The invariant every
// rule and every output relies on: each byte of Text that came from the
// source maps back to its exact source offset (see Document.SourceOffset),
// so findings carry offsets into Text and are placed in the source only at
// the edge, by package output.
//
// What several rules need is computed once per document, on first use,
// and shared: words (with their normalised forms), sentences, the
// lower-cased text (ASCII letters only, so its offsets are Text's), the
// words' ids in the phrase vocabulary, and any value a rule kind stores
// with Document.Memo. Words, sentences and the lower-cased text are each
// made under a sync.Once, and may be read by several goroutines; a
// document is linted by one goroutine at a time, as Memo is not safe for
// concurrent use.
//
// # Configs
//
// A Config is built in layers (Config.Extend): the built-in rules, then a
// user config (the command takes --config, or the nearest .hirelint.toml
// above the file), then the rules and families selected on the command
// line (Config.Select). A layer may add rules, change keys of existing
// ones, or turn rules and families off.
// Decoding is strict: an unknown key, kind, severity or a bad expression
// is a ConfigError naming the file, the line and the rule. A loaded Config
// is read-only and shared by all goroutines of a run.
//
// # Phrase matching
//
// A PhraseSet is a trie over words, not bytes: matching a list of
// hundreds of phrases costs one pass over an ad's words, where one
// regular expression alternation of them would cost orders of magnitude
// more. The words of all sets share one vocabulary and are compared by
// number; the tries of the built-in rule set come as generated tables
// (see UsePreparedPhrases).
//
// # Findings and fixes
//
// A rule reports findings through its Pass, with the span of Text it
// concerns and, optionally, edits that fix it. Lint drops findings that
// inline directives disable and sorts the rest by position; Score turns
// them into the ad's score. Edits are applied to the source (see
// ApplyEdits), never to Text, so a fix keeps the markup around it.
package linter
