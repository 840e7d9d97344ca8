package bpmn

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/ozgctl/ozgctl/internal/testenv"
)

func fixtures(t testing.TB) []string {
	files, _ := filepath.Glob("testdata/*/*.bpmn")
	if len(files) < 5 {
		t.Fatalf("fixtures: %v", files)
	}
	return files
}

// drawnNodes counts the flow nodes with a shape in the first diagram.
func drawnNodes(d *Definitions, dg *Diagram) int {
	shapes := map[string]bool{}
	for _, s := range dg.Plane.Shapes {
		shapes[s.Element] = true
	}
	n := 0
	d.WalkNodes(func(x *Node) {
		if shapes[x.ID] {
			n++
		}
	})
	return n
}

func checkSVG(t *testing.T, name string, svg []byte, wantNodes int) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(svg))
	for {
		_, err := dec.Token()
		if err != nil {
			if err.Error() != "EOF" {
				t.Fatalf("%s: SVG not well-formed: %v", name, err)
			}
			break
		}
	}
	if got := bytes.Count(svg, []byte(`<g class="bpmn-node `)); got != wantNodes {
		t.Errorf("%s: %d node shapes, want %d", name, got, wantNodes)
	}
}

func TestSVGFromDI(t *testing.T) {
	for _, f := range fixtures(t) {
		d := readFixture(t, strings.TrimPrefix(f, "testdata/"))
		svg := SVG(d, SVGOptions{})
		want := drawnNodes(d, d.Diagrams[0])
		if want == 0 {
			t.Fatalf("%s: nothing drawn", f)
		}
		checkSVG(t, f, svg, want)
		if !bytes.Equal(svg, SVG(d, SVGOptions{})) {
			t.Errorf("%s: output not deterministic", f)
		}
	}
}

func TestSVGAutoLayout(t *testing.T) {
	for _, f := range fixtures(t) {
		d := readFixture(t, strings.TrimPrefix(f, "testdata/"))
		d.Diagrams = nil
		dg := layout(d)
		// every top-level flow node gets a shape; sub-process content is collapsed
		top := 0
		for _, p := range d.Processes {
			top += len(p.Nodes)
		}
		if got := drawnNodes(d, dg); got != top {
			t.Errorf("%s: layout placed %d of %d nodes", f, got, top)
		}
		// no two non-boundary shapes overlap
		var boxes []*Shape
		for _, s := range dg.Plane.Shapes {
			if n := d.Node(s.Element); n != nil && n.Kind != "boundaryEvent" {
				boxes = append(boxes, s)
			}
		}
		for i, a := range boxes {
			for _, b := range boxes[i+1:] {
				if a.Bounds.X < b.Bounds.X+b.Bounds.Width && b.Bounds.X < a.Bounds.X+a.Bounds.Width &&
					a.Bounds.Y < b.Bounds.Y+b.Bounds.Height && b.Bounds.Y < a.Bounds.Y+a.Bounds.Height {
					t.Errorf("%s: %s and %s overlap", f, a.Element, b.Element)
				}
			}
		}
		checkSVG(t, f+" (layout)", SVG(d, SVGOptions{}), top)
		// a lint of the laid-out model finds no missing DI
		d.Diagrams = []*Diagram{dg}
		for _, fd := range Lint(d, LintOptions{}) {
			if fd.Rule == ruleMissingDI {
				if n := d.Node(fd.Path); n == nil || n.Parent == n.Process {
					t.Errorf("%s: %s", f, fd.Message)
				}
			}
		}
	}
}

func TestLayoutLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	d, _, err := ReadBytes(synthetic(50_000, false), "big", ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	svg := SVG(d, SVGOptions{})
	if el := time.Since(start); el > 30*time.Second {
		t.Errorf("layout and SVG of 50,000 nodes took %v", el)
	}
	if got := bytes.Count(svg, []byte(`<g class="bpmn-node `)); got != 50_002 {
		t.Errorf("%d shapes", got)
	}
}

func BenchmarkLayoutSVG50k(b *testing.B) {
	d, _, err := ReadBytes(synthetic(50_000, false), "big", ReadOptions{})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		SVG(d, SVGOptions{})
	}
}

// mermaidLine is the grammar of the lines the writer emits (a subset of
// Mermaid's flowchart syntax): node statements with the shapes used,
// subgraphs, direction, and edges with optional quoted labels.
var mermaidLine = regexp.MustCompile(`^(flowchart LR|direction LR|end|subgraph n_\w+\["[^"]*"\]|` +
	`n_\w+(\["[^"]*"\]|\[\["[^"]*"\]\]|\(\("[^"]*"\)\)|\(\(\("[^"]*"\)\)\)|\{"[^"]*"\}|\[/"[^"]*"/\])|` +
	`n_\w+ (-->|-\.->|-\.-)(\|"[^"]*"\|)? n_\w+)$`)

