package main

import (
	"bytes"
	"fmt"
	"io"
	"sync/atomic"
	"time"

	"github.com/hirelint/hirelint/linter"
	"github.com/hirelint/hirelint/linter/output"
	"github.com/rogpeppe/go-internal/diff"
)

// runState gathers what decides the exit status while results stream out.
type runState struct {
	failOn   linter.Severity
	failed   bool // an I/O or per-file error (exit 2)
	findings bool // a finding at or above failOn (exit 1)
	diffs    bool // --diff found a change (exit 1)
	fixed    int  // edits applied by --fix
	fixedIn  int  // files written by --fix
}

func (st *runState) emit(r output.FileResult, rep output.Reporter, stderr io.Writer) {
	st.emitPrepared(r, nil, rep, stderr)
}

// emitPrepared is emit for a result whose report p the reporter prepared
// ahead (nil: not prepared).
func (st *runState) emitPrepared(r output.FileResult, p output.Prepared, rep output.Reporter, stderr io.Writer) {
	if st.failOn != linter.SeverityNone {
		for _, f := range r.Findings {
			if f.Severity >= st.failOn {
				st.findings = true
			}
		}
	}
	var err error
	if p != nil { // only a Preparer prepares
		err = rep.(output.Preparer).FilePrepared(r, p)
	} else {
		err = rep.File(r)
	}
	if err != nil {
		fmt.Fprintf(stderr, "hirelint: write output: %v\n", err)
		st.failed = true
	}
}

func (st *runState) exitCode(o options) int {
	switch {
	case st.failed:
		return exitError
	case st.findings || st.diffs:
		return exitFindings
	}
	return exitOK
}

func lintSource(cfg *linter.Config, path string, src []byte) output.FileResult {
	doc := linter.Parse(path, src, linter.FormatForPath(path))
	return output.FileResult{Path: path, Doc: doc, Findings: cfg.Lint(doc)}
}

// fileJob is one file to lint with the rule set that applies to it.
type fileJob struct {
	path string
	cfg  *linter.Config
}

// fileOut is what linting one file produced.
type fileOut struct {
	result   output.FileResult
	prepared output.Prepared // the report of result, made by the worker
	ok       bool            // result is set
	err      error           // reported, the run exits 2
	notice   string          // reported, not an error (a skipped binary file)
	diff     []byte          // --diff output
	applied  int             // --fix edits written
}

// lintFiles lints the files behind paths in parallel and streams the
// results in path order. It returns an exit code when the run must stop
// early (a config error), else -1.
func lintFiles(o options, paths []string, cfgs *configs, rep output.Reporter, st *runState, stdout, stderr io.Writer) int {
	files, errs := expandPaths(paths)
	for _, e := range errs {
		fmt.Fprintf(stderr, "hirelint: %v\n", e)
		st.failed = true
	}
	jobs := make([]fileJob, 0, len(files))
	for _, f := range files {
		cfg, err := cfgs.forFile(f)
		if err != nil {
			fmt.Fprintf(stderr, "hirelint: %v\n", err)
			return exitError
		}
		jobs = append(jobs, fileJob{f, cfg})
	}
	attachCorpus(o, jobs)
	prog := newProgress(stderr, len(jobs))
	prep, _ := rep.(output.Preparer)
	ordered(each(jobs), func(j fileJob) fileOut {
		out := lintFile(o, j)
		if prep != nil && out.ok && !o.diff {
			out.prepared = prep.Prepare(out.result)
		}
		return out
	}, func(out fileOut) {
		prog.step()
		if out.notice != "" {
			fmt.Fprintf(stderr, "hirelint: %s\n", out.notice)
		}
		if out.err != nil {
			fmt.Fprintf(stderr, "hirelint: %v\n", out.err)
			st.failed = true
		}
		if len(out.diff) > 0 {
			st.diffs = true
			if _, err := stdout.Write(out.diff); err != nil {
				st.failed = true
			}
		}
		if out.applied > 0 {
			st.fixed += out.applied
			st.fixedIn++
		}
		if out.ok && !o.diff {
			st.emitPrepared(out.result, out.prepared, rep, stderr)
		}
	})
	prog.done()
	if o.fix && st.fixed > 0 {
		fmt.Fprintf(stderr, "hirelint: fixed %s in %s\n", output.Plural(st.fixed, "problem"), output.Plural(st.fixedIn, "file"))
	}
	return -1
}

