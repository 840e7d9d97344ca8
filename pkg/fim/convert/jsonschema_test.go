package convert

import (
	"bytes"
	"errors"
	"path/filepath"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

func compileJSONSchema(t testing.TB, schema []byte) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schema))
	if err != nil {
		t.Fatalf("generated schema is not JSON: %v", err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	c.AssertContent()
	if err := c.AddResource("schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("schema.json")
	if err != nil {
		t.Fatalf("generated schema does not compile: %v", err)
	}
	return s
}

func validateJSON(t testing.TB, s *jsonschema.Schema, inst []byte) {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(inst))
	if err != nil {
		t.Fatalf("sample is not JSON: %v", err)
	}
	if err := s.Validate(v); err != nil {
		t.Errorf("sample does not validate: %v", err)
	}
}

func TestJSONSchemaCorpus(t *testing.T) {
	for _, in := range corpusInputs(t) {
		t.Run(in.name, func(t *testing.T) {
			for _, keys := range []KeyStyle{KeysID, KeysName} {
				c, ok := load(t, in, Options{Keys: keys})
				if !ok {
					t.Skip("not a convertible document")
				}
				out, err := c.Convert("jsonschema")
				if err != nil {
					t.Fatal(err)
				}
				s := compileJSONSchema(t, out)
				for _, mode := range []SampleMode{SampleMinimal, SampleDefault, SampleFull} {
					inst, err := c.Sample("json", mode)
					if want := unsatisfiable[filepath.Base(in.path)]; want != "" {
						var se *SampleError
						if !errors.As(err, &se) || se.Element != want {
							t.Fatalf("sample: got %v, want a SampleError for %s", err, want)
						}
						continue
					}
					if err != nil {
						t.Fatalf("sample %s: %v", mode, err)
					}
					validateJSON(t, s, inst)
				}
			}
		})
	}
}
