//go:build linux || darwin

package batch

import "syscall"

// readSmallFile reads the regular file name of at most preloadLimit bytes
// into b (grown as needed) and reports whether it could; false for any
// other file, or one that cannot be opened or read. size is the file's
// size from a stat of it by name, or -1. It makes the system calls
// itself: open, fstat (unless size is known), read and close, where
// os.Open adds five (fcntl and epoll_ctl, to find that a regular file
// cannot be polled) and a read for EOF; each of them costs microseconds
// on a virtual machine, per message.
func readSmallFile(name string, size int64, b []byte) ([]byte, bool) {
	if size > preloadLimit {
		return b, false
	}
	var fd int
	for {
		var err error
		fd, err = syscall.Open(name, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
		if err == nil {
			break
		}
		if err != syscall.EINTR {
			return b, false
		}
	}
	defer syscall.Close(fd)
	if size < 0 {
		var st syscall.Stat_t
		if err := syscall.Fstat(fd, &st); err != nil || st.Mode&syscall.S_IFMT != syscall.S_IFREG || st.Size > preloadLimit {
			return b, false
		}
		size = st.Size
	}
	// A file that changed since its stat is read as it is now: to its
	// EOF, if that comes before preloadLimit (a directory fails to read).
	return readToEOF(int(size), b, func(p []byte) (int, error) {
		for {
			n, err := syscall.Read(fd, p)
			if err == syscall.EINTR {
				continue
			}
			if err != nil {
				return 0, err
			}
			return n, nil
		}
	})
}
