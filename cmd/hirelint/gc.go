package main

import (
	"math"
	"os"
	"runtime/debug"
)

// init sets the garbage collector's pace for a run. A run allocates its
// rule set and then one window of ads at a time: its live heap is a few
// megabytes, and nearly all it allocates is garbage within an ad. With a
// collection at up to eleven times the live heap, the soft limit of
// 48 MiB is what sets the pace of a bulk run: it collects about every
// 30 MB allocated, half as often as at five times the live heap under
// 32 MiB, and peaks at about 47 MB; a run of one ad does not collect at
// all. The limit also makes long runs collect more often instead of
// growing past it (see README, Performance). GOGC and GOMEMLIMIT, when
// set, still decide. The tests of this package run under the same
// settings, as the command they run in-process would (until one runs the
// language server, which sets its own: see serverGC).
func init() { runGC() }

// runGC sets a run's pace (see init).
func runGC() { setGC(1000, 48<<20) }

// serverGC gives the language server Go's own pace back: it lives as long
// as the editor, holding its rules and open ads, and lints one ad per
// pause in typing, so it has little garbage to save collections on. Over
// a thousand edits of a 5 KB ad, it peaks at about 12 MB instead of 47 MB.
func serverGC() { setGC(100, math.MaxInt64) }

// setGC sets the collector's target percentage and soft memory limit,
// each unless the user set it with GOGC or GOMEMLIMIT.
func setGC(percent int, limit int64) {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(percent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(limit)
	}
}
