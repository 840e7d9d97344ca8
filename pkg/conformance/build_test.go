package conformance

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/ozgctl/ozgctl/pkg/batch"
	"github.com/ozgctl/ozgctl/pkg/finding"
	"github.com/ozgctl/ozgctl/pkg/xoev"
)

// TestRunDeterministic checks that the result order and content do not
// depend on the number of workers, and that a panicking stage becomes an
// input error for that file only.
func TestRunDeterministic(t *testing.T) {
	ex := "../../examples/xoev"
	p, err := Build(context.Background(), Config{XSD: filepath.Join(ex, "xsd/demo.xsd"),
		Schema: xoev.LoadOptions{Catalogs: []string{filepath.Join(ex, "catalog.xml")}}, CodeLists: []string{filepath.Join(ex, "codelists")}})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	src, _ := os.ReadFile(filepath.Join(ex, "messages/antrag-gueltig.xml"))
	var args []string
	for i := range 40 {
		data := src
		switch i % 4 {
		case 1:
			data = []byte(strings.Replace(string(src), ">12345<", ">1<", 1))
		case 2:
			data = []byte(strings.Replace(string(src), "<code>01</code>", "<code>09</code>", 1))
		case 3:
			data = src[:len(src)/3]
		}
		p := filepath.Join(dir, "m"+string(rune('a'+i%26))+string(rune('a'+i/26))+".xml")
		os.WriteFile(p, data, 0o644)
		args = append(args, p)
	}
	args = append(args, filepath.Join(dir, "panic.xml"))
	os.WriteFile(filepath.Join(dir, "panic.xml"), src, 0o644)
	ins, errs := batch.ExpandInputs(args, nil)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	panicker := batch.StageFunc{ID: "boom", Fn: func(ctx context.Context, msg *batch.Message, res *finding.FileResult) error {
		if strings.HasSuffix(msg.Input.Name, "panic.xml") {
			panic("boom")
		}
		return nil
	}}
	stages := append(p.Stages, panicker)
	render := func(workers int) string {
		res := batch.Run(context.Background(), ins, stages, batch.Options{Workers: workers})
		for i := range res {
			if res[i].Err != nil {
				res[i].Findings = append(res[i].Findings, finding.Finding{Rule: "input-error", Message: strings.SplitN(res[i].Err.Error(), "\n", 2)[0]})
			}
		}
		b, _ := json.Marshal(res)
		return string(b)
	}
	one := render(1)
	for _, w := range []int{2, 8} {
		if got := render(w); got != one {
			t.Errorf("-j %d output differs from -j 1", w)
		}
	}
	res := batch.Run(context.Background(), ins, stages, batch.Options{Workers: 4})
	var valid, invalid, inputErr int
	for _, r := range res {
		switch {
		case r.Err != nil:
			inputErr++
			if !strings.Contains(r.Err.Error(), "internal error") || !strings.HasSuffix(r.File, "panic.xml") {
				t.Errorf("%s: %v", r.File, r.Err)
			}
		case r.Valid():
			valid++
		default:
			invalid++
		}
	}
	if valid != 10 || invalid != 30 || inputErr != 1 {
		t.Errorf("valid %d invalid %d input errors %d", valid, invalid, inputErr)
	}
	if res[0].Identity == nil || res[0].Identity.Root != "demo.antrag.0101" || !slices.Contains(res[0].Engines, xoev.EngineJacoelho) {
		t.Errorf("first result identity %+v engines %v", res[0].Identity, res[0].Engines)
	}
}

func TestBuildOrder(t *testing.T) {
	ex := "../../examples"
	p, err := Build(context.Background(), Config{XSD: ex + "/xoev/xsd/demo.xsd",
		Schema: xoev.LoadOptions{Catalogs: []string{ex + "/xoev/catalog.xml"}}, CodeLists: []string{ex + "/xoev/codelists"},
		Profile: ex + "/profiles/xoev-demo.yaml", Schematron: []string{ex + "/profiles/xbau/sch/xbau-schematron-leere-elemente.sch"}})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, st := range p.Stages {
		names = append(names, st.Name())
	}
	want := []string{"prolog", "identify", "xsd", "codelist", "profile", "xsd", "codelist", "profile-rules", "schematron"}
	if !slices.Equal(names, want) {
		t.Errorf("stages %v, want %v", names, want)
	}
	if !p.HasRules() || !slices.ContainsFunc(p.Rules, func(r finding.RuleInfo) bool { return r.ID == "codelist:invalid-code" }) {
		t.Errorf("rules %d, HasRules %v", len(p.Rules), p.HasRules())
	}
}

