package main

import (
	"math/rand"
	"runtime"
	"sync/atomic"
	"testing"
	"time"
)

// ordered emits every result once, in the items' order, whatever order the
// work finishes in; it never runs next or emit twice at once, and never
// has more than window+2 items taken and not yet emitted.
func TestOrdered(t *testing.T) {
	for _, procs := range []int{1, 2, 4} {
		for _, n := range []int{0, 1, 7, 500} {
			func() {
				defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
				window := orderedWindow(runtime.GOMAXPROCS(0))
				var inNext, inEmit, inFlight, maxFlight atomic.Int64
				i := 0
				next := func() (int, bool) {
					if inNext.Add(1) != 1 {
						t.Error("next called while another call runs")
					}
					defer inNext.Add(-1)
					if i == n {
						return 0, false
					}
					i++
					f := inFlight.Add(1)
					for m := maxFlight.Load(); f > m && !maxFlight.CompareAndSwap(m, f); m = maxFlight.Load() {
					}
					return i - 1, true
				}
				work := func(x int) int {
					if rand.Intn(4) == 0 {
						time.Sleep(time.Duration(rand.Intn(200)) * time.Microsecond)
					}
					return x * x
				}
				var got []int
				emit := func(r int) {
					if inEmit.Add(1) != 1 {
						t.Error("emit called while another call runs")
					}
					defer inEmit.Add(-1)
					inFlight.Add(-1)
					got = append(got, r)
					if rand.Intn(4) == 0 {
						time.Sleep(time.Duration(rand.Intn(100)) * time.Microsecond)
					}
				}
				ordered(next, work, emit)
				if len(got) != n {
					t.Fatalf("GOMAXPROCS %d, %d items: %d results", procs, n, len(got))
				}
				for k, r := range got {
					if r != k*k {
						t.Fatalf("GOMAXPROCS %d, %d items: result %d is %d, want %d", procs, n, k, r, k*k)
					}
				}
				if m := maxFlight.Load(); m > int64(window+2) {
					t.Errorf("GOMAXPROCS %d, %d items: %d items taken and not emitted, want at most %d", procs, n, m, window+2)
				}
			}()
		}
	}
}
