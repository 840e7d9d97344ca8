// Package startup holds what an ozgctl process must set before the other
// packages initialise. cmd/ozgctl imports it first; it imports only the
// runtime, syscall, unsafe and package stack, so that it is initialised
// among the first packages (about the fourteenth; a package's place in the
// order depends on its imports, not on main's import list).
package startup

import (
	"runtime"

	"github.com/ozgctl/ozgctl/internal/stack"
)

// defaultMemProfileRate is the runtime's default sampling rate of the heap
// profile (runtime.MemProfileRate).
const defaultMemProfileRate = 512 * 1024

// memProfileOff records that init switched heap profiling off.
var memProfileOff bool

// init, in this order:
//   - heap profiling is off unless --memprofile asks for it ([MemProfile]):
//     with the default rate the runtime records a stack for one
//     allocation in every 512 KB, and the first records build its profile
//     tables (~20 page faults). A rate set through GODEBUG=memprofilerate
//     is left alone;
//   - the heap asks for huge pages ([HugePages]);
//   - the main goroutine's stack is grown while it is shallow (see package
//     stack).
func init() {
	if runtime.MemProfileRate == defaultMemProfileRate {
		runtime.MemProfileRate = 0
		memProfileOff = true
	}
	HugePages()
	stack.Grow()
}

// MemProfile switches heap profiling back on at the runtime's default rate,
// for --memprofile; allocations made before the call are not in the
// profile.
func MemProfile() {
	if memProfileOff {
		runtime.MemProfileRate = defaultMemProfileRate
		memProfileOff = false
	}
}
