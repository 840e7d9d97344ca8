package convert

import (
	"bytes"
	"fmt"
	"net/url"
	"slices"
	"strings"

	"github.com/ozgctl/ozgctl/pkg/fim"
)

// KeyStyle chooses the JSON property keys and XML element names.
type KeyStyle string

// The key styles.
const (
	// KeysID keys every property by the element id (F00000013), as
	// FIT-Connect schemas do: ids are stable across label changes and
	// unique within a schema.
	KeysID KeyStyle = "id"
	// KeysName keys properties by a technical name derived from the
	// element's name (familienname); a clash within a group gets the id
	// appended.
	KeysName KeyStyle = "name"
)

// DefaultBaseURI is the default base of the JSON Schema $id and the XSD
// target namespace; FIT-Connect publishes FIM schemas under it.
const DefaultBaseURI = "https://schema.fitko.de/fim/"

// Options tune the generators. The zero value works: ids as keys, the
// FIT-Connect base URI, no code lists.
type Options struct {
	// BaseURI is prefixed to "<id>_<version>.schema.json" to form $id.
	BaseURI string
	// Namespace is the XSD targetNamespace; default BaseURI + "<id>_<version>".
	Namespace string
	// Keys selects property keys (default [KeysID]).
	Keys KeyStyle
	// Codelists resolves code list references of select fields; nil leaves
	// them unresolved (a string with the list's URN noted).
	Codelists CodelistResolver
	// Package is the Go package name (default the lower-case schema id).
	Package string
}

// Validate reports an option the generated artefacts could not carry: a
// package name that is not a Go identifier, a namespace that is not an
// absolute URI, a base URI that is not one or would run into the schema id
// (it must end in "/", ":" or "#").
func (o Options) Validate() error {
	if o.Package != "" && !goIdentifier(o.Package) {
		return fmt.Errorf("package %q is not a Go identifier (letters, digits and _, not starting with a digit)", o.Package)
	}
	if o.Namespace != "" {
		if u, err := url.Parse(o.Namespace); err != nil || u.Scheme == "" {
			return fmt.Errorf("namespace %q is not an absolute URI (e.g. urn:example:antrag or https://example.org/antrag)", o.Namespace)
		}
	}
	if o.BaseURI != "" {
		if u, err := url.Parse(o.BaseURI); err != nil || u.Scheme == "" {
			return fmt.Errorf("base URI %q is not an absolute URI", o.BaseURI)
		}
		if !strings.HasSuffix(o.BaseURI, "/") && !strings.HasSuffix(o.BaseURI, ":") && !strings.HasSuffix(o.BaseURI, "#") {
			return fmt.Errorf("base URI %q must end in \"/\", \":\" or \"#\": the schema id is appended to it", o.BaseURI)
		}
	}
	return nil
}

// Warning is something a generator could not carry over faithfully, such
// as an unresolved code list or a pattern that does not parse.
type Warning struct {
	// Element is the id of the field or group concerned ("" for the schema).
	Element string
	Message string
}

// String is the message, behind the element id when there is one.
func (w Warning) String() string {
	if w.Element == "" {
		return w.Message
	}
	return w.Element + ": " + w.Message
}

// Target is one output format of [Converter.Convert].
type Target struct {
	Name string
	// Ext is the usual file extension, with the dot.
	Ext   string
	Short string
	gen   func(m *model, buf *bytes.Buffer) error
}

// targets are the targets, sorted by name: a table the linker lays out,
// no registration while the program starts.
var targets = []Target{
	{Name: "go", Ext: ".go", Short: "Go structs with JSON tags, code lists as typed constants", gen: genGo},
	{Name: "html", Ext: ".html", Short: "a self-contained, accessible HTML form that exports JSON valid against the JSON Schema", gen: genHTML},
	{Name: "jsonschema", Ext: ".schema.json", Short: "JSON Schema 2020-12 (FIT-Connect style)", gen: genJSONSchema},
	{Name: "markdown", Ext: ".md", Short: "field documentation: one table per group", gen: genMarkdown},
	{Name: "openapi", Ext: ".openapi.json", Short: "OpenAPI 3.1: submit an application, fetch its status", gen: genOpenAPI},
	{Name: "typescript", Ext: ".ts", Short: "TypeScript interfaces, code lists as const objects and union types", gen: genTS},
	{Name: "xsd", Ext: ".xsd", Short: "XML Schema for the application data as an XML message", gen: genXSD},
}

// Targets returns the targets, sorted by name.
func Targets() []Target {
	return slices.Clone(targets)
}

// TargetNames returns the names of the targets, sorted.
func TargetNames() []string {
	var out []string
	for _, t := range Targets() {
		out = append(out, t.Name)
	}
	return out
}

// LookupTarget returns the target with the given name.
func LookupTarget(name string) (Target, bool) {
	for _, t := range targets {
		if t.Name == name {
			return t, true
		}
	}
	return Target{}, false
}

// UnknownTargetError is a target name that does not exist.
type UnknownTargetError struct{ Name string }

// Error names the target and lists the valid ones.
func (e *UnknownTargetError) Error() string {
	return fmt.Sprintf("unknown target %q (valid: %s)", e.Name, strings.Join(TargetNames(), ", "))
}

// Converter is a document prepared for conversion: the plan every target
// is generated from, so that all targets agree on keys, types and
// constraints. Build it once with [New] and call [Converter.Convert] for
// each target.
type Converter struct {
	m *model
}

// New prepares doc for conversion. It fails when the document has no
// structure to convert (a code list or Dokumentsteckbrief message) or a
// group contains itself.
func New(doc *fim.Document, opts Options) (*Converter, error) {
	if err := opts.Validate(); err != nil {
		return nil, err
	}
	m, err := build(doc, opts)
	if err != nil {
		return nil, err
	}
	return &Converter{m: m}, nil
}

// Warnings returns what could not be carried over faithfully, in document
// order.
func (c *Converter) Warnings() []Warning { return c.m.warnings }

// Convert renders the target with the given name.
func (c *Converter) Convert(target string) ([]byte, error) {
	t, ok := LookupTarget(target)
	if !ok {
		return nil, &UnknownTargetError{Name: target}
	}
	var buf bytes.Buffer
	if err := t.gen(c.m, &buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
