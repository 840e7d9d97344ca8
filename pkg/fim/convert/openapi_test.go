package convert

import (
	"bytes"
	"errors"
	"github.com/ozgctl/ozgctl/internal/testenv"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/pb33f/libopenapi"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

func TestOpenAPICorpus(t *testing.T) {
	oas := testenv.OpenAPISchema(t)
	for _, in := range corpusInputs(t) {
		t.Run(in.name, func(t *testing.T) {
			c, ok := load(t, in, Options{})
			if !ok {
				t.Skip("not a convertible document")
			}
			out, err := c.Convert("openapi")
			if err != nil {
				t.Fatal(err)
			}
			v, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
			if err != nil {
				t.Fatalf("not JSON: %v", err)
			}
			if err := oas.Validate(v); err != nil {
				t.Fatalf("not a valid OpenAPI 3.1 document: %v", err)
			}
			doc, err := libopenapi.NewDocument(out)
			if err != nil {
				t.Fatalf("libopenapi: %v", err)
			}
			model, err := doc.BuildV3Model()
			if err != nil {
				t.Fatalf("libopenapi: %v", err)
			}
			if got := model.Model.Version; got != "3.1.0" {
				t.Errorf("version %q", got)
			}
			// The request body schema accepts the JSON sample.
			comp := jsonschema.NewCompiler()
			comp.DefaultDraft(jsonschema.Draft2020)
			comp.AssertFormat()
			if err := comp.AddResource("https://example.org/openapi.json", v); err != nil {
				t.Fatal(err)
			}
			body, err := comp.Compile("https://example.org/openapi.json#/components/schemas/" + c.m.openapiRootName())
			if err != nil {
				t.Fatalf("request body schema: %v", err)
			}
			inst, err := c.Sample("json", SampleFull)
			var se *SampleError
			if errors.As(err, &se) {
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			iv, _ := jsonschema.UnmarshalJSON(bytes.NewReader(inst))
			if err := body.Validate(iv); err != nil {
				t.Errorf("sample rejected by the request body schema: %v", err)
			}
		})
	}
}

// TestOpenAPISpecValidator runs the Python openapi-spec-validator when it
// is installed (an optional third opinion; CI does not install it).
func TestOpenAPISpecValidator(t *testing.T) {
	tool, err := exec.LookPath("openapi-spec-validator")
	if err != nil {
		testenv.Skip(t, "openapi-spec-validator not installed (optional oracle)", "pip install openapi-spec-validator")
	}
	dir := t.TempDir()
	for _, in := range corpusInputs(t)[:1] {
		c, ok := load(t, in, Options{})
		if !ok {
			continue
		}
		out, _ := c.Convert("openapi")
		p := filepath.Join(dir, "openapi.json")
		os.WriteFile(p, out, 0o644)
		if msg, err := exec.Command(tool, p).CombinedOutput(); err != nil {
			t.Errorf("%s: %v\n%s", in.name, err, msg)
		}
	}
}
