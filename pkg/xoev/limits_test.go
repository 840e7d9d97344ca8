package xoev

import (
	"context"
	"io"
	"runtime"
	"strings"
	"testing"

	"github.com/ozgctl/ozgctl/pkg/finding"
)

const limitsSchema = "testdata/limits/attachments.xsd"

// textMessage streams a message whose element elem ("anhang", base64, or
// "text", a string) holds n bytes of text, without holding them.
func textMessage(elem string, n int64) io.Reader {
	head := `<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<t:nachricht xmlns:t="urn:ozgctl:test:anhang">` + "\n  <t:" + elem + ">"
	tail := "</t:" + elem + ">\n</t:nachricht>\n"
	unit := []byte("QUJD") // base64 of "ABC", text for the string element too
	return io.MultiReader(strings.NewReader(head), &repeatReader{block: unit, n: n / int64(len(unit))}, strings.NewReader(tail))
}

// nestedMessage is a message with depth levels of element nesting.
func nestedMessage(depth int) string {
	n := depth - 1 // the root is one level
	return `<t:nachricht xmlns:t="urn:ozgctl:test:anhang">` + strings.Repeat("<t:gruppe>", n) + strings.Repeat("</t:gruppe>", n) + "</t:nachricht>"
}

func loadLimits(t testing.TB, opts LoadOptions) *SchemaSet {
	t.Helper()
	set, err := LoadSchemaSet(context.Background(), limitsSchema, opts)
	if err != nil {
		t.Fatal(err)
	}
	return set
}

func validateReader(t testing.TB, set *SchemaSet, r io.Reader) []finding.Finding {
	t.Helper()
	fs, err := set.Validate(context.Background(), "m.xml", r)
	if err != nil {
		t.Fatal(err)
	}
	return fs
}

// TestLargeTextNodesPass: real XBau and xdomea messages carry base64
// attachments of several MB. A text node below the default limit of 64 MiB
// is valid, with either engine (the engines' own defaults cut at 4 MiB,
// jacoelho, and 10 MiB, helium).
func TestLargeTextNodesPass(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		engine, elem string
		size         int64
	}{
		{"", "anhang", 5 << 20},
		{"", "text", 5 << 20},
		{"helium", "text", 11 << 20},
	} {
		set := loadLimits(t, LoadOptions{Engine: tc.engine})
		if fs := validateReader(t, set, textMessage(tc.elem, tc.size)); len(fs) != 0 {
			t.Errorf("engine %q, %d MiB in <%s>: want valid, got %+v", tc.engine, tc.size>>20, tc.elem, fs)
		}
		if fs := validateReader(t, set, strings.NewReader(nestedMessage(200))); len(fs) != 0 {
			t.Errorf("engine %q, 200 levels: want valid, got %+v", tc.engine, fs)
		}
	}
}

// TestLimitFindings: over a limit, the finding is xml:limit naming the
// limit, its value and the flag that raises it; never not-well-formed.
func TestLimitFindings(t *testing.T) {
	t.Parallel()
	small := Limits{MaxTextSize: 1 << 20, MaxDepth: 50}
	for _, engine := range []string{"", "helium"} {
		set := loadLimits(t, LoadOptions{Engine: engine, Limits: small})
		for _, elem := range []string{"anhang", "text"} {
			fs := validateReader(t, set, textMessage(elem, 1<<20+4))
			if len(fs) != 1 || fs[0].Rule != RuleXMLLimit || fs[0].Severity != finding.Error {
				t.Fatalf("engine %q, 1 MiB + 4 bytes in <%s> with a 1 MiB limit: want one %s, got %+v", engine, elem, RuleXMLLimit, fs)
			}
			for _, want := range []string{"text node", "1 MiB", "--max-text-size"} {
				if !strings.Contains(fs[0].Text("en"), want) {
					t.Errorf("engine %q: message %q lacks %q", engine, fs[0].Text("en"), want)
				}
			}
			if fs[0].Line != 3 {
				t.Errorf("engine %q: finding on line %d, want 3 (the text node)", engine, fs[0].Line)
			}
			if de := fs[0].Text("de"); !strings.Contains(de, "Textknoten") || !strings.Contains(de, "--max-text-size") {
				t.Errorf("engine %q: German message %q", engine, de)
			}
		}
		fs := validateReader(t, set, strings.NewReader(nestedMessage(60)))
		if len(fs) != 1 || fs[0].Rule != RuleXMLLimit {
			t.Fatalf("engine %q, 60 levels with a limit of 50: want one %s, got %+v", engine, RuleXMLLimit, fs)
		}
		for _, want := range []string{"nested deeper", "50 levels", "--max-depth"} {
			if !strings.Contains(fs[0].Text("en"), want) {
				t.Errorf("engine %q: message %q lacks %q", engine, fs[0].Text("en"), want)
			}
		}
		// Raised limits admit both.
		big := loadLimits(t, LoadOptions{Engine: engine, Limits: Limits{MaxTextSize: 4 << 20, MaxDepth: 400}})
		if fs := validateReader(t, big, textMessage("anhang", 2<<20)); len(fs) != 0 {
			t.Errorf("engine %q: 2 MiB with a 4 MiB limit: %+v", engine, fs)
		}
		if fs := validateReader(t, big, strings.NewReader(nestedMessage(300))); len(fs) != 0 {
			t.Errorf("engine %q: 300 levels with a limit of 400: %+v", engine, fs)
		}
	}
}

