package main

import (
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
// settings, as the command they run in-process would.
func init() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(1000)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(48 << 20)
	}
}