// lintFile reads, lints and (with --fix or --diff) fixes one file.
func lintFile(o options, j fileJob) (out fileOut) {
	st, err := readForFix(j.path, o.maxSize, o.fix)
	if isSkipped(err) {
		return fileOut{err: fmt.Errorf("%s: %v; skipped", j.path, err)}
	}
	if err != nil {
		return fileOut{err: fmt.Errorf("%s: %v", j.path, unwrapPathErr(err))}
	}
	if bytes.IndexByte(st.data, 0) >= 0 {
		return fileOut{notice: fmt.Sprintf("%s: binary file (holds NUL bytes); skipped", j.path)}
	}
	if !o.fix && !o.diff {
		out.result, out.ok = lintSource(j.cfg, j.path, st.data), true
		return out
	}
	// Fixing lints the file as it was and as it is fixed: the findings
	// reported are of what is on disk after the run.
	r, err := j.cfg.FixLint(j.path, st.data, linter.FormatForPath(j.path))
	if err != nil {
		return fileOut{err: fmt.Errorf("%s: fix: %v", j.path, err)}
	}
	if r.Applied > 0 && o.diff {
		out.diff = diff.Diff(j.path+".orig", st.data, j.path, r.Fixed)
	}
	linted := r.Before
	if r.Applied > 0 && o.fix {
		if err := writeAtomic(j.path, st, r.Fixed); err != nil {
			out.err = fmt.Errorf("%s: fix: %v", j.path, err)
		} else {
			linted, out.applied = r.After, r.Applied
		}
	}
	out.result = output.FileResult{Path: j.path, Doc: linted.Doc, Findings: linted.Findings}
	out.ok = true
	return out
}

// progress prints "linted N/M files" on standard error when there are
// more than 200 files and standard error is a terminal.
type progress struct {
	w     io.Writer
	total int
	n     atomic.Int64
	on    bool
	last  time.Time
}

func newProgress(stderr io.Writer, total int) *progress {
	return &progress{w: stderr, total: total, on: total > 200 && isTerminal(stderr)}
}

func (p *progress) step() {
	n := p.n.Add(1)
	if !p.on || time.Since(p.last) < 100*time.Millisecond {
		return
	}
	p.last = time.Now()
	fmt.Fprintf(p.w, "\rhirelint: linted %d/%d files", n, p.total)
}

func (p *progress) done() {
	if p.on {
		fmt.Fprintf(p.w, "\r\033[K")
	}
}

// attachCorpus runs a first pass over the files when an active rule looks
// across files (duplicate-boilerplate): it indexes their paragraphs, and
// the jobs' rule sets then see the index.
func attachCorpus(o options, jobs []fileJob) {
	need := false
	for _, j := range jobs {
		if j.cfg.NeedsCorpus() {
			need = true
			break
		}
	}
	if !need {
		return
	}
	corpus := linter.NewCorpus()
	ordered(each(jobs), func(j fileJob) struct{} {
		if src, err := readRegular(j.path, o.maxSize, "--max-file-size"); err == nil && bytes.IndexByte(src, 0) < 0 {
			corpus.Add(linter.Parse(j.path, src, linter.FormatForPath(j.path)))
		}
		return struct{}{}
	}, func(struct{}) {})
	with := map[*linter.Config]*linter.Config{}
	for k, j := range jobs {
		if with[j.cfg] == nil {
			with[j.cfg] = j.cfg.WithCorpus(corpus)
		}
		jobs[k].cfg = with[j.cfg]
	}
}
