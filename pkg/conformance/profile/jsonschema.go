package profile

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// profileSchema is schemas/profile.schema.json (a test keeps the copies equal).
//
//go:embed profile.schema.json
var profileSchema []byte

// ProfileSchema returns the JSON Schema of profile files.
func ProfileSchema() []byte { return bytes.Clone(profileSchema) }

var compiledSchema = sync.OnceValues(func() (*jsonschema.Schema, error) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(profileSchema))
	if err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("profile.schema.json", doc); err != nil {
		return nil, err
	}
	return c.Compile("profile.schema.json")
})

// validateSchema checks a decoded YAML document against the profile schema.
func validateSchema(file string, raw any) error {
	sch, err := compiledSchema()
	if err != nil {
		return fmt.Errorf("internal error: profile schema: %w", err)
	}
	js, err := json.Marshal(raw)
	if err != nil {
		return &ProfileError{File: file, Msg: "profile is not a JSON-compatible document (use string keys)", Err: err}
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(js))
	if err != nil {
		return &ProfileError{File: file, Msg: "bad profile", Err: err}
	}
	if err := sch.Validate(inst); err != nil {
		var ve *jsonschema.ValidationError
		if errors.As(err, &ve) {
			return &ProfileError{File: file, Msg: "does not match schemas/profile.schema.json:\n" + ve.Error()}
		}
		return &ProfileError{File: file, Msg: "does not match schemas/profile.schema.json", Err: err}
	}
	return nil
}
