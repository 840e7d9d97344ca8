// Package startup holds what an ozgctl process must set before the other
// packages initialise. cmd/ozgctl imports it first; it imports only the
// runtime and package stack, so that it is initialised among the first
// packages.
package startup

import "runtime"

// defaultMemProfileRate is the runtime's default sampling rate of the heap
// profile (runtime.MemProfileRate).
const defaultMemProfileRate = 512 * 1024

// memProfileOff records that init switched heap profiling off.
var memProfileOff bool

// Heap profiling is off unless --memprofile asks for it ([MemProfile]):
// with the default rate the runtime records a stack for one allocation in
// every 512 KB, and the first records build its profile tables, which
// costs every process about half a millisecond before main runs. A rate
// set through GODEBUG=memprofilerate is left alone.
func init() {
	if runtime.MemProfileRate == defaultMemProfileRate {
		runtime.MemProfileRate = 0
		memProfileOff = true
	}
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
