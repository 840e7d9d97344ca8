package xmllimit

import "testing"

func TestParseSize(t *testing.T) {
	for in, want := range map[string]int64{
		"64MiB": 64 << 20, "64 MiB": 64 << 20, "64m": 64 << 20, "1GiB": 1 << 30, "100 MB": 100_000_000,
		"1048576": 1 << 20, "512KiB": 512 << 10, "0": -1, "unlimited": -1,
	} {
		if got, err := ParseSize(in); err != nil || got != want {
			t.Errorf("ParseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "viel", "64 parsecs", "-1", "99999999999999999999"} {
		if _, err := ParseSize(in); err == nil {
			t.Errorf("ParseSize(%q): want an error", in)
		}
	}
	for n, want := range map[int64]string{64 << 20: "64MiB", 1 << 30: "1GiB", 1500: "1500", -1: "0"} {
		if got := FormatSizeFlag(n); got != want {
			t.Errorf("FormatSizeFlag(%d) = %q, want %q", n, got, want)
		}
		if n > 0 {
			if back, _ := ParseSize(FormatSizeFlag(n)); back != n {
				t.Errorf("round trip of %d: %d", n, back)
			}
		}
	}
}
