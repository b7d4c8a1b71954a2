package main

import "runtime"

// ordered runs work on the items next yields, on all cores, and hands the
// results to emit in input order. At most window+2 items are taken and not
// yet emitted (window queued, the one emit waits for, the one waiting to be
// queued), so memory stays bounded however many items there are. next is
// called on one goroutine and emit on the caller's.
func ordered[I, R any](next func() (I, bool), work func(I) R, emit func(R)) {
	workers := runtime.GOMAXPROCS(0)
	window := orderedWindow(workers)
	futures := make(chan chan R, window)
	go func() {
		sem := make(chan struct{}, workers)
		for {
			item, ok := next()
			if !ok {
				break
			}
			ch := make(chan R, 1)
			futures <- ch
			sem <- struct{}{}
			go func() {
				defer func() { <-sem }()
				ch <- work(item)
			}()
		}
		close(futures)
	}()
	for ch := range futures {
		emit(<-ch)
	}
}

// orderedWindow is how many results ordered queues with workers
// workers: four each.
func orderedWindow(workers int) int { return 4 * workers }

// each yields the items of a slice, for ordered.
func each[I any](items []I) func() (I, bool) {
	i := 0
	return func() (I, bool) {
		if i == len(items) {
			var zero I
			return zero, false
		}
		i++
		return items[i-1], true
	}
}
