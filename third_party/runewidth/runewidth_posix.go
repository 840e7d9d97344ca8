//go:build !windows && !js && !appengine
// +build !windows,!js,!appengine

package runewidth

import (
	"os"
	"regexp"
	"strings"
	"sync"
)

// reLoc is compiled on first use, not in every program's init (ozgctl
// patch 1).
var (
	reLocOnce sync.Once
	reLocRe   *regexp.Regexp
)

func reLoc() *regexp.Regexp {
	reLocOnce.Do(func() {
		reLocRe = regexp.MustCompile(`^[a-z][a-z][a-z]?(?:_[A-Z][A-Z])?\.(.+)`)
	})
	return reLocRe
}

// mblenTable returns the maximum byte length of a character in charset; a
// switch, not a map made in init (ozgctl patch 1).
func mblenTable(charset string) (int, bool) {
	switch charset {
	case "utf-8", "utf8":
		return 6, true
	case "jis":
		return 8, true
	case "eucjp":
		return 3, true
	case "euckr", "euccn", "sjis", "cp932", "cp51932", "cp936", "cp949", "cp950", "big5", "gbk", "gb2312":
		return 2, true
	}
	return 0, false
}

func isEastAsian(locale string) bool {
	charset := strings.ToLower(locale)
	r := reLoc().FindStringSubmatch(locale)
	if len(r) == 2 {
		charset = strings.ToLower(r[1])
	}

	if strings.HasSuffix(charset, "@cjk_narrow") {
		return false
	}

	for pos, b := range []byte(charset) {
		if b == '@' {
			charset = charset[:pos]
			break
		}
	}
	max := 1
	if m, ok := mblenTable(charset); ok {
		max = m
	}
	if max > 1 && (charset[0] != 'u' ||
		strings.HasPrefix(locale, "ja") ||
		strings.HasPrefix(locale, "ko") ||
		strings.HasPrefix(locale, "zh")) {
		return true
	}
	return false
}

// IsEastAsian return true if the current locale is CJK
func IsEastAsian() bool {
	locale := os.Getenv("LC_ALL")
	if locale == "" {
		locale = os.Getenv("LC_CTYPE")
	}
	if locale == "" {
		locale = os.Getenv("LANG")
	}

	// ignore C locale
	if locale == "POSIX" || locale == "C" {
		return false
	}
	if len(locale) > 1 && locale[0] == 'C' && (locale[1] == '.' || locale[1] == '-') {
		return false
	}

	return isEastAsian(locale)
}
