package xprozess

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/ozgctl/ozgctl/internal/testenv"

	"github.com/ozgctl/ozgctl/pkg/bpmn"
)

func TestHTMLStructure(t *testing.T) {
	d, _, err := ReadFile(corpusFile, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	p := d.Bibliothek.Prozesse[0]
	def, _ := p.BPMN()
	out, err := HTML(def, p, HTMLOptions{Forms: LoadForms("../../examples/fim")})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`<nav aria-label="Inhalt">`, `<section id="diagramm">`, `<section id="formulare">`, `<iframe title="D00000094 → S00000094 V1.0`, `href="#form-D00000094"`} {
		if !bytes.Contains(out, []byte(want)) {
			t.Errorf("page lacks %s", want)
		}
	}
	if n := bytes.Count(out, []byte(`<g class="bpmn-node `)); n != 33 {
		t.Errorf("%d nodes in the SVG", n)
	}
	if bytes.Contains(out, []byte(`src="http`)) || bytes.Contains(out, []byte(`href="http`)) && !bytes.Contains(out, []byte("gesetze-im-internet")) {
		t.Error("external load")
	}
	again, _ := HTML(def, p, HTMLOptions{Forms: LoadForms("../../examples/fim")})
	if !bytes.Equal(out, again) {
		t.Error("not deterministic")
	}
}

// TestHTMLInChromium opens the page of the real process with its form in
// headless Chromium: no console errors, the diagram with every node, the
// form rendered in its frame.
func TestHTMLInChromium(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	d, _, err := ReadFile(corpusFile, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	p := d.Bibliothek.Prozesse[0]
	def, _ := p.BPMN()
	dir := t.TempDir()
	pages := map[string][]byte{}
	pages["process.html"], err = HTML(def, p, HTMLOptions{Forms: LoadForms("../../examples/fim")})
	if err != nil {
		t.Fatal(err)
	}
	plain, _, err := bpmn.ReadFile("../bpmn/testdata/fixtures/all-elements.bpmn", bpmn.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	pages["bpmn.html"], _ = HTML(plain, nil, HTMLOptions{Lang: "en"})
	bctx, console := testenv.Chromium(t, 90*time.Second)
	for name, want := range map[string]string{"process.html": "[33 1 true]", "bpmn.html": "[37 0 false]"} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, pages[name], 0o644); err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(bctx, chromedp.Navigate("file://"+path)); err != nil {
			t.Fatal(err)
		}
		got, err := chromedp.Run(bctx, chromedp.Poll[[]any](`(function(){
  var f = document.querySelector("iframe");
  var form = !!(f && f.contentDocument && f.contentDocument.querySelector("form"));
  if (f && !form) return null;
  return [document.querySelectorAll("#diagramm g.bpmn-node").length, document.querySelectorAll("iframe").length, form];
})()`, chromedp.WithPollingTimeout(20*time.Second)))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if fmt.Sprint(got) != want {
			t.Errorf("%s: %v, want %s", name, got, want)
		}
	}
	if errs := console.Errors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
}
