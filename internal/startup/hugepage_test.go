//go:build linux

package startup

import (
	"bufio"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"unsafe"
)

func TestOff(t *testing.T) {
	for _, tt := range []struct {
		godebug string
		want    bool
	}{
		{"", false},
		{"disablethp=1", true},
		{"disablethp=0", false},
		{"gctrace=1,disablethp=1", true},
		{"disablethp=1,gctrace=1", true},
		{"disablethp=1,disablethp=0", false},
		{"xdisablethp=1", false},
		{"disablethp=", true},
	} {
		t.Setenv("GODEBUG", tt.godebug)
		if got := off(); got != tt.want {
			t.Errorf("GODEBUG=%q: off() = %v, want %v", tt.godebug, got, tt.want)
		}
	}
}

func TestSeen(t *testing.T) {
	old := advised
	defer func() { advised = old }()
	advised = [8]uintptr{}
	for i := range uintptr(10) {
		if seen(i + 1) {
			t.Fatalf("chunk %d seen before it was advised", i+1)
		}
		if !seen(i + 1) {
			t.Fatalf("chunk %d not seen after it was advised", i+1)
		}
	}
	if seen(1) {
		t.Errorf("the oldest chunk is still held after 10 others")
	}
}

// thpEligible reports the THPeligible field of the mapping holding addr.
func thpEligible(t *testing.T, addr uintptr) string {
	t.Helper()
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Skipf("no smaps: %v", err)
	}
	defer f.Close()
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if lo, hi, ok := strings.Cut(strings.Fields(line)[0], "-"); ok && !strings.HasSuffix(line, ":") && !strings.Contains(lo, ":") {
			a, err1 := strconv.ParseUint(lo, 16, 64)
			b, err2 := strconv.ParseUint(hi, 16, 64)
			if err1 == nil && err2 == nil {
				in = uintptr(a) <= addr && addr < uintptr(b)
				continue
			}
		}
		if in {
			if v, ok := strings.CutPrefix(line, "THPeligible:"); ok {
				return strings.TrimSpace(v)
			}
		}
	}
	t.Fatalf("no mapping holds %#x", addr)
	return ""
}

// TestHeapAdvised checks in a child process that after [HugePages] the chunk
// at the heap's frontier may take huge pages, and that
// GODEBUG=disablethp=1 leaves the heap alone.
func TestHeapAdvised(t *testing.T) {
	if os.Getenv("HUGEPAGE_CHILD") != "" {
		HugePages()
		at := uintptr(unsafe.Pointer(new([64 << 10]byte)))
		for _, c := range advised {
			if c != 0 {
				at = c // the chunk advised last
			}
		}
		if got := thpEligible(t, at); got != os.Getenv("HUGEPAGE_CHILD") {
			t.Fatalf("THPeligible of the heap = %s, want %s", got, os.Getenv("HUGEPAGE_CHILD"))
		}
		return
	}
	mode, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	if err != nil || strings.Contains(string(mode), "[never]") {
		t.Skipf("no transparent huge pages here (%q, %v)", mode, err)
	}
	for _, tt := range []struct{ godebug, want string }{
		{"", "1"},
		{"disablethp=1", "0"},
	} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestHeapAdvised$")
		cmd.Env = append(os.Environ(), "HUGEPAGE_CHILD="+tt.want, "GODEBUG="+tt.godebug)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("GODEBUG=%q: %v\n%s", tt.godebug, err, out)
		}
	}
}
