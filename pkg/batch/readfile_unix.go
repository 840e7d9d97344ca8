//go:build linux || darwin

package batch

import "syscall"

// readSmallFile reads the regular file name of at most preloadLimit bytes
// into b (grown as needed) and reports whether it could; false for any
// other file, or one that cannot be opened or read. It makes the system
// calls itself: open, fstat, read and close, where os.Open adds five
// (fcntl and epoll_ctl, to find that a regular file cannot be polled)
// and a read for EOF; each of them costs microseconds on a virtual
// machine, per message.
func readSmallFile(name string, b []byte) ([]byte, bool) {
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
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil || st.Mode&syscall.S_IFMT != syscall.S_IFREG || st.Size > preloadLimit {
		return b, false
	}
	return readToEOF(int(st.Size), b, func(p []byte) (int, error) {
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
