package lsp

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// JSON-RPC 2.0 error codes, and the LSP codes the server answers with.
const (
	CodeParseError           = -32700
	CodeInvalidRequest       = -32600
	CodeMethodNotFound       = -32601
	CodeInvalidParams        = -32602
	CodeInternalError        = -32603
	CodeServerNotInitialized = -32002
	CodeRequestFailed        = -32803
)

// MaxMessageSize bounds the body of one message. A larger message is
// skipped (its bytes are read and dropped, so the stream stays in step)
// and answered with an invalid-request error.
const MaxMessageSize = 64 << 20

// maxHeaderLine bounds one header line; a longer one is a framing error.
const maxHeaderLine = 4096

// rpcError is a JSON-RPC error object.
type rpcError struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

func (e *rpcError) Error() string { return fmt.Sprintf("%s (%d)", e.Message, e.Code) }

func errorf(code int, format string, args ...any) *rpcError {
	return &rpcError{Code: code, Message: fmt.Sprintf(format, args...)}
}

// message is one decoded JSON-RPC message. Exactly one of request
// (Method and ID), notification (Method, no ID) and response (ID with
// Result or Error) holds.
type message struct {
	ID     json.RawMessage // nil for notifications; a JSON number or string
	Method string
	Params json.RawMessage // nil when absent
	// IsResponse is set for answers to the server's own requests.
	IsResponse bool
	Error      *rpcError
}

func (m *message) isRequest() bool { return m.ID != nil && !m.IsResponse }

// response is what the server writes back to a request.
type response struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id"`
	Result  any             `json:"result"`
	Error   *rpcError       `json:"error,omitempty"`
}

// errorResponse leaves out "result", which an error response must not have.
type errorResponse struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id"`
	Error   *rpcError       `json:"error"`
}

// outgoing is a notification or request the server sends.
type outgoing struct {
	JSONRPC string `json:"jsonrpc"`
	ID      any    `json:"id,omitempty"`
	Method  string `json:"method"`
	Params  any    `json:"params"`
}

var nullID = json.RawMessage("null")

// decode checks that body is a JSON-RPC 2.0 message and returns it. A
// body that is not JSON is a parse error; JSON that is not a message is an
// invalid request. The id is returned whenever it could be read, so the
// error can be answered to the right request.
func decode(body []byte) (*message, *rpcError) {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(body, &fields); err != nil {
		var syn *json.SyntaxError
		if errors.As(err, &syn) || !json.Valid(body) {
			return nil, errorf(CodeParseError, "parse error: %v", err)
		}
		if bytes.HasPrefix(bytes.TrimSpace(body), []byte("[")) {
			return nil, errorf(CodeInvalidRequest, "batches are not supported: send one message at a time")
		}
		return nil, errorf(CodeInvalidRequest, "a message must be a JSON object")
	}
	if fields == nil {
		return nil, errorf(CodeInvalidRequest, "a message must be a JSON object, not null")
	}
	m := &message{}
	if raw, ok := fields["id"]; ok {
		id := bytes.TrimSpace(raw)
		switch {
		case len(id) > 0 && id[0] == '"':
			m.ID = id
		case len(id) > 0 && (id[0] == '-' || (id[0] >= '0' && id[0] <= '9')):
			var n json.Number
			if json.Unmarshal(id, &n) != nil || strings.ContainsAny(string(n), ".eE") {
				return nil, errorf(CodeInvalidRequest, "id must be an integer or a string, not %s", id)
			}
			m.ID = id
		default:
			return nil, errorf(CodeInvalidRequest, "id must be an integer or a string, not %s", id)
		}
	}
	var version string
	if err := json.Unmarshal(fields["jsonrpc"], &version); err != nil || version != "2.0" {
		return m, errorf(CodeInvalidRequest, `"jsonrpc" must be "2.0"`)
	}
	raw, hasMethod := fields["method"]
	if !hasMethod {
		_, hasResult := fields["result"]
		rawErr, hasError := fields["error"]
		if m.ID != nil && (hasResult || hasError) {
			m.IsResponse = true
			if hasError {
				var e rpcError
				if json.Unmarshal(rawErr, &e) == nil {
					m.Error = &e
				}
			}
			return m, nil
		}
		return m, errorf(CodeInvalidRequest, `a request needs a "method"`)
	}
	if err := json.Unmarshal(raw, &m.Method); err != nil || m.Method == "" {
		return m, errorf(CodeInvalidRequest, `"method" must be a non-empty string`)
	}
	if p, ok := fields["params"]; ok {
		p = bytes.TrimSpace(p)
		if len(p) == 0 || (p[0] != '{' && p[0] != '[' && !bytes.Equal(p, []byte("null"))) {
			return m, errorf(CodeInvalidRequest, `"params" must be an object or an array`)
		}
		if !bytes.Equal(p, []byte("null")) {
			m.Params = p
		}
	}
	return m, nil
}

