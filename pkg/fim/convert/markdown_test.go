package convert

import (
	"regexp"
	"strings"
	"testing"
)

// TestMarkdownStructure checks every table row has as many cells as its
// header and every in-page link points at a heading.
func TestMarkdownStructure(t *testing.T) {
	cellSep := regexp.MustCompile(`(^|[^\\])\|`)
	link := regexp.MustCompile(`\]\(#([^)]*)\)`)
	for _, in := range corpusInputs(t) {
		c, ok := load(t, in, Options{})
		if !ok {
			continue
		}
		t.Run(in.name, func(t *testing.T) {
			out, err := c.Convert("markdown")
			if err != nil {
				t.Fatal(err)
			}
			anchors := map[string]bool{}
			cols := 0
			for i, line := range strings.Split(string(out), "\n") {
				if h, ok := strings.CutPrefix(line, "#"); ok {
					anchors[mdAnchor(strings.TrimSpace(strings.TrimLeft(h, "#")))] = true
				}
				if !strings.HasPrefix(line, "|") {
					cols = 0
					continue
				}
				n := len(cellSep.FindAllString(line, -1))
				if cols == 0 {
					cols = n
				} else if n != cols {
					t.Errorf("line %d has %d cell separators, header %d: %s", i+1, n, cols, line)
				}
			}
			for _, m := range link.FindAllStringSubmatch(string(out), -1) {
				if !anchors[m[1]] {
					t.Errorf("link #%s has no heading", m[1])
				}
			}
		})
	}
}
