// Package rules holds hirelint's rule kinds (Kinds lists them: phrase,
// pattern, require, count, metric, years, balance, sections, directive,
// duplicates) and the built-in rule set: rules.toml, embedded by the root
// package, decoded and prepared ahead of time here.
//
// A kind turns a rule's TOML options into a linter.Rule. Rules read the
// parsed document (linter.Document) and share what it computes once: its
// blocks, words, sentences and lower-cased text, and, through
// Document.Memo, values this package derives per ad: the literal index,
// the runs of characters, the years matches and the count of words.
//
// # Regular expressions
//
// An expression's prefilter is worked out from its syntax (see shapeOf):
// where it can, a set of literals at least one of which every match
// holds, whether each must start or end a word or match in case, and how
// many bytes a match can span on either side of the literal. The literals
// of all expressions of a process are found in one pass over an ad
// (acMatcher, an Aho-Corasick automaton; the one for the built-in rules is
// a generated table). An expression whose literals are absent is skipped;
// one whose literals occur runs only on windows around them (on the
// whole block of each occurrence when its matches have no length bound or
// it holds \A or \z). An expression without useful literals runs over
// every block (or, when anchored at line starts, from each line start),
// and so does every expression in the rare ad whose text holds a
// character that case-folds to an ASCII letter (the Kelvin sign, the long
// s), which the literal search would miss.
//
// The invariant that keeps the windows exact: a window holds every match
// that contains its occurrence, so the matches found in the windows are
// those a search of the whole block finds. Every bound used to size a
// window (maxLen, sideLen, the runs of docRuns) is an upper bound: too
// wide a window costs time, never a match. A window's edges are moved to
// where \b sees what it sees in the block; where a cut edge could make ^
// or $ match, a match found there is checked against the whole line (see
// span and lineMatches).
//
// The expressions of the built-in rules are compiled once per process,
// the first time a rule runs them; any other expression is compiled when
// its config is loaded, so that its errors are reported then. Matches are
// found by Go's regexp package, except the tail of the years expression,
// which is read by hand (see yearsmatch.go).
//
// # Phrase lists
//
// Phrase lists are matched over an ad's words, not its bytes, each list in
// one pass over a trie of words (linter.PhraseSet); the words of all lists
// share one vocabulary.
//
// # Generated tables
//
// What is derived from rules.toml is generated: the decoded rules
// (builtin_gen.go), each expression's shape (prepared.go), the literal
// table and its automaton (literals_gen.go), and the tries of the phrase
// lists with their vocabulary (phrases_gen.go). After changing rules.toml,
// regenerate them with
//
//	go test ./rules -run 'TestPreparedTable|TestBuiltinTable|TestPhrasesTable' -update
//
// Each of those tests fails while its table is out of date; until then
// what that table holds is worked out at start-up instead: the rules
// decoded from the TOML, the expressions' shapes found and the
// expressions compiled, or the phrase tries built.
//
// # Concurrency
//
// Rules are built once and then used by many goroutines at once, one ad
// each: a rule keeps no per-ad state of its own. What is made lazily and
// shared is made once and then only read (compiled expressions, under a
// sync.Once), or replaced whole by an atomic pointer (the literal matcher,
// when a config brings new literals), or only appended to under a lock
// (the run classes).
package rules
