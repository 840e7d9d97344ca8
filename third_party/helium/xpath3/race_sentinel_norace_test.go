//go:build !race

package xpath3_test

// raceEnabled reports whether the binary was built with the race detector.
// See the //go:build race variant for details.
const raceEnabled = false
