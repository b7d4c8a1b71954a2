// Package lsp is hirelint's language server: it lints the job ads an
// editor has open and speaks the Language Server Protocol 3.17 over a
// byte stream (standard input and output for `hirelint lsp`).
//
// # Wire
//
// JSON-RPC 2.0 is written by hand (jsonrpc.go): each message is a
// "Content-Length: N" header block and N bytes of JSON. Reading never
// trusts the client: a header block without a usable Content-Length, junk
// before a header (resynchronised on "Content-Length:"), a message larger
// than MaxMessageSize (its bytes are skipped), a body that is not JSON
// (-32700), JSON that is not a request (-32600, including batches and ids
// that are neither integers nor strings) are each answered with an error
// and reading goes on. An unknown request gets -32601, params of the wrong
// shape -32602, a request before initialize -32002 and one after shutdown
// -32600; notifications nobody handles are dropped, as the protocol says.
// A client that goes away between messages or in the middle of one ends
// Run with an error; handlers run under recover, so no input can crash
// the server.
//
// # Concurrency
//
// One goroutine reads. Document notifications (didOpen, didChange, ...)
// are applied in order on that goroutine, under Server.mu, and only
// schedule a lint: linting always runs in its own goroutine on a snapshot
// of the text, after Options.Debounce for changes (at once for open and
// save), so reading never waits for the linter. Each document counts the
// changes applied to it (gen); a lint is published only if its gen is
// still the document's, checked while holding the write lock, so an older
// lint finishing late can neither be published nor overtake a newer one.
// Hover and code actions also run in goroutines and use the newest lint,
// or lint the current text themselves when the newest is stale. Lock
// order: writeMu before mu, never the other way.
//
// # Positions
//
// Findings carry byte offsets into the text (see package linter); LSP
// positions count UTF-16 code units within a line (lines end at "\n",
// "\r\n" or "\r"). lineIndex converts both ways from the text of the
// version that was linted: a character outside the Basic Multilingual
// Plane (an emoji) counts 2, an accented letter 1, whatever its UTF-8
// length. Incremental changes from the client are applied by converting
// their ranges to byte offsets the same way. A finding about the whole ad
// is shown on the first line.
//
// # Rule sets
//
// The server does not know about config files beyond their name: the
// caller gives Options.Config, which reads the rule set for a path
// afresh. The server caches the answer per document path together with a
// stamp (size and modification time) of every config file of that name
// from the document's directory upwards, plus the files the rule set came
// from; before each lint it recomputes the stamp, so an edited, added or
// deleted .hirelint.toml takes effect on the next lint even when the
// client does not watch files. workspace/didChangeWatchedFiles (registered
// dynamically when the client allows it) empties the cache and lints every
// open document again. A document that is not a file (an unsaved buffer)
// is looked up as if it were in the first workspace folder. A config
// error becomes one diagnostic on the first line of the documents it
// applies to.
//
// # Actions
//
// textDocument/codeAction returns, for each finding under the range, one
// quick fix per suggested rewrite (the first safe one preferred; templates
// such as the salary line are offered but not preferred), and an action
// that turns the rule off with an inline directive on the line above
// (`<!-- hirelint-disable-next-line RULE -- TODO: say why -->`, or a "#"
// line in plain text; for a finding about the whole ad, a
// hirelint-disable at the top). source.fixAll.hirelint applies every safe
// rewrite, as --fix does. textDocument/hover shows the findings under the
// cursor with the rule's documentation (Options.Explain).
package lsp
