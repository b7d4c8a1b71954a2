// Package rules holds hirelint's rule kinds (Kinds lists them: phrase,
// pattern, require, count, metric, years, balance, sections, directive,
// duplicates) and the built-in rule set, rules.toml, decoded and prepared
// ahead of time.
//
// A kind turns a rule's TOML options into a linter.Rule. Rules read the
// parsed document (linter.Document) and share what it computes once: its
// blocks, words, sentences and lower-cased text, and, through
// Document.Memo, values this package derives per ad: the literal index,
// the runs of characters, the years matches and the count of words.
//
// # Regular expressions
//
// Every expression has a prefilter worked out from its syntax (see
// shapeOf): a set of literals at least one of which every match holds,
// whether each must start or end a word or match in case, and how many
// bytes a match can span on either side of the literal. The literals of
// all expressions of a process are found in one pass over an ad
// (acMatcher, an Aho-Corasick automaton; the one for the built-in rules is
// a generated table), and an expression runs only on windows around its
// literals' occurrences. The invariant that keeps this exact: a window
// holds every match that contains its occurrence, so the matches found in
// the windows are those a search of the whole block finds. Every bound
// used to size a window (maxLen, sideLen, the runs of docRuns) is an upper
// bound: too wide a window costs time, never a match. Where a cut edge
// could make ^, $ or \b see what they would not see in the block, the
// match is checked against the whole line (see span and lineMatches).
//
// Expressions are compiled once per process, the first time a rule runs
// them, and matched by Go's regexp package. A lazily built deterministic
// automaton in front of it, answering whether a window holds any match,
// was measured over the bulk corpus and did not pay: it is several times
// faster on a window than Go's backtracking matcher when its tables are in
// cache, but over many expressions and ads its transitions miss the cache,
// making its states costs as much again, and the memory it keeps makes the
// collector run more often.
//
// # Phrase lists
//
// Phrase lists are matched over an ad's words, not its bytes, each list in
// one pass over a trie of words (linter.PhraseSet); the words of all lists
// share one vocabulary, and an ad's words are looked up in it once.
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
// Each of those tests fails while its table is out of date; until then the
// built-in rules are read from the TOML at start-up.
//
// # Concurrency
//
// Rules are built once and then used by many goroutines at once, one ad
// each: a rule keeps no per-ad state of its own. Tables built lazily and
// shared (compiled expressions, the literal table and its dense form, the
// run classes) are published whole, under a lock or by an atomic pointer,
// and never changed after that except by appending.
package rules
