package profile

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"

	"github.com/ozgctl/ozgctl/internal/lazy"
)

// profileSchema is schemas/profile.schema.json (a test keeps the copies equal).
//
//go:embed profile.schema.json
var profileSchema []byte

// compiledSchema is profileSchema compiled on first use.
var compiledSchema = lazy.Value[schemaOrError]{F: func() schemaOrError {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(profileSchema))
	if err != nil {
		return schemaOrError{err: err}
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("profile.schema.json", doc); err != nil {
		return schemaOrError{err: err}
	}
	sch, err := c.Compile("profile.schema.json")
	return schemaOrError{sch, err}
}}

// schemaOrError is a compiled schema or why it could not be compiled.
type schemaOrError struct {
	sch *jsonschema.Schema
	err error
}

// validateSchema checks a decoded YAML document (data, the file's bytes, for
// line numbers) against the profile schema.
func validateSchema(file string, data []byte, raw any) error {
	c := compiledSchema.Get()
	sch, err := c.sch, c.err
	if err != nil {
		return fmt.Errorf("internal error: profile schema: %w", err)
	}
	js, err := json.Marshal(raw)
	if err != nil {
		return &ProfileError{File: file, Msg: msgNotJSONCompatible.With(), Err: err}
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(js))
	if err != nil {
		return &ProfileError{File: file, Msg: msgBadProfile.With(), Err: err}
	}
	if err := sch.Validate(inst); err != nil {
		var ve *jsonschema.ValidationError
		if errors.As(err, &ve) {
			// The compiler names the embedded schema by a file URL below the
			// working directory, which does not exist: say which file it is.
			msg := ve.Error()
			if base, _, ok := strings.Cut(ve.SchemaURL, "#"); ok || base != "" {
				msg = strings.ReplaceAll(msg, base, "schemas/profile.schema.json")
			}
			return &ProfileError{File: file, Line: yamlLine(data, firstLeaf(ve).InstanceLocation), Msg: msgSchemaMismatchDetail.With(msg)}
		}
		return &ProfileError{File: file, Msg: msgSchemaMismatch.With(), Err: err}
	}
	return nil
}

// firstLeaf returns the first innermost cause of a validation error: the
// most precise place that is wrong.
func firstLeaf(ve *jsonschema.ValidationError) *jsonschema.ValidationError {
	for len(ve.Causes) > 0 {
		ve = ve.Causes[0]
	}
	return ve
}

// yamlLine returns the line of the value at path (JSON pointer tokens) in
// a YAML document, or of its nearest existing parent; 0 if none.
func yamlLine(data []byte, path []string) int {
	var root yaml.Node
	if yaml.Unmarshal(data, &root) != nil || len(root.Content) == 0 {
		return 0
	}
	n := root.Content[0]
	line := n.Line
	for _, tok := range path {
		var next *yaml.Node
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				if n.Content[i].Value == tok {
					next = n.Content[i+1]
					break
				}
			}
		case yaml.SequenceNode:
			if i, err := strconv.Atoi(tok); err == nil && i >= 0 && i < len(n.Content) {
				next = n.Content[i]
			}
		}
		if next == nil {
			break
		}
		n, line = next, next.Line
	}
	return line
}
