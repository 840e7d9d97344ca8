//go:build !windows && !js && !appengine

package runewidth

import "testing"

// TestMblenTable checks the switch of ozgctl patch 1 against upstream's map.
func TestMblenTable(t *testing.T) {
	upstream := map[string]int{
		"utf-8": 6, "utf8": 6, "jis": 8, "eucjp": 3, "euckr": 2, "euccn": 2, "sjis": 2, "cp932": 2,
		"cp51932": 2, "cp936": 2, "cp949": 2, "cp950": 2, "big5": 2, "gbk": 2, "gb2312": 2,
	}
	for charset, want := range upstream {
		if got, ok := mblenTable(charset); !ok || got != want {
			t.Errorf("mblenTable(%q) = %d, %v; want %d", charset, got, ok, want)
		}
	}
	for _, charset := range []string{"", "latin1", "UTF-8", "utf-16"} {
		if _, ok := mblenTable(charset); ok {
			t.Errorf("mblenTable(%q) found", charset)
		}
	}
	if !isEastAsian("zh_CN.gb2312") || isEastAsian("de_DE.ISO-8859-1") {
		t.Error("isEastAsian with the lazily compiled reLoc")
	}
}
