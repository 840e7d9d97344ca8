package interop

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/ozgctl/ozgctl/internal/testenv"
	"github.com/ozgctl/ozgctl/pkg/batch"
	"github.com/ozgctl/ozgctl/pkg/conformance"
)

func exampleHTML(t *testing.T, lang string) []byte {
	t.Helper()
	sources, err := DirSources([]string{exampleVendors})
	if err != nil {
		t.Fatal(err)
	}
	cfg := conformance.Config{XSD: "../../examples/profiles/xrechnung/ubl-2.1/UBL-2.1-Invoice-CreditNote.xsd"}
	var buf bytes.Buffer
	if err := renderHTML(&buf, run(t, sources, cfg, batch.Shard{}), RenderOptions{Lang: lang}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestHTMLSelfContained checks the page without a browser: no external
// loads, every section and chart present, in both languages.
func TestHTMLSelfContained(t *testing.T) {
	for _, tt := range []struct{ lang, heading string }{
		{"de", "Konformität je Gruppe und Nachrichtentyp"},
		{"en", "Conformance by group and message type"},
	} {
		t.Run(tt.lang, func(t *testing.T) {
			page := string(exampleHTML(t, tt.lang))
			if m := regexp.MustCompile(`(?i)(src|href)\s*=\s*"[^"#]`).FindString(page); m != "" {
				t.Errorf("external reference %q", m)
			}
			for _, want := range []string{tt.heading, `class="chart matrix"`, `class="chart bars"`, `class="chart heat"`,
				`id="differences"`, "examples/interop/vendors/", "xsd:facet", "PaymentMeansCode"} {
				if !strings.Contains(page, want) {
					t.Errorf("page lacks %q", want)
				}
			}
		})
	}
}

// probe is put before the page's own script: it records script errors and,
// once loaded, counts the charts and sorts the differences table by a
// click, writing the outcome into the DOM that --dump-dom prints.
const probe = `<script>
window.__errors = [];
window.addEventListener("error", function (e) { window.__errors.push(String(e.message)); });
var origError = console.error;
console.error = function () { window.__errors.push(Array.prototype.join.call(arguments, " ")); origError.apply(console, arguments); };
window.addEventListener("load", function () {
  var th = document.querySelector("#differences th");
  if (th) { th.click(); th.click(); }
  var first = document.querySelector("#differences tbody tr td");
  var out = document.createElement("pre");
  out.id = "probe";
  out.textContent = "svg=" + document.querySelectorAll("svg.chart").length +
    " rects=" + document.querySelectorAll("svg.chart rect").length +
    " sorted=" + (th ? th.getAttribute("aria-sort") : "none") +
    " first=" + (first ? first.textContent : "") +
    " errors=" + window.__errors.length + ":" + window.__errors.join("|");
  document.body.appendChild(out);
});
</script>`

// TestHTMLInChromium renders the page in headless Chromium: it loads, its
// charts are drawn, the table sorts, and no script error is logged. The
// screenshot is kept in the test's artefact directory (go test -artifacts).
func TestHTMLInChromium(t *testing.T) {
	var browser string
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "headless_shell"} {
		if p, err := exec.LookPath(name); err == nil {
			browser = p
			break
		}
	}
	if browser == "" {
		testenv.Missing(t, "chromium", "apt-get install chromium")
	}
	page := exampleHTML(t, "de")
	dir := t.TempDir()
	file := filepath.Join(dir, "interop.html")
	withProbe := bytes.Replace(page, []byte("<head>"), []byte("<head>\n"+probe), 1)
	if err := os.WriteFile(file, withProbe, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	args := []string{"--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=" + filepath.Join(dir, "profile")}
	dom, err := exec.CommandContext(ctx, browser, append(args, "--virtual-time-budget=5000", "--dump-dom", "file://"+file)...).Output()
	if err != nil {
		t.Fatalf("chromium --dump-dom: %v", err)
	}
	m := regexp.MustCompile(`<pre id="probe">([^<]*)</pre>`).FindSubmatch(dom)
	if m == nil {
		t.Fatalf("the probe did not run; DOM:\n%.2000s", dom)
	}
	probeOut := string(m[1])
	t.Log(probeOut)
	var svgs, rects int
	var sorted, first, errs string
	if _, err := parseProbe(probeOut, &svgs, &rects, &sorted, &first, &errs); err != nil {
		t.Fatalf("probe %q: %v", probeOut, err)
	}
	if svgs < 3 || rects < 10 {
		t.Errorf("%d charts with %d rectangles drawn, want the matrix, bars and heat maps", svgs, rects)
	}
	if sorted != "descending" || first != "1.00" {
		t.Errorf("after two clicks the spread column sorts %s with %s first, want descending with 1.00", sorted, first)
	}
	if errs != "0:" {
		t.Errorf("script errors: %s", errs)
	}
	shot := filepath.Join(t.ArtifactDir(), "interop.png")
	if out, err := exec.CommandContext(ctx, browser, append(args, "--window-size=1280,2400", "--screenshot="+shot, "file://"+file)...).CombinedOutput(); err != nil {
		t.Fatalf("chromium --screenshot: %v\n%s", err, out)
	}
	if st, err := os.Stat(shot); err != nil || st.Size() < 10000 {
		t.Errorf("screenshot %s: %v", shot, err)
	}
}

// parseProbe splits the line the probe writes.
func parseProbe(s string, svgs, rects *int, sorted, first, errs *string) (int, error) {
	re := regexp.MustCompile(`^svg=(\d+) rects=(\d+) sorted=(\S+) first=(\S*) errors=(.*)$`)
	m := re.FindStringSubmatch(s)
	if m == nil {
		return 0, os.ErrInvalid
	}
	*svgs, *rects = atoi(m[1]), atoi(m[2])
	*sorted, *first, *errs = m[3], m[4], m[5]
	return 5, nil
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}