func TestBuildLoadErrors(t *testing.T) {
	tests := []struct {
		name string
		cfg  Config
		what string
	}{
		{"missing xsd", Config{XSD: "testdata/missing.xsd"}, "schema"},
		{"missing schematron", Config{Schematron: []string{"testdata/missing.sch"}}, "rules"},
		{"missing profile", Config{Profile: "testdata/missing.yaml"}, "rules"},
		{"empty code list dir", Config{CodeLists: []string{"."}}, "code lists"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Build(context.Background(), tt.cfg)
			var le *LoadError
			if !errors.As(err, &le) || le.What != tt.what {
				t.Errorf("err = %v, want a LoadError of %q", err, tt.what)
			}
		})
	}
	if _, err := Build(context.Background(), Config{XSD: "a.xsd", SchemaDir: "d"}); err == nil {
		t.Error("XSD and SchemaDir together: no error")
	}
}

// TestDoctypeRefusedOnEveryPath runs messages with a DOCTYPE through every
// kind of pipeline: each is refused with one xml:doctype finding before an
// engine could expand or fetch anything.
func TestDoctypeRefusedOnEveryPath(t *testing.T) {
	ex := "../../examples"
	body := `<antrag xmlns="http://example.org/demo/antrag">&x;</antrag>`
	docs := map[string]string{
		"xxe":               `<?xml version="1.0"?>` + "\n" + `<!DOCTYPE antrag [<!ENTITY x SYSTEM "file:///etc/passwd">]>` + "\n" + body,
		"internal entity":   `<!DOCTYPE antrag [<!ENTITY x "expanded">]>` + body,
		"external dtd":      `<!-- c --><!DOCTYPE antrag SYSTEM "http://example.org/antrag.dtd">` + "\n" + strings.Replace(body, "&x;", "", 1),
		"billion laughs":    `<!DOCTYPE antrag [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY x "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>` + body,
		"utf-16 with bom":   "",
		"after long prolog": `<?xml version="1.0"?>` + strings.Repeat("<!-- padding -->\n", 3000) + `<!DOCTYPE antrag [<!ENTITY x "y">]>` + body,
	}
	configs := map[string]Config{
		"xsd":           {XSD: ex + "/xoev/xsd/demo.xsd", Schema: xoev.LoadOptions{Catalogs: []string{ex + "/xoev/catalog.xml"}}},
		"schematron":    {Schematron: []string{ex + "/profiles/xbau/sch/xbau-schematron-leere-elemente.sch"}},
		"profile":       {Profile: ex + "/profiles/xoev-demo.yaml"},
		"identify only": {},
	}
	for cname, cfg := range configs {
		p, err := Build(context.Background(), cfg)
		if err != nil {
			t.Fatal(err)
		}
		for dname, doc := range docs {
			data := []byte(doc)
			if dname == "utf-16 with bom" {
				data = utf16le("\ufeff" + `<?xml version="1.0" encoding="UTF-16"?>` + "\n" + `<!DOCTYPE antrag [<!ENTITY x "y">]>` + body)
			}
			t.Run(cname+"/"+dname, func(t *testing.T) {
				res := batch.CheckOne(context.Background(), batch.FromBytes("m.xml", data), p.Stages)
				if res.Err != nil {
					t.Fatal(res.Err)
				}
				if len(res.Findings) != 1 || res.Findings[0].Rule != "xml:doctype" {
					t.Errorf("findings %+v, want one xml:doctype", res.Findings)
				}
			})
		}
	}
}

func utf16le(s string) []byte {
	var out []byte
	for _, r := range s {
		if r > 0xFFFF {
			panic("BMP only")
		}
		out = append(out, byte(r), byte(r>>8))
	}
	return out
}
