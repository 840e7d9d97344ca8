// Package heapfloor lets a short command's heap grow before its first
// garbage collection.
package heapfloor

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"sync"
)

// Bytes is the heap a short command may grow to before its first
// collection ([Set]).
const Bytes = 32 << 20

var gc struct {
	mu sync.Mutex
	// floor is true while the heap floor holds.
	floor bool
	// percent is the GC target to set when the floor ends.
	percent int
}

// Set lets the heap grow to floor bytes before the first collection,
// then hands over to the usual GC target. The runtime's first collection
// comes at a 4 MB heap, and on a two-core machine each cycle keeps the idle
// core busy with marking: checking 100 small messages against an XÖV schema
// set took 2–3 cycles and about 10 % more CPU than with no collection at
// all. A run that allocates less than floor now collects nothing; a larger
// one collects first at floor, and from then on as before, so the peak
// grows by at most floor. For short commands only: a server would keep
// the floor's memory for its whole life. GOGC or GOMEMLIMIT set in the
// environment wins.
func Set(floor int64) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	gc.mu.Lock()
	defer gc.mu.Unlock()
	if gc.floor {
		return
	}
	gc.floor = true
	gc.percent = debug.SetGCPercent(-1)
	debug.SetMemoryLimit(floor)
	// The cleanup of an object that is garbage from the start runs after
	// the first collection.
	runtime.AddCleanup(&struct{ p *int }{}, func(int) { endFloor() }, 0)
}

// endFloor ends the heap floor: the GC target it replaced (or the one
// [SetGCPercent] asked for meanwhile) and no memory limit.
func endFloor() {
	gc.mu.Lock()
	defer gc.mu.Unlock()
	if !gc.floor {
		return
	}
	gc.floor = false
	debug.SetGCPercent(gc.percent)
	debug.SetMemoryLimit(math.MaxInt64)
}

// SetGCPercent is debug.SetGCPercent that leaves a heap floor in place:
// percent then applies once the floor ends.
func SetGCPercent(percent int) {
	gc.mu.Lock()
	defer gc.mu.Unlock()
	if gc.floor {
		gc.percent = percent
		return
	}
	debug.SetGCPercent(percent)
}
