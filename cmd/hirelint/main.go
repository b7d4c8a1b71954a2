// Command hirelint lints job ads: see `hirelint --help`.
package main

import (
	"os"
	"runtime/debug"
)

func main() {
	// A run allocates its rule set and then one window of ads at a time.
	// Collecting garbage at five times the live heap rather than twice
	// saves a quarter of a short run's time; the soft limit makes long runs
	// collect more often instead of growing (see README, Performance).
	// GOGC and GOMEMLIMIT, when set, still decide.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(32 << 20)
	}
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