// TestHugeTextNodeMemory: a text node far over the limit is rejected once
// the limit is reached, with memory bounded by the limit, not the node (a
// 500 MB node took 2.25 GB to reject).
func TestHugeTextNodeMemory(t *testing.T) {
	t.Parallel()
	set := loadLimits(t, LoadOptions{Limits: Limits{MaxTextSize: 8 << 20}})
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	cr := &countingReader{r: textMessage("anhang", 512<<20)}
	fs := validateReader(t, set, cr)
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	if len(fs) != 1 || fs[0].Rule != RuleXMLLimit || !strings.Contains(fs[0].Text("en"), "8 MiB") {
		t.Fatalf("512 MiB node: want one %s naming 8 MiB, got %+v", RuleXMLLimit, fs)
	}
	if cr.n > 10<<20 {
		t.Errorf("read %d MiB of a 512 MiB node: the limit should stop the read at 8 MiB", cr.n>>20)
	}
	// Other tests run in parallel: TotalAlloc counts theirs too, so the
	// bound is loose; without the limit the node alone would be 512 MiB.
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 200<<20 {
		t.Errorf("allocated %d MiB to reject it", alloc>>20)
	}
	// The second read that names the element keeps no more of the text
	// than a value to quote.
	runtime.ReadMemStats(&before)
	annotate(textMessage("anhang", 512<<20), fs)
	runtime.ReadMemStats(&after)
	if fs[0].Path != "/t:nachricht[1]/t:anhang[1]" {
		t.Errorf("path %q, want /t:nachricht[1]/t:anhang[1]", fs[0].Path)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 100<<20 {
		t.Errorf("annotate allocated %d MiB reading to the finding", alloc>>20)
	}
}

// TestTextNodeMemoryBounded: a text node below the limit is validated in
// memory that does not grow with it, for the types that can be checked
// piece by piece (base64Binary, strings with length facets; see
// third_party/xsd/PATCHES.md): XSD validation and identification of a
// message with a 48 MiB node allocate a few MB, not a multiple of the node.
// Not parallel: TotalAlloc counts every goroutine.
func TestTextNodeMemoryBounded(t *testing.T) {
	set := loadLimits(t, LoadOptions{Limits: Limits{MaxTextSize: -1}})
	for _, elem := range []string{"anhang", "text"} {
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		fs := validateReader(t, set, textMessage(elem, 48<<20))
		if _, err := identify(textMessage(elem, 48<<20)); err != nil {
			t.Fatal(err)
		}
		runtime.ReadMemStats(&after)
		if len(fs) != 0 {
			t.Fatalf("48 MiB in <%s>: %+v", elem, fs)
		}
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 16<<20 {
			t.Errorf("48 MiB in <%s>: validation and identification allocated %d MiB", elem, alloc>>20)
		}
	}
	// Invalid content is still found, with the same words as before.
	doc := `<t:nachricht xmlns:t="urn:ozgctl:test:anhang"><t:anhang>` + strings.Repeat("QUJD", 5000) + `QUJ*</t:anhang></t:nachricht>`
	fs := validateReader(t, set, strings.NewReader(doc))
	if len(fs) != 1 || fs[0].Rule != "xsd:facet" || !strings.Contains(fs[0].Text("en"), "invalid base64Binary") {
		t.Errorf("broken base64: %+v", fs)
	}
}
