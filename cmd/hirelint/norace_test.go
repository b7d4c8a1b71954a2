//go:build !race

package main

// raceEnabled is true when the tests run under the race detector, which
// makes the slowest tests too slow to run.
const raceEnabled = false