func checkMermaid(t *testing.T, name string, out []byte, d *Definitions) {
	t.Helper()
	nodes, edges := 0, 0
	nodeRe := regexp.MustCompile(`^n_\w+(\[|\(|\{)`)
	for i, line := range strings.Split(strings.TrimSuffix(string(out), "\n"), "\n") {
		l := strings.TrimSpace(line)
		if !mermaidLine.MatchString(l) {
			t.Errorf("%s:%d: not in the flowchart grammar: %q", name, i+1, l)
			continue
		}
		if nodeRe.MatchString(l) && !strings.HasPrefix(l, "subgraph") && !strings.Contains(l, `[/"`) {
			nodes++
		}
		if strings.Contains(l, " --> ") || strings.Contains(l, " -->|") {
			edges++
		}
	}
	wantNodes, wantEdges := 0, 0
	d.WalkNodes(func(*Node) { wantNodes++ })
	d.walkScopes(func(_ string, s *Scope) {
		for _, f := range s.Flows {
			if d.Node(f.Source) != nil && d.Node(f.Target) != nil {
				wantEdges++
			}
		}
	})
	if nodes != wantNodes || edges != wantEdges {
		t.Errorf("%s: %d nodes, %d edges; want %d, %d", name, nodes, edges, wantNodes, wantEdges)
	}
}

func TestMermaid(t *testing.T) {
	for _, f := range fixtures(t) {
		d := readFixture(t, strings.TrimPrefix(f, "testdata/"))
		out := Mermaid(d)
		checkMermaid(t, f, out, d)
		if !bytes.Equal(out, Mermaid(d)) {
			t.Errorf("%s: not deterministic", f)
		}
	}
	// hostile names and ids
	d, _, err := ReadBytes([]byte(head+`<process id="end"><task id="graph" name="a &quot;b&quot; | c # &lt;d&gt; `+"`x`"+`"/><task id="ä.ö"/><task id="ä_ö"/>
<sequenceFlow id="f" sourceRef="graph" targetRef="ä.ö" name="ja|nein"/></process></definitions>`), "x", ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	checkMermaid(t, "hostile", Mermaid(d), d)
}

func TestMarkdown(t *testing.T) {
	d := readFixture(t, "fixtures/all-elements.bpmn")
	out := string(Markdown(d, MarkdownOptions{}))
	for _, want := range []string{"# Antrag bearbeiten", "| Behörde | Eingang, Fachbereich", "1. **Antrag eingegangen** (Startereignis, Nachricht) — Bahn: Eingang — weiter mit 2",
		"weiter mit ja → 4; nein (Standard) → 5", "   1. **SP1\\_S** (Startereignis)", "| Antragsteller | Behörde: Antrag eingegangen | Antrag |"} {
		if !strings.Contains(out, want) {
			t.Errorf("markdown lacks %q", want)
		}
	}
	en := string(Markdown(d, MarkdownOptions{Lang: "en"}))
	if !strings.Contains(en, "## Steps") || !strings.Contains(en, "(start event, message)") {
		t.Errorf("english markdown:\n%s", en)
	}
}

// TestSVGInChromium opens every fixture's SVG (from DI and laid out) in
// headless Chromium: it must parse without console errors and show one
// node group per flow node with DI.
func TestSVGInChromium(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	bctx, console := testenv.Chromium(t, 120*time.Second)
	dir := t.TempDir()
	for i, f := range fixtures(t) {
		d := readFixture(t, strings.TrimPrefix(f, "testdata/"))
		for _, variant := range []string{"di", "layout"} {
			want := drawnNodes(d, d.Diagrams[0])
			if variant == "layout" {
				d.Diagrams = nil
				want = drawnNodes(d, layout(d))
			}
			p := filepath.Join(dir, fmt.Sprintf("%d-%s.svg", i, variant))
			if err := os.WriteFile(p, SVG(d, SVGOptions{}), 0o644); err != nil {
				t.Fatal(err)
			}
			console.Errors() // of the page before
			if err := chromedp.Do(bctx, chromedp.Navigate("file://"+p)); err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			res, err := chromedp.Run(bctx, chromedp.Evaluate[[]any](`[document.documentElement.localName, document.getElementsByTagName("parsererror").length, document.querySelectorAll("g.bpmn-node").length, document.documentElement.getBBox().width > 0]`))
			if err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			if got := fmt.Sprint(res); got != fmt.Sprintf("[svg 0 %d true]", want) {
				t.Errorf("%s (%s): %s, want [svg 0 %d true]", f, variant, got, want)
			}
			if errs := console.Errors(); len(errs) > 0 {
				t.Errorf("%s (%s): console errors %v", f, variant, errs)
			}
		}
	}
}
