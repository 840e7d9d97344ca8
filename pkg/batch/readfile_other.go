//go:build !linux && !darwin

package batch

import "os"

// readSmallFile reads the regular file name of at most preloadLimit bytes
// into b (grown as needed) and reports whether it could; false for any
// other file, or one that cannot be opened or read. size (the file's
// size from a stat by name, or -1) is not used: the file is stat'ed open.
func readSmallFile(name string, size int64, b []byte) ([]byte, bool) {
	f, err := os.Open(name)
	if err != nil {
		return b, false
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() || st.Size() > preloadLimit {
		return b, false
	}
	return readToEOF(int(st.Size()), b, f.Read)
}
