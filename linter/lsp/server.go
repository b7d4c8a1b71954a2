package lsp

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"sync"
	"time"

	"github.com/hirelint/hirelint/linter"
)

// DefaultDebounce is how long the server waits after a change before it
// lints, so that typing does not lint every keystroke.
const DefaultDebounce = 150 * time.Millisecond

// DefaultMaxDocumentSize is the size above which a document is not linted
// (the same limit as the command's --max-file-size).
const DefaultMaxDocumentSize = 10 << 20

// Options is what the server needs from its caller.
type Options struct {
	// Config returns the rule set for a document at path (an absolute
	// file path; the file need not exist). It must read config files
	// afresh on every call: the server caches the result and calls again
	// when a config file changes. Required.
	Config func(path string) (*linter.Config, error)
	// ConfigName is the config file looked up from each document's
	// directory upwards (".hirelint.toml"); the server checks those files'
	// modification times before each lint to know when to call Config
	// again. Empty: only the files a Config lists are checked.
	ConfigName string
	// Explain renders a rule's documentation for hover. Nil shows the
	// rule's title only.
	Explain func(r *linter.RuleConfig, active bool) string
	// RuleURL returns the documentation link of a rule, sent as a
	// diagnostic's codeDescription; "" (or a nil RuleURL) sends none.
	RuleURL func(r *linter.RuleConfig) string
	// Debounce is how long after a change a document is linted; 0 lints
	// at once. Opening and saving a document lint at once.
	Debounce time.Duration
	// MaxDocumentSize is the size in bytes above which a document is not
	// linted; 0 means DefaultMaxDocumentSize.
	MaxDocumentSize int
	// Version is sent in serverInfo.
	Version string
	// Log receives a line for each problem the client cannot be told
	// about (a malformed notification, a failed write). Nil discards.
	Log io.Writer
}

// Server is a language server for job ads. Create one with NewServer and
// call Run once.
type Server struct {
	opts Options

	// writeMu serialises writes to the client. It is taken before mu when
	// both are needed, never after.
	writeMu sync.Mutex
	out     io.Writer
	closed  bool // no more writes (the connection ended or failed)

	mu       sync.Mutex
	state    int
	docs     map[string]*document
	roots    []string // workspace folder paths, first is the fallback
	caps     ClientCapabilities
	stopping bool           // set when Run ends: no new goroutines
	wg       sync.WaitGroup // lints and request handlers in flight
	nextID   int            // ids of the server's own requests

	configs configCache
	logMu   sync.Mutex
}

// Server states.
const (
	stateNew = iota
	stateRunning
	stateShutdown
)

// NewServer returns a server that lints with the rule sets opts.Config
// gives.
func NewServer(opts Options) *Server {
	if opts.MaxDocumentSize <= 0 {
		opts.MaxDocumentSize = DefaultMaxDocumentSize
	}
	s := &Server{opts: opts, docs: map[string]*document{}}
	s.configs.load = opts.Config
	s.configs.name = opts.ConfigName
	return s
}

// ErrNoShutdown is returned by Run when the client sent exit without
// shutdown first, or closed the connection without exit; the process
// should exit with status 1, as the protocol says.
var ErrNoShutdown = errors.New("the client ended the session without shutdown and exit")

// Run serves one client: it reads messages from in and writes to out until
// the exit notification or the end of in. It returns nil after shutdown
// and exit, ErrNoShutdown when the session ended otherwise between
// messages, and an error that says so when the client disconnected in the
// middle of a message or reading failed. It never panics on bad input.
func (s *Server) Run(in io.Reader, out io.Writer) error {
	s.out = out
	r := newReader(in)
	err := s.loop(r)
	s.stop()
	return err
}

func (s *Server) loop(r *reader) error {
	for {
		body, problem, err := r.read()
		if err != nil {
			if err == io.EOF {
				return ErrNoShutdown
			}
			if err == errDisconnected {
				return err
			}
			return fmt.Errorf("read from the client: %w", err)
		}
		if problem != nil {
			s.logf("%s", problem.Message)
			s.reply(nullID, nil, problem)
		}
		if body == nil {
			continue
		}
		m, rerr := decode(body)
		if rerr != nil {
			id := nullID
			if m != nil && m.ID != nil {
				id = m.ID
			}
			s.logf("%s", rerr.Message)
			s.reply(id, nil, rerr)
			continue
		}
		if m.Method == "exit" {
			s.mu.Lock()
			clean := s.state == stateShutdown
			s.mu.Unlock()
			if clean {
				return nil
			}
			return ErrNoShutdown
		}
		s.dispatch(m)
	}
}

// stop ends the session: pending lints are cancelled and the ones running
// are waited for; nothing is written after.
func (s *Server) stop() {
	s.mu.Lock()
	s.stopping = true
	for _, d := range s.docs {
		if d.timer != nil {
			d.timer.Stop()
		}
	}
	s.mu.Unlock()
	s.wg.Wait()
	s.writeMu.Lock()
	s.closed = true
	s.writeMu.Unlock()
}

