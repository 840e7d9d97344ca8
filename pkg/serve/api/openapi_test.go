package api

import (
	"bytes"
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/pb33f/libopenapi"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"

	"github.com/ozgctl/ozgctl/pkg/serve"

	"github.com/ozgctl/ozgctl/internal/testenv"
)

const openapiFile = "../../../schemas/serve.openapi.yaml"

// openapiJSON reads the API's description as a JSON value.
func openapiJSON(t *testing.T) (raw []byte, doc any) {
	t.Helper()
	raw, err := os.ReadFile(openapiFile)
	if err != nil {
		t.Fatal(err)
	}
	var y any
	if err := yaml.Unmarshal(raw, &y); err != nil {
		t.Fatal(err)
	}
	js, err := json.Marshal(y)
	if err != nil {
		t.Fatal(err)
	}
	doc, err = jsonschema.UnmarshalJSON(bytes.NewReader(js))
	if err != nil {
		t.Fatal(err)
	}
	return raw, doc
}

// TestOpenAPIDocument: schemas/serve.openapi.yaml is a valid OpenAPI 3.1
// document by the OAS schema and by libopenapi.
func TestOpenAPIDocument(t *testing.T) {
	raw, doc := openapiJSON(t)
	if err := testenv.OpenAPISchema(t).Validate(doc); err != nil {
		t.Fatalf("not a valid OpenAPI 3.1 document: %v", err)
	}
	d, err := libopenapi.NewDocument(raw)
	if err != nil {
		t.Fatalf("libopenapi: %v", err)
	}
	model, err := d.BuildV3Model()
	if err != nil {
		t.Fatalf("libopenapi: %v", err)
	}
	if model.Model.Version != "3.1.0" {
		t.Errorf("version %q", model.Model.Version)
	}
}

// TestOpenAPIRoutes: every route the server registers is described, and
// every described operation is a registered route.
func TestOpenAPIRoutes(t *testing.T) {
	raw, _ := openapiJSON(t)
	d, err := libopenapi.NewDocument(raw)
	if err != nil {
		t.Fatal(err)
	}
	model, err := d.BuildV3Model()
	if err != nil {
		t.Fatal(err)
	}
	var described []string
	for path, item := range model.Model.Paths.PathItems.FromOldest() {
		for method := range item.GetOperations().FromOldest() {
			described = append(described, strings.ToUpper(method)+" "+path)
		}
	}
	slices.Sort(described)
	srv := serve.New(serve.Options{})
	if _, err := New(srv, demoConfig()); err != nil {
		t.Fatal(err)
	}
	registered := srv.Patterns()
	for _, p := range registered {
		if !slices.Contains(described, p) {
			t.Errorf("route %q is registered but not in %s", p, openapiFile)
		}
	}
	for _, p := range described {
		if !slices.Contains(registered, p) {
			t.Errorf("operation %q is in %s but no route", p, openapiFile)
		}
	}
}

// TestOpenAPIAnswers: real answers are valid against the schemas the
// description gives them.
func TestOpenAPIAnswers(t *testing.T) {
	_, doc := openapiJSON(t)
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	if err := c.AddResource("https://example.org/serve.openapi.json", doc); err != nil {
		t.Fatal(err)
	}
	schema := func(name string) *jsonschema.Schema {
		s, err := c.Compile("https://example.org/serve.openapi.json#/components/schemas/" + name)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	srv, _ := newAPI(t, demoConfig(), serve.Options{Token: "x"})
	for _, tc := range []struct {
		method, target, auth, schema string
		status                       int
	}{
		{"GET", "/v1/profiles", "x", "Profiles", 200},
		{"GET", "/healthz", "", "Status", 200},
		{"GET", "/readyz", "", "Problem", 503},
		{"GET", "/v1/profiles", "", "Problem", 401},
		{"POST", "/v1/check?xsd=../x", "x", "Problem", 400},
		{"POST", "/v1/fim/convert?to=nope", "x", "Problem", 400},
	} {
		t.Run(tc.method+" "+tc.target, func(t *testing.T) {
			req := []string{}
			if tc.auth != "" {
				req = append(req, "Authorization", "Bearer "+tc.auth)
			}
			rec := do(t, srv, tc.method, tc.target, strings.NewReader("<a/>"), req...)
			if rec.Code != tc.status {
				t.Fatalf("status %d, want %d: %s", rec.Code, tc.status, rec.Body)
			}
			v, err := jsonschema.UnmarshalJSON(bytes.NewReader(rec.Body.Bytes()))
			if err != nil {
				t.Fatal(err)
			}
			if err := schema(tc.schema).Validate(v); err != nil {
				t.Errorf("answer not valid against %s: %v\n%s", tc.schema, err, rec.Body)
			}
		})
	}

}
