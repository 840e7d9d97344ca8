package convert

import (
	"bytes"
)

func genOpenAPI(m *model, b *bytes.Buffer) error {
	const ref = "#/components/schemas/"
	rootName := m.openapiRootName()
	jsonBody := func(schemaRef string) jobj {
		return jobj{{"application/json", jobj{{"schema", jobj{{"$ref", ref + schemaRef}}}}}}
	}
	problem := func(desc string) jobj {
		return jobj{{"description", desc}, {"content", jobj{{"application/problem+json", jobj{{"schema", jobj{{"$ref", ref + "Problem"}}}}}}}}
	}
	idParam := jobj{{"name", "antragId"}, {"in", "path"}, {"required", true}, {"description", "Kennung des Antrags, wie sie beim Einreichen vergeben wurde."},
		{"schema", jobj{{"type", "string"}, {"format", "uuid"}}}}

	submit := jobj{
		{"operationId", "antragEinreichen"},
		{"summary", "Antrag einreichen"},
		{"description", "Nimmt die Antragsdaten entgegen. Der Request-Body muss dem JSON Schema " + m.SchemaID + " entsprechen."},
		{"tags", []string{"Antrag"}},
		{"requestBody", jobj{{"required", true}, {"content", jsonBody(rootName)}}},
		{"responses", jobj{
			{"201", jobj{
				{"description", "Antrag angenommen"},
				{"headers", jobj{{"Location", jobj{{"description", "URL des Antragsstatus"}, {"schema", jobj{{"type", "string"}, {"format", "uri-reference"}}}}}}},
				{"content", jsonBody("Antragsstatus")},
			}},
			{"400", problem("Die Daten entsprechen nicht dem Schema")},
			{"413", problem("Die Daten sind zu groß")},
		}},
	}
	status := jobj{
		{"operationId", "antragsstatusAbrufen"},
		{"summary", "Status eines Antrags abrufen"},
		{"tags", []string{"Antrag"}},
		{"parameters", []any{idParam}},
		{"responses", jobj{
			{"200", jobj{{"description", "Aktueller Status"}, {"content", jsonBody("Antragsstatus")}}},
			{"404", problem("Kein Antrag mit dieser Kennung")},
		}},
	}

	schemas := jobj{}
	root := m.jsonSchema(ref, false)
	schemas.set(rootName, root)
	for _, d := range m.Defs {
		if !d.Label {
			schemas.set(d.Name, m.defSchema(d, ref))
		}
	}
	schemas.set("Antragsstatus", jobj{
		{"title", "Antragsstatus"},
		{"type", "object"},
		{"properties", jobj{
			{"antragId", jobj{{"type", "string"}, {"format", "uuid"}}},
			{"status", jobj{{"type", "string"}, {"enum", []string{"eingegangen", "inBearbeitung", "abgeschlossen", "abgelehnt"}}}},
			{"aktualisiertAm", jobj{{"type", "string"}, {"format", "date-time"}}},
			{"hinweis", jobj{{"type", "string"}}},
		}},
		{"required", []string{"antragId", "status", "aktualisiertAm"}},
		{"additionalProperties", false},
	})
	schemas.set("Problem", jobj{
		{"title", "Fehlerbeschreibung nach RFC 9457"},
		{"type", "object"},
		{"properties", jobj{
			{"type", jobj{{"type", "string"}, {"format", "uri-reference"}}},
			{"title", jobj{{"type", "string"}}},
			{"status", jobj{{"type", "integer"}}},
			{"detail", jobj{{"type", "string"}}},
			{"instance", jobj{{"type", "string"}, {"format", "uri-reference"}}},
		}},
	})

	version := m.Version
	if version == "" {
		version = "0"
	}
	info := jobj{{"title", m.Title}, {"version", version}}
	desc := "Einreichen von Anträgen nach " + kindWord(m.doc.Kind) + " " + m.doc.Root().Identifier.String() + " und Abruf ihres Status."
	if m.Description != "" {
		desc += "\n\n" + m.Description
	}
	info.set("description", desc)
	doc := jobj{
		{"openapi", "3.1.0"},
		{"info", info},
		{"tags", []any{jobj{{"name", "Antrag"}, {"description", m.Title}}}},
		{"paths", jobj{
			{"/antraege", jobj{{"post", submit}}},
			{"/antraege/{antragId}/status", jobj{{"get", status}}},
		}},
		{"components", jobj{{"schemas", schemas}}},
	}
	writeJSON(b, doc, 0)
	b.WriteByte('\n')
	return nil
}

// openapiRootName is the component name of the request body: the schema
// id, or id + "Antrag" when the message's root is itself a group or field
// (whose component already has that name).
func (m *model) openapiRootName() string {
	for _, d := range m.Defs {
		if d.Name == m.ID {
			return m.ID + "Antrag"
		}
	}
	return m.ID
}
