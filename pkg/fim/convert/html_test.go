package convert

import (
	"context"
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// fillScript fills the generated form from a JSON instance the way a user
// would (values typed, repeats added with the form's own button, files
// chosen). For the first repeatable place that still allows more items it
// adds one repeat more than the instance has (a copy of the first item),
// and it returns the instance as it should now be exported.
const fillScript = `
(function (data) {
  var repeated = false;
  function kids(el, cls) { return Array.prototype.filter.call(el.children, function (c) { return c.classList.contains(cls); }); }
  function fill(members, obj) {
    Object.keys(obj).forEach(function (key) {
      var val = obj[key];
      var prop = kids(members, "prop").filter(function (p) { return p.dataset.key === key; })[0];
      if (!prop) throw new Error("form has no property " + key);
      if (prop.dataset.card === "array") {
        var box = kids(prop, "items")[0];
        var add = prop.querySelector(":scope > button.add");
        var max = +prop.dataset.max;
        if (!repeated && val.length > 0 && (max < 0 || val.length < max)) {
          val.push(JSON.parse(JSON.stringify(val[0])));
          repeated = true;
        }
        while (box.children.length < val.length) add.click();
        val.forEach(function (v, i) { var r = set(kids(box.children[i], "value")[0], v); if (r !== undefined) val[i] = r; });
      } else {
        var r = set(kids(prop, "value")[0], val);
        if (r !== undefined) obj[key] = r;
      }
    });
  }
  function set(v, val) {
    if (v.classList.contains("group")) { fill(v.querySelector(":scope > .members"), val); return; }
    var kind = v.dataset.kind;
    if (kind === "boolean") { v.querySelector('input[value="' + val + '"]').checked = true; return; }
    var input = v.querySelector("input,select,textarea");
    if (kind === "file") {
      var bytes = Uint8Array.from(atob(val.content), function (c) { return c.charCodeAt(0); });
      var dt = new DataTransfer();
      dt.items.add(new File([bytes], val.filename, { type: val.mediaType }));
      input.files = dt.files;
      input.dispatchEvent(new Event("change", { bubbles: true }));
      return;
    }
    if (v.dataset.format === "time") {
      // the form adds the browser's UTC offset to the time it exports
      input.value = val.slice(0, 8);
      input.dispatchEvent(new Event("input", { bubbles: true }));
      var m = -new Date().getTimezoneOffset(), sign = m < 0 ? "-" : "+";
      m = Math.abs(m);
      return val.slice(0, 8) + sign + String(Math.floor(m / 60)).padStart(2, "0") + ":" + String(m % 60).padStart(2, "0");
    }
    if (v.dataset.format === "date-time") {
      var d = new Date(val);
      var local = new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 19);
      input.value = local;
      input.dispatchEvent(new Event("input", { bubbles: true }));
      return d.toISOString();
    }
    input.value = String(val);
    input.dispatchEvent(new Event("input", { bubbles: true }));
  }
  fill(document.querySelector("#ozg-form > .members"), data);
  return data;
})`

// chromium finds the Debian chromium binary (or a Chrome).
func chromium(t *testing.T) string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return lookTool(t, "chromium", "apt-get install chromium")
}

// TestHTMLFormInChromium drives the generated form for S00000094 in a real
// headless Chromium: an empty submit and a pattern violation are blocked
// with visible messages; filled from the sample (plus one added repeat) it
// exports JSON that the generated JSON Schema accepts.
func TestHTMLFormInChromium(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	browser := chromium(t)
	t.Run("S00000094", func(t *testing.T) {
		formTest(t, browser, input{name: "S00000094", path: filepath.Join("testdata", "xdf2", "S00000094V1.0_xdf2.xml"), codelists: filepath.Join("testdata", "codelists", "S00000094")}, true)
	})
	// every datentyp: file upload, time with offset, date-time, numbers, yes/no
	t.Run("synthetic", func(t *testing.T) { formTest(t, browser, synthetic, false) })
}