// reader reads messages framed by a Content-Length header from a stream.
type reader struct {
	br *bufio.Reader
}

func newReader(r io.Reader) *reader { return &reader{br: bufio.NewReaderSize(r, 64<<10)} }

// errDisconnected says the client went away in the middle of a message.
var errDisconnected = errors.New("the client disconnected in the middle of a message")

// read returns the body of the next message. problem is set when the
// framing was wrong (no or bad Content-Length, a message too large, junk
// before the header): the server answers it with an error and reads on,
// since the stream is still usable. err is io.EOF when the stream ended
// between messages and errDisconnected when it ended inside one.
func (r *reader) read() (body []byte, problem *rpcError, err error) {
	length := -1
	started := false
	for {
		line, tooLong, err := r.line()
		if err != nil {
			if err == io.EOF && !started && len(line) == 0 {
				return nil, nil, io.EOF
			}
			if err == io.EOF {
				return nil, nil, errDisconnected
			}
			return nil, nil, err
		}
		started = true
		if tooLong {
			problem = errorf(CodeParseError, "header line longer than %d bytes", maxHeaderLine)
			continue
		}
		if line == "" {
			break
		}
		// A body sent without a header ends up before the next header
		// on the same line: resynchronise on "Content-Length:".
		if i := strings.Index(strings.ToLower(line), "content-length:"); i > 0 {
			problem = errorf(CodeParseError, "junk before the header: %.40q", line[:i])
			line = line[i:]
		}
		name, value, ok := strings.Cut(line, ":")
		if !ok {
			problem = errorf(CodeParseError, "malformed header line %.60q", line)
			continue
		}
		switch strings.ToLower(strings.TrimSpace(name)) {
		case "content-length":
			n, err := strconv.ParseInt(strings.TrimSpace(value), 10, 64)
			if err != nil || n < 0 {
				problem = errorf(CodeParseError, "bad Content-Length %q", strings.TrimSpace(value))
				length = -1
				continue
			}
			if n > MaxMessageSize {
				if _, err := io.CopyN(io.Discard, r.br, n); err != nil {
					return nil, nil, errDisconnected
				}
				return nil, errorf(CodeInvalidRequest, "message of %d bytes is larger than the limit of %d", n, MaxMessageSize), nil
			}
			length = int(n)
		case "content-type":
			// utf-8 is the only encoding LSP uses; "utf8" is accepted too.
		}
	}
	if length < 0 {
		if problem == nil {
			problem = errorf(CodeParseError, "message without a Content-Length header")
		}
		return nil, problem, nil
	}
	body = make([]byte, length)
	if _, err := io.ReadFull(r.br, body); err != nil {
		return nil, nil, errDisconnected
	}
	return body, problem, nil
}

// line reads one header line without its line ending. A line longer than
// maxHeaderLine is read to its end and reported as tooLong.
func (r *reader) line() (s string, tooLong bool, err error) {
	var buf []byte
	for {
		chunk, err := r.br.ReadSlice('\n')
		if len(buf)+len(chunk) > maxHeaderLine {
			tooLong = true
		} else {
			buf = append(buf, chunk...)
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil {
			return string(buf), tooLong, err
		}
		return strings.TrimRight(string(buf), "\r\n"), tooLong, nil
	}
}

// frame returns v encoded as one framed message.
func frame(v any) ([]byte, error) {
	body, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	out := make([]byte, 0, len(body)+32)
	out = append(out, "Content-Length: "...)
	out = strconv.AppendInt(out, int64(len(body)), 10)
	out = append(out, "\r\n\r\n"...)
	return append(out, body...), nil
}
