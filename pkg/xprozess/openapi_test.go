package xprozess

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/pb33f/libopenapi"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/ozgctl/ozgctl/pkg/bpmn"
	fimconvert "github.com/ozgctl/ozgctl/pkg/fim/convert"

	"github.com/ozgctl/ozgctl/internal/testenv"
)

func checkOpenAPI(t *testing.T, out []byte) map[string]any {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if err := testenv.OpenAPISchema(t).Validate(v); err != nil {
		t.Fatalf("not a valid OpenAPI 3.1 document: %v", err)
	}
	doc, err := libopenapi.NewDocument(out)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := doc.BuildV3Model(); err != nil {
		t.Fatalf("libopenapi: %v", err)
	}
	var m map[string]any
	json.Unmarshal(out, &m)
	return m
}

func TestOpenAPICorpus(t *testing.T) {
	d, _, err := ReadFile(corpusFile, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	p := d.Bibliothek.Prozesse[0]
	def, _ := p.BPMN()
	ix := LoadForms("../../examples/fim")
	out, err := OpenAPI(def, p, OpenAPIOptions{Forms: ix})
	if err != nil {
		t.Fatal(err)
	}
	m := checkOpenAPI(t, out)
	paths := m["paths"].(map[string]any)
	// one operation per cross-pool message flow (all 9 here) and one per trigger form
	if len(paths) != 10 {
		t.Errorf("%d paths", len(paths))
	}
	post := paths["/antraege/D00000094"].(map[string]any)["post"].(map[string]any)
	ref := post["requestBody"].(map[string]any)["content"].(map[string]any)["application/json"].(map[string]any)["schema"].(map[string]any)["$ref"].(string)

	// the $ref resolves to the schema fim convert generates for S00000094:
	// same $id, and the fim sample validates against it
	form := ix.byID["S00000094"]
	c, err := fimconvert.New(form.Doc, fimconvert.Options{BaseURI: fimconvert.DefaultBaseURI})
	if err != nil {
		t.Fatal(err)
	}
	js, _ := c.Convert("jsonschema")
	var jsID struct {
		ID string `json:"$id"`
	}
	json.Unmarshal(js, &jsID)
	root := m["components"].(map[string]any)["schemas"].(map[string]any)[strings.TrimPrefix(ref, "#/components/schemas/")].(map[string]any)
	if root["x-fim-schema-id"] != jsID.ID || jsID.ID == "" {
		t.Errorf("x-fim-schema-id %v, fim convert $id %q", root["x-fim-schema-id"], jsID.ID)
	}
	v, _ := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	comp := jsonschema.NewCompiler()
	comp.DefaultDraft(jsonschema.Draft2020)
	if err := comp.AddResource("https://example.org/openapi.json", v); err != nil {
		t.Fatal(err)
	}
	body, err := comp.Compile("https://example.org/openapi.json" + ref)
	if err != nil {
		t.Fatalf("request body schema: %v", err)
	}
	sample, err := c.Sample("json", fimconvert.SampleFull)
	if err != nil {
		t.Fatal(err)
	}
	iv, _ := jsonschema.UnmarshalJSON(bytes.NewReader(sample))
	if err := body.Validate(iv); err != nil {
		t.Errorf("fim sample rejected by the request body: %v", err)
	}
	// the message start event's flow carries the trigger form too
	start, _ := paths["/nachrichten/13b76a4e-ccf6-458c-9b68-e537557026bd"].(map[string]any)
	if start == nil {
		t.Fatal("no operation for the message flow to the start event")
	}
	sref := start["post"].(map[string]any)["requestBody"].(map[string]any)["content"].(map[string]any)["application/json"].(map[string]any)["schema"].(map[string]any)["$ref"]
	if sref != ref {
		t.Errorf("start message body %v, want %s", sref, ref)
	}
	// replies become callbacks
	cb := 0
	for _, pi := range paths {
		if _, ok := pi.(map[string]any)["post"].(map[string]any)["callbacks"]; ok {
			cb++
		}
	}
	if cb == 0 {
		t.Error("no callbacks")
	}
	again, _ := OpenAPI(def, p, OpenAPIOptions{Forms: ix})
	if !bytes.Equal(out, again) {
		t.Error("not deterministic")
	}
}

func TestOpenAPIWithoutForms(t *testing.T) {
	for _, f := range []string{"../bpmn/testdata/fixtures/all-elements.bpmn", "../bpmn/testdata/camunda/loan-granting.bpmn"} {
		def, _, err := bpmn.ReadFile(f, bpmn.ReadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		out, err := OpenAPI(def, nil, OpenAPIOptions{})
		if err != nil {
			t.Fatal(err)
		}
		checkOpenAPI(t, out)
	}
	d, _, _ := ReadFile(corpusFile, ReadOptions{})
	out, err := OpenAPI(nil, d.Bibliothek.Prozesse[0], OpenAPIOptions{})
	if err != nil {
		t.Fatal(err)
	}
	m := checkOpenAPI(t, out)
	if _, ok := m["components"].(map[string]any)["schemas"].(map[string]any)["Formular_D00000094"]; !ok {
		t.Error("no placeholder for the unresolved form")
	}
}
