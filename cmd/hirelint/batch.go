package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/hirelint/hirelint/linter"
	"github.com/hirelint/hirelint/linter/output"
)

// batchIn is one input line of --input jsonl.
type batchIn struct {
	ID     json.RawMessage `json:"id"`
	Text   *string         `json:"text"`
	Format string          `json:"format"`
}

// batchErr is the output line for an input line that could not be read.
type batchErr struct {
	ID    json.RawMessage `json:"id"`
	Error string          `json:"error"`
}

// batchResult is one output line and whether it fails the run.
type batchResult struct {
	line []byte
	fail bool // a finding at or above --fail-on
	bad  bool // the input line could not be read
}

type batchItem struct {
	line []byte
	n    int // line number, from 1
	err  error
}

// runBatch reads ads as JSON Lines from the files given (or standard
// input) and writes one JSON line per ad, in input order, as it goes. At
// most a few lines per core are in memory, however long the stream.
// Output to a regular file is held and written in large pieces (see
// holdOutput); a pipe gets each line as soon as it is ready, so a process
// that writes an ad can read its result before it writes the next.
func runBatch(o options, paths []string, cfgs *configs, stdin io.Reader, stdout, stderr io.Writer, failOn linter.Severity) int {
	if o.input != "jsonl" {
		return usageError(stderr, fmt.Errorf("unknown --input %q (want jsonl)", o.input))
	}
	if o.fix || o.diff {
		return usageError(stderr, errors.New("--fix and --diff do not apply to --input jsonl"))
	}
	lookup := o.stdinName
	if lookup == "" {
		lookup = "ad.md"
	}
	cfg, err := cfgs.forFile(lookup)
	if err != nil {
		fmt.Fprintf(stderr, "hirelint: %v\n", err)
		return exitError
	}
	var readers []io.Reader
	var closers []io.Closer
	if len(paths) == 0 || (len(paths) == 1 && paths[0] == "-") {
		readers = append(readers, stdin)
	} else {
		for _, p := range paths {
			f, err := os.Open(p)
			if err != nil {
				fmt.Fprintf(stderr, "hirelint: %s: %v\n", p, unwrapPathErr(err))
				return exitError
			}
			readers, closers = append(readers, f), append(closers, f)
		}
	}
	defer func() {
		for _, c := range closers {
			c.Close()
		}
	}()
	in := bufio.NewReaderSize(io.MultiReader(readers...), 1<<16)
	held, out, _ := holdOutput(stdout, stderr)
	var werr error // the first write error; nothing more is written after it
	st := runState{failOn: failOn}
	n := 0
	ordered(func() (batchItem, bool) {
		line, err := readLine(in, o.maxSize)
		if err == io.EOF && len(line) == 0 {
			return batchItem{}, false
		}
		n++
		if err == io.EOF {
			err = nil
		}
		return batchItem{line: line, n: n, err: err}, true
	}, func(it batchItem) batchResult {
		return lintBatchLine(cfg, it, failOn)
	}, func(r batchResult) {
		st.findings = st.findings || r.fail
		st.failed = st.failed || r.bad
		if werr == nil {
			_, werr = out.Write(r.line)
		}
	})
	if held != nil {
		if err := held.Flush(); werr == nil {
			werr = err
		}
	}
	if werr != nil {
		fmt.Fprintf(stderr, "hirelint: write output: %v\n", werr)
		return exitError
	}
	return st.exitCode(o)
}

var errLineTooLong = errors.New("line longer than --max-file-size")

// readLine reads one line (without its ending), refusing lines over max
// bytes (the rest of such a line is skipped).
func readLine(r *bufio.Reader, max int64) ([]byte, error) {
	var line []byte
	for {
		chunk, err := r.ReadSlice('\n')
		if int64(len(line)+len(chunk)) > max+1 {
			for err == bufio.ErrBufferFull {
				_, err = r.ReadSlice('\n')
			}
			return []byte{}, errLineTooLong
		}
		line = append(line, chunk...)
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil {
			return line, err
		}
		return line[:len(line)-1], nil
	}
}

func lintBatchLine(cfg *linter.Config, it batchItem, failOn linter.Severity) batchResult {
	id := json.RawMessage("null")
	fail := func(format string, args ...any) batchResult {
		return batchResult{bad: true, line: encodeLine(batchErr{ID: id, Error: fmt.Sprintf("line %d: ", it.n) + fmt.Sprintf(format, args...)})}
	}
	if it.err != nil {
		return fail("%v", it.err)
	}
	if len(trimSpace(it.line)) == 0 {
		return batchResult{} // blank lines are skipped
	}
	in, text, decoded := decodeBatchLine(it.line)
	if !decoded {
		if err := json.Unmarshal(it.line, &in); err != nil {
			return fail("not a JSON object: %v", err)
		}
		if in.Text != nil {
			text = []byte(*in.Text)
		}
	}
	if len(in.ID) > 0 {
		id = in.ID
	}
	format, ok := linter.ParseFormat(in.Format)
	switch {
	case text == nil:
		return fail("no \"text\"")
	case !ok:
		return fail("unknown format %q (want markdown, text or html)", in.Format)
	}
	doc := linter.Parse("ad", text, format)
	fs := cfg.Lint(doc)
	findings := make([]output.JSONFinding, 0, len(fs))
	res := batchResult{}
	for _, f := range fs {
		findings = append(findings, output.ToJSON(doc, f))
		if failOn != linter.SeverityNone && f.Severity >= failOn {
			res.fail = true
		}
	}
	// {"id": ..., "score": ..., "findings": [...]}, as encoding/json
	// writes it.
	var line bytes.Buffer
	// Room for the whole line at once: a finding takes about 500 bytes.
	line.Grow(64 + len(id) + 512*len(findings))
	line.WriteString(`{"id":`)
	// id is valid JSON (jsonScan.value checked it with json.Valid, or
	// json.Unmarshal did): Compact only drops its white space, and
	// cannot fail.
	_ = json.Compact(&line, id)
	res.line = append(output.AppendFindingsJSON(line.Bytes(), linter.Score(fs), findings), '}', '\n')
	return res
}

// encodeLine encodes v as one JSON line, without escaping HTML characters.
func encodeLine(v any) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return []byte(fmt.Sprintf("{\"id\":null,\"error\":%q}\n", err.Error()))
	}
	return b.Bytes()
}

func trimSpace(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t' || b[0] == '\r') {
		b = b[1:]
	}
	for len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '\t' || b[len(b)-1] == '\r') {
		b = b[:len(b)-1]
	}
	return b
}