// handler answers a request: a result, or an error.
type handler func(s *Server, params json.RawMessage) (any, *rpcError)

// requests lists the request methods; async ones run in a goroutine so a
// slow lint never holds up reading.
var requests = map[string]struct {
	h     handler
	async bool
}{
	"initialize":              {(*Server).initialize, false},
	"shutdown":                {(*Server).shutdown, false},
	"textDocument/hover":      {(*Server).hover, true},
	"textDocument/codeAction": {(*Server).codeAction, true},
}

// notifications lists the notification methods. Others are ignored.
var notifications = map[string]func(s *Server, params json.RawMessage) error{
	"initialized":                         (*Server).initialized,
	"textDocument/didOpen":                (*Server).didOpen,
	"textDocument/didChange":              (*Server).didChange,
	"textDocument/didSave":                (*Server).didSave,
	"textDocument/didClose":               (*Server).didClose,
	"workspace/didChangeWatchedFiles":     (*Server).didChangeWatchedFiles,
	"workspace/didChangeWorkspaceFolders": (*Server).didChangeWorkspaceFolders,
}

func (s *Server) dispatch(m *message) {
	if m.IsResponse {
		if m.Error != nil {
			s.logf("the client answered request %s with an error: %s", m.ID, m.Error.Message)
		}
		return
	}
	s.mu.Lock()
	state := s.state
	s.mu.Unlock()
	if !m.isRequest() {
		h, ok := notifications[m.Method]
		if !ok || (state == stateNew) || (state == stateShutdown) {
			return
		}
		if err := s.safely(func() error { return h(s, m.Params) }); err != nil {
			s.logf("%s: %v", m.Method, err)
		}
		return
	}
	req, ok := requests[m.Method]
	switch {
	case !ok:
		s.reply(m.ID, nil, errorf(CodeMethodNotFound, "method not found: %s", m.Method))
		return
	case state == stateNew && m.Method != "initialize":
		s.reply(m.ID, nil, errorf(CodeServerNotInitialized, "the server is not initialized: send initialize first"))
		return
	case state == stateShutdown:
		s.reply(m.ID, nil, errorf(CodeInvalidRequest, "the server is shut down: only exit is accepted"))
		return
	}
	call := func() {
		var res any
		var rerr *rpcError
		if err := s.safely(func() error { res, rerr = req.h(s, m.Params); return nil }); err != nil {
			rerr = errorf(CodeInternalError, "%v", err)
		}
		s.reply(m.ID, res, rerr)
	}
	if !req.async {
		call()
		return
	}
	if s.goSafe(call) {
		return
	}
	s.reply(m.ID, nil, errorf(CodeRequestFailed, "the server is stopping"))
}

// goSafe runs f in a goroutine tracked by the wait group, unless the
// server is stopping.
func (s *Server) goSafe(f func()) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.stopping {
		return false
	}
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		_ = s.safely(func() error { f(); return nil })
	}()
	return true
}

// safely calls f, turning a panic into an error (logged with its stack),
// so that no request can bring the server down.
func (s *Server) safely(f func() error) (err error) {
	defer func() {
		if v := recover(); v != nil {
			s.logf("internal error: %v\n%s", v, debug.Stack())
			err = fmt.Errorf("internal error: %v", v)
		}
	}()
	return f()
}

// decodeParams decodes params into v, as an invalid-params error.
func decodeParams(params json.RawMessage, v any) *rpcError {
	if params == nil {
		return errorf(CodeInvalidParams, "missing params")
	}
	if err := json.Unmarshal(params, v); err != nil {
		return errorf(CodeInvalidParams, "invalid params: %v", err)
	}
	return nil
}

// reply answers request id.
func (s *Server) reply(id json.RawMessage, result any, rerr *rpcError) {
	if rerr != nil {
		s.send(errorResponse{JSONRPC: "2.0", ID: id, Error: rerr})
		return
	}
	s.send(response{JSONRPC: "2.0", ID: id, Result: result})
}

// notify sends a notification.
func (s *Server) notify(method string, params any) {
	s.send(outgoing{JSONRPC: "2.0", Method: method, Params: params})
}

func (s *Server) send(v any) {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	s.sendLocked(v)
}

// sendLocked writes v; writeMu must be held.
func (s *Server) sendLocked(v any) {
	if s.closed {
		return
	}
	b, err := frame(v)
	if err != nil {
		s.logf("encode: %v", err)
		return
	}
	if _, err := s.out.Write(b); err != nil {
		s.logf("write: %v", err)
		s.closed = true
	}
}

func (s *Server) logf(format string, args ...any) {
	if s.opts.Log != nil {
		s.logMu.Lock()
		defer s.logMu.Unlock()
		fmt.Fprintf(s.opts.Log, "hirelint lsp: "+format+"\n", args...)
	}
}
