// Package xmllimit holds the limits every XML reader of ozgctl applies to
// a message: the largest text node and the deepest nesting. XSD validation
// (jacoelho and helium), Schematron and profile rules take them from one
// [Limits] value, so that a message is read the same way on every path
// (check --max-text-size, --max-depth).
package xmllimit

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/lestrrat-go/helium"
)

// Defaults of [Limits]: a text node of 64 MiB holds a base64 attachment of
// 48 MB, well above what XBau and xdomea messages carry (several MB); 256
// levels of nesting is what libxml2, helium and jacoelho allow, and XÖV
// messages stay below 30.
const (
	DefaultMaxTextSize = 64 << 20
	DefaultMaxDepth    = 256
)

// Limits bound what a message may hold. A zero field takes its default; a
// negative one means no limit.
type Limits struct {
	// MaxTextSize is the largest text node (or attribute value) in bytes.
	MaxTextSize int64
	// MaxDepth is the deepest element nesting.
	MaxDepth int
}

// Effective returns l with defaults filled in.
func (l Limits) Effective() Limits {
	if l.MaxTextSize == 0 {
		l.MaxTextSize = DefaultMaxTextSize
	}
	if l.MaxDepth == 0 {
		l.MaxDepth = DefaultMaxDepth
	}
	return l
}

// TextBytes is the text limit for an option where zero means a library's
// own default, not "no limit" (jacoelho/xsd: 4 MiB).
func (l Limits) TextBytes() int64 {
	if l = l.Effective(); l.MaxTextSize < 0 {
		return 1 << 62
	}
	return l.MaxTextSize
}

// Depth is the depth limit for an option where zero means a library's own
// default (jacoelho/xsd: 256).
func (l Limits) Depth() int {
	if l = l.Effective(); l.MaxDepth < 0 {
		return 1 << 30
	}
	return l.MaxDepth
}

// HeliumParser returns helium's parser for messages: no external entities,
// DTDs or network, and these limits (helium's own defaults are 10 MiB per
// text node and 256 levels).
func (l Limits) HeliumParser() helium.Parser {
	l = l.Effective()
	text := int(min(l.MaxTextSize, int64(maxInt)))
	if l.MaxTextSize < 0 {
		text = -1
	}
	return helium.NewParser().BlockXXE(true).LoadExternalDTD(false).AllowNetwork(false).
		MaxNodeContentSize(text).MaxDepth(l.MaxDepth)
}

const maxInt = int(^uint(0) >> 1)

// FormatSize writes a byte count for a message: "64 MiB", "1 GiB",
// "1500 bytes", "no limit" for a negative one.
func FormatSize(n int64) string {
	switch {
	case n < 0:
		return "no limit"
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%d GiB", n>>30)
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// FormatSizeFlag writes a size as a flag value: "64MiB", "0" for no limit.
func FormatSizeFlag(n int64) string {
	if n <= 0 {
		return "0"
	}
	return strings.ReplaceAll(strings.TrimSuffix(FormatSize(n), " bytes"), " ", "")
}

// ParseSize reads a size as --max-text-size takes it: a number of bytes
// with an optional unit, binary (KiB, MiB, GiB; K, M, G mean the same) or
// decimal (kB, MB, GB), case-insensitive, e.g. "64MiB", "100 MB",
// "1048576". "0", "none" and "unlimited" mean no limit (-1).
func ParseSize(s string) (int64, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	if t == "unlimited" || t == "none" {
		return -1, nil
	}
	i := 0
	for i < len(t) && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	if i == 0 {
		return 0, fmt.Errorf("size %q: want a number of bytes with an optional unit, e.g. 64MiB", s)
	}
	n, err := strconv.ParseInt(t[:i], 10, 64)
	if err != nil {
		return 0, fmt.Errorf("size %q: %w", s, err)
	}
	unit := strings.TrimSpace(t[i:])
	mult := map[string]int64{"": 1, "b": 1, "bytes": 1,
		"k": 1 << 10, "kib": 1 << 10, "m": 1 << 20, "mib": 1 << 20, "g": 1 << 30, "gib": 1 << 30,
		"kb": 1000, "mb": 1000_000, "gb": 1000_000_000}[unit]
	if mult == 0 {
		return 0, fmt.Errorf("size %q: unknown unit %q (use KiB, MiB, GiB, kB, MB or GB)", s, t[i:])
	}
	if n > (1<<62)/mult {
		return 0, fmt.Errorf("size %q is too large", s)
	}
	if n == 0 {
		return -1, nil
	}
	return n * mult, nil
}
