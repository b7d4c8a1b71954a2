// Command hirelint lints job ads: see `hirelint --help`.
package main

import (
	"os"
	"runtime/debug"
)

func main() {
	// A run allocates its rule set and then one window of ads at a time:
	// its live heap is a few megabytes, and nearly all it allocates is
	// garbage within an ad. Collecting at up to eleven times the live heap,
	// within a soft limit of 48 MB, a bulk run collects half as often as at
	// five times and an eighth as often as Go's default; the limit makes
	// long runs collect more often instead of growing past it (see README,
	// Performance). GOGC and GOMEMLIMIT, when set, still decide.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(1000)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(48 << 20)
	}
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
