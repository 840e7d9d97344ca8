package uriref

import (
	"strings"
	"testing"
)

// TestASCIIClasses compares the bit-set classes with the character lists
// they were written from, for every byte.
func TestASCIIClasses(t *testing.T) {
	alnum := func(b byte) bool { return isAlpha(b) || isDigit(b) }
	in := func(b byte, list string) bool { return strings.ContainsRune(list, rune(b)) }
	unreserved := func(b byte) bool { return alnum(b) || in(b, "-_.!~*'()") }
	for c := 0; c < 256; c++ {
		b := byte(c)
		for _, tc := range []struct {
			name      string
			got, want bool
		}{
			{"unreserved", isUnreserved(b), unreserved(b)},
			{"uric", isURIC(b), unreserved(b) || in(b, ";/?:@&=+$,[]")},
			{"escape", mustEscapeASCII(b), b <= 0x20 || b == 0x7f || in(b, "<>\"{}|\\^`")},
			{"authority", inASCIISet(b, authorityLo, authorityHi), unreserved(b) || in(b, "$,;:@&=+")},
			{"userinfo", inASCIISet(b, userInfoLo, userInfoHi), unreserved(b) || in(b, ";:&=+$,")},
			{"segment", inASCIISet(b, segmentLo, segmentHi), unreserved(b) || in(b, ";@&=+$,")},
			{"path", inASCIISet(b, pathLo, pathHi), b == '/' || b == ';' || unreserved(b) || in(b, ":@&=+$,")},
		} {
			if tc.got != tc.want {
				t.Errorf("%s(%#x) = %v, want %v", tc.name, b, tc.got, tc.want)
			}
		}
	}
}
