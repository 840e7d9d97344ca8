//go:build !linux

package xoev

import "os"

// statStamp gives no stamp outside Linux: there the stat index is not
// written and every load hashes the schema documents (the cache itself
// works as everywhere).
func statStamp(os.FileInfo) (fileStamp, bool) { return fileStamp{}, false }
