package convert

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/ozgctl/ozgctl/pkg/fim"
)

// jsonSchemaDialect is the $schema of the generated JSON Schema.
const jsonSchemaDialect = "https://json-schema.org/draft/2020-12/schema"

func genJSONSchema(m *model, b *bytes.Buffer) error {
	writeJSON(b, m.jsonSchema("#/$defs/", true), 0)
	b.WriteByte('\n')
	return nil
}

// jsonSchema builds the schema document. refPrefix is where the $defs
// live ("#/$defs/", or "#/components/schemas/" inside OpenAPI); withDefs
// adds them to the document.
func (m *model) jsonSchema(refPrefix string, withDefs bool) jobj {
	var o jobj
	if withDefs {
		o.set("$schema", jsonSchemaDialect)
		o.set("$id", m.SchemaID)
	}
	o.set("title", m.Title)
	if m.Description != "" {
		o.set("description", m.Description)
	}
	if c := m.rootComment(); c != "" {
		o.set("$comment", c)
	}
	m.objectBody(&o, m.Root, refPrefix)
	if withDefs {
		var defs jobj
		for _, d := range m.Defs {
			if !d.Label {
				defs.set(d.Name, m.defSchema(d, refPrefix))
			}
		}
		o.set("$defs", defs)
	}
	return o
}

func (m *model) rootComment() string {
	var parts []string
	root := m.doc.Root()
	parts = append(parts, fmt.Sprintf("Erzeugt aus %s %s (XDatenfelder %s)", kindWord(m.doc.Kind), root.Identifier, m.doc.SourceVersion))
	parts = append(parts, ruleTexts(m.Rules)...)
	return strings.Join(parts, "\n")
}

func kindWord(k fim.Kind) string {
	switch k {
	case fim.KindDatenfeldgruppe:
		return "Datenfeldgruppe"
	case fim.KindDatenfeld:
		return "Datenfeld"
	}
	return "Datenschema"
}

func ruleTexts(rs []*fim.Regel) []string {
	var out []string
	for _, r := range rs {
		s := "Regel " + r.Identifier.String()
		if r.Name != "" {
			s += " (" + txt(r.Name) + ")"
		}
		if d := txt(r.Definition); d != "" {
			s += ": " + d
		}
		out = append(out, s)
	}
	return out
}

func (m *model) objectBody(o *jobj, props []*prop, refPrefix string) {
	o.set("type", "object")
	var ps jobj
	var req []string
	for _, p := range props {
		ps.set(p.Key, propSchema(p, refPrefix))
		if p.required() {
			req = append(req, p.Key)
		}
	}
	o.set("properties", ps)
	if len(req) > 0 {
		o.set("required", req)
	}
	o.set("additionalProperties", false)
}

func propSchema(p *prop, refPrefix string) jobj {
	ref := jobj{{"$ref", refPrefix + p.Def.Name}}
	if !p.array() {
		return ref
	}
	o := jobj{{"type", "array"}, {"items", ref}}
	if p.Min > 0 {
		o.set("minItems", p.Min)
	}
	if p.Max != fim.Unbounded {
		o.set("maxItems", p.Max)
	}
	return o
}

func (d *def) comment() string {
	var parts []string
	if d.CodeRef != nil {
		s := "Codeliste " + d.CodeRef.String()
		if len(d.Codes) == 0 {
			s += " (nicht aufgelöst: jeder Code der Liste)"
		}
		parts = append(parts, s)
	}
	parts = append(parts, d.Notes...)
	parts = append(parts, ruleTexts(d.Rules)...)
	return strings.Join(parts, "\n")
}

func (m *model) defSchema(d *def, refPrefix string) jobj {
	var o jobj
	o.set("title", d.title())
	if h := d.help(); h != "" {
		o.set("description", h)
	}
	if c := d.comment(); c != "" {
		o.set("$comment", c)
	}
	if d.Group != nil {
		m.objectBody(&o, d.Props, refPrefix)
		return o
	}
	switch d.Kind {
	case kString:
		o.set("type", "string")
		if d.Format != "" {
			o.set("format", d.Format)
		}
		if d.MinLength != nil {
			o.set("minLength", *d.MinLength)
		}
		if d.MaxLength != nil {
			o.set("maxLength", *d.MaxLength)
		}
		if d.Pattern != nil {
			o.set("pattern", d.Pattern.ECMA())
		}
		if len(d.Codes) > 0 {
			var one []any
			for _, c := range d.Codes {
				e := jobj{{"const", c.Code}}
				if c.Name != "" {
					e.set("title", c.Name)
				}
				one = append(one, e)
			}
			o.set("oneOf", one)
		}
	case kInteger, kNumber:
		if d.Kind == kInteger {
			o.set("type", "integer")
		} else {
			o.set("type", "number")
		}
		if d.Minimum != "" {
			o.set("minimum", jnum(d.Minimum))
		}
		if d.Maximum != "" {
			o.set("maximum", jnum(d.Maximum))
		}
	case kBoolean:
		o.set("type", "boolean")
	case kFile:
		o.set("type", "object")
		name := jobj{{"type", "string"}, {"minLength", 1}}
		mt := jobj{{"type", "string"}}
		if mts := d.Field.MediaTypes; len(mts) > 0 {
			mt.set("enum", mts)
		}
		name.set("description", "Dateiname mit Endung")
		mt.set("description", "Medientyp (MIME), z. B. application/pdf")
		content := jobj{{"description", "Dateiinhalt, base64-kodiert (RFC 4648)"}, {"type", "string"}, {"contentEncoding", "base64"}, {"pattern", base64Pattern}}
		o.set("properties", jobj{{"filename", name}, {"mediaType", mt}, {"content", content}})
		o.set("required", []string{"filename", "content"})
		o.set("additionalProperties", false)
	}
	if d.Default != "" {
		o.set("default", defaultValue(d))
	}
	if d.ReadOnly {
		o.set("readOnly", true)
	}
	return o
}

// base64Pattern accepts standard base64 with padding (RFC 4648 §4).
const base64Pattern = `^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$`

func defaultValue(d *def) any {
	switch d.Kind {
	case kInteger, kNumber:
		return jnum(d.Default)
	case kBoolean:
		return d.Default == "true"
	}
	return d.Default
}