func formTest(t *testing.T, browser string, in input, screenshots bool) {
	c, ok := load(t, in, Options{})
	if !ok {
		t.Fatalf("%s does not load", in.name)
	}
	page, err := c.Convert("html")
	if err != nil {
		t.Fatal(err)
	}
	schemaJSON, _ := c.Convert("jsonschema")
	schema := compileJSONSchema(t, schemaJSON)
	sample, err := c.Sample("json", SampleFull)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	formPath := filepath.Join(dir, "form.html")
	if err := os.WriteFile(formPath, page, 0o644); err != nil {
		t.Fatal(err)
	}

	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(browser),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("lang", "de-DE"),
		chromedp.UserDataDir(filepath.Join(dir, "profile")),
		chromedp.WindowSize(900, 1000),
	}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	actx, cancelA := chromedp.NewExecAllocator(ctx, opts...)
	defer cancelA()
	bctx, cancelB := chromedp.NewContext(actx)
	defer cancelB()

	eval := func(expr string) json.RawMessage {
		t.Helper()
		v, err := chromedp.Run(bctx, chromedp.Evaluate[json.RawMessage](expr))
		if err != nil {
			t.Fatalf("evaluate: %v", err)
		}
		return v
	}
	if err := chromedp.Do(bctx,
		chromedp.Navigate("file://"+formPath),
		chromedp.WaitVisible("#ozg-form button[type=submit]"),
		chromedp.Click("#ozg-form button[type=submit]"),
	); err != nil {
		t.Fatal(err)
	}
	errCount := eval(`document.getElementById("ozg-errors").hidden ? 0 : Array.from(document.querySelectorAll("#ozg-form .err")).filter(function (e) { return !e.hidden && e.offsetParent !== null && e.textContent; }).length`)
	exported := eval(`window.ozgExport !== undefined`)
	if string(errCount) == "0" || string(exported) != "false" {
		t.Fatalf("empty submit: %s visible messages, exported=%s; want messages and no export", errCount, exported)
	}
	shotErrors, err := chromedp.Run(bctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}

	expected := eval(fillScript + "(" + string(sample) + ")")
	if _, err := chromedp.Run(bctx, chromedp.Poll[bool](`Array.from(document.querySelectorAll("#ozg-form input[type=file]")).every(function (i) { return !i.files.length || i.ozgFile; })`, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Fatal(err)
	}

	// A pattern violation (postal code) blocks the export with a message at
	// that field.
	patternMsg := eval(`(function () {
		var v = Array.from(document.querySelectorAll("#ozg-form [data-pattern]")).filter(function (v) { var i = v.querySelector("input"); return i && i.value; })[0];
		var i = v.querySelector("input");
		window.ozgSaved = [i, i.value];
		i.value = "ABCDE";
		document.querySelector("#ozg-form button[type=submit]").click();
		var e = v.querySelector(".err");
		return (window.ozgExport === undefined && !e.hidden) ? e.textContent : "";
	})()`)
	if string(patternMsg) == `""` {
		t.Fatal("a pattern violation did not block the export with a visible message")
	}

	var out string
	json.Unmarshal(eval(`window.ozgSaved[0].value = window.ozgSaved[1]; document.querySelector("#ozg-form button[type=submit]").click(); window.ozgExport === undefined ? document.getElementById("ozg-errors").textContent : JSON.stringify(window.ozgExport)`), &out)
	eval(`document.querySelector("#ozg-form .array").scrollIntoView(); true`)
	shotFilled, err := chromedp.Run(bctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out, "{") {
		t.Fatalf("filled form did not export: %s", out)
	}
	validateJSON(t, schema, []byte(out))
	var got, want any
	json.Unmarshal([]byte(out), &got)
	json.Unmarshal(expected, &want)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("export differs from the data filled in\n got: %s\nwant: %s", out, expected)
	}
	if *updateScreens && screenshots {
		os.MkdirAll(filepath.Join("testdata", "screenshots"), 0o755)
		os.WriteFile(filepath.Join("testdata", "screenshots", "S00000094-errors.png"), shotErrors, 0o644)
		os.WriteFile(filepath.Join("testdata", "screenshots", "S00000094-filled.png"), shotFilled, 0o644)
	}
}

var updateScreens = flag.Bool("update-screenshots", false, "rewrite testdata/screenshots from the browser test")
