package xprozess

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/ozgctl/ozgctl/pkg/bpmn"
	fimconvert "github.com/ozgctl/ozgctl/pkg/fim/convert"
)

// OpenAPIOptions tune [OpenAPI].
type OpenAPIOptions struct {
	// Forms resolves the trigger forms; nil leaves them unresolved.
	Forms *FormIndex
	// BaseURI is the base of the form schemas' $id, as for fim convert
	// (default fimconvert.DefaultBaseURI).
	BaseURI string
	// Title overrides the API title.
	Title string
}

// OpenAPI writes an OpenAPI 3.1 skeleton of the exchanges of a process:
// one operation per form submission (the Steckbrief's ausloeser forms),
// one per message flow that crosses a pool boundary, and callbacks for the
// replies (message flows back to the pool that sent the request). Request
// bodies of resolved forms reference the schemas that "fim convert --to
// openapi" generates for the form (copied into components, with the JSON
// Schema $id of "fim convert --to jsonschema" noted as x-fim-schema-id).
// p may be nil for a plain BPMN model; def may be nil for a process
// without model. Deterministic.
func OpenAPI(def *bpmn.Definitions, p *Prozess, opts OpenAPIOptions) ([]byte, error) {
	if opts.BaseURI == "" {
		opts.BaseURI = fimconvert.DefaultBaseURI
	}
	g := &oapi{def: def, opts: opts, paths: map[string]any{}, schemas: map[string]any{}, opIDs: map[string]bool{}}
	title := opts.Title
	version := "1.0.0"
	desc := "Skelett der Schnittstellen des Prozesses: Formulareingänge und Nachrichten über Pool-Grenzen, erzeugt von ozgctl aus dem Prozessmodell."
	if p != nil {
		title = firstNonEmpty(title, p.Name, p.ID)
		if p.Version != "" {
			version = p.Version
		}
		desc += " Prozess " + p.ID + "."
	}
	if def != nil && title == "" {
		title = firstNonEmpty(def.Name, func() string {
			for _, pr := range def.Processes {
				if pr.Name != "" {
					return pr.Name
				}
			}
			return ""
		}(), def.ID)
	}
	if title == "" {
		title = "Prozess"
	}
	g.schemas["Nachricht"] = map[string]any{
		"title":                "Nachricht (Inhalt nicht modelliert)",
		"description":          "Der Inhalt dieser Nachricht ist im Prozessmodell nicht beschrieben.",
		"type":                 "object",
		"additionalProperties": true,
	}
	g.schemas["Eingangsbestaetigung"] = map[string]any{
		"type":     "object",
		"required": []string{"vorgangId"},
		"properties": map[string]any{
			"vorgangId":   map[string]any{"type": "string"},
			"eingegangen": map[string]any{"type": "string", "format": "date-time"},
		},
	}
	// form submissions
	triggerRef := ""
	if p != nil {
		var links []FormLink
		if opts.Forms != nil {
			links = opts.Forms.Resolve(p)
		} else {
			links = (*FormIndex)(nil).Resolve(p)
		}
		seen := map[string]bool{}
		if p.Steckbrief != nil {
			for _, a := range p.Steckbrief.Ausloeser {
				id := a.ID()
				if id == "" || seen[id] {
					continue
				}
				seen[id] = true
				var link FormLink
				for _, l := range links {
					if l.Ref.ID() == id {
						link = l
						break
					}
				}
				ref, err := g.formSchema(id, link)
				if err != nil {
					return nil, err
				}
				if triggerRef == "" {
					triggerRef = ref
				}
				op := g.operation("antragEinreichen_"+slug(id), "Antrag einreichen ("+id+")",
					"Nimmt das Formular "+id+" entgegen, das den Prozess auslöst (Prozesssteckbrief, Auslöser).", ref, "Antrag")
				g.paths["/antraege/"+slug(id)] = map[string]any{"post": op}
			}
		}
	}
	// message flows across pools
	if def != nil {
		poolOf := func(id string) *bpmn.Participant {
			switch v := def.Lookup(id).(type) {
			case *bpmn.Participant:
				return v
			case *bpmn.Node:
				for _, part := range def.Participants() {
					if part.ProcessRef == v.Process {
						return part
					}
				}
			}
			return nil
		}
		name := func(id string) string {
			switch v := def.Lookup(id).(type) {
			case *bpmn.Participant:
				return oneLine(firstNonEmpty(v.Name, v.ID))
			case *bpmn.Node:
				return oneLine(firstNonEmpty(v.Name, v.ID))
			}
			return id
		}
		flows := def.MessageFlows()
		for _, m := range flows {
			a, b := poolOf(m.Source), poolOf(m.Target)
			if a == nil || b == nil || a == b {
				continue
			}
			ref := "#/components/schemas/Nachricht"
			if n, ok := def.Lookup(m.Target).(*bpmn.Node); ok && n.Kind == "startEvent" && triggerRef != "" {
				ref = triggerRef
			}
			summary := fmt.Sprintf("%s → %s", oneLine(firstNonEmpty(a.Name, a.ID)), oneLine(firstNonEmpty(b.Name, b.ID)))
			if m.Name != "" {
				summary += ": " + oneLine(m.Name)
			}
			descr := fmt.Sprintf("Nachrichtenfluss %s von „%s“ (%s) an „%s“ (%s).", m.ID, name(m.Source), oneLine(firstNonEmpty(a.Name, a.ID)), name(m.Target), oneLine(firstNonEmpty(b.Name, b.ID)))
			op := g.operation("nachricht_"+slug(m.ID), summary, descr, ref, oneLine(firstNonEmpty(b.Name, b.ID)))
			op["x-bpmn-message-flow"] = m.ID
			// replies: flows from the receiving pool back to the sender
			callbacks := map[string]any{}
			for _, r := range flows {
				if poolOf(r.Source) == b && poolOf(r.Target) == a && r.ID != m.ID {
					cb := g.operation("antwort_"+slug(m.ID)+"_"+slug(r.ID), "Antwort: "+oneLine(firstNonEmpty(r.Name, r.ID)),
						fmt.Sprintf("Nachrichtenfluss %s von „%s“ an „%s“.", r.ID, name(r.Source), name(r.Target)), "#/components/schemas/Nachricht", "")
					delete(cb, "tags")
					callbacks[slug(r.ID)] = map[string]any{"{$request.query.rueckkanal}": map[string]any{"post": cb}}
				}
			}
			if len(callbacks) > 0 {
				op["callbacks"] = callbacks
				op["parameters"] = []any{map[string]any{"name": "rueckkanal", "in": "query", "required": false,
					"description": "URL, an die Antworten (Callbacks) gesendet werden.", "schema": map[string]any{"type": "string", "format": "uri"}}}
			}
			g.paths["/nachrichten/"+slug(m.ID)] = map[string]any{"post": op}
		}
	}
	doc := map[string]any{
		"openapi": "3.1.0",
		"info":    map[string]any{"title": title, "version": version, "description": desc},
		"paths":   g.paths,
		"components": map[string]any{"schemas": g.schemas, "responses": map[string]any{
			"Eingang": map[string]any{"description": "Nachricht angenommen",
				"content": map[string]any{"application/json": map[string]any{"schema": map[string]any{"$ref": "#/components/schemas/Eingangsbestaetigung"}}}},
			"Fehler": map[string]any{"description": "Die Nachricht entspricht nicht dem Schema"},
		}},
	}
	b, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

type oapi struct {
	def     *bpmn.Definitions
	opts    OpenAPIOptions
	paths   map[string]any
	schemas map[string]any
	opIDs   map[string]bool
}

func (g *oapi) operation(opID, summary, descr, ref, tag string) map[string]any {
	id := opID
	for i := 2; g.opIDs[id]; i++ {
		id = fmt.Sprintf("%s_%d", opID, i)
	}
	g.opIDs[id] = true
	op := map[string]any{
		"operationId": id,
		"summary":     summary,
		"description": descr,
		"requestBody": map[string]any{"required": true, "content": map[string]any{"application/json": map[string]any{"schema": map[string]any{"$ref": ref}}}},
		"responses": map[string]any{
			"202": map[string]any{"$ref": "#/components/responses/Eingang"},
			"400": map[string]any{"$ref": "#/components/responses/Fehler"},
		},
	}
	if tag != "" {
		op["tags"] = []string{tag}
	}
	return op
}

// formSchema adds the schemas of a form to components and returns the
// $ref of its root; an unresolved form gets a placeholder naming the
// schema id expected.
func (g *oapi) formSchema(id string, l FormLink) (string, error) {
	if l.Status != FormFound {
		name := "Formular_" + slug(id)
		schemaID := SchemaIDFor(id)
		g.schemas[name] = map[string]any{
			"title":                "Formular " + id,
			"description":          fmt.Sprintf("Das Datenschema %s wurde nicht gefunden (--forms); das JSON Schema erzeugt \"ozgctl fim convert --to jsonschema\".", schemaID),
			"type":                 "object",
			"additionalProperties": true,
		}
		return "#/components/schemas/" + name, nil
	}
	c, err := fimconvert.New(l.Form.Doc, fimconvert.Options{BaseURI: g.opts.BaseURI})
	if err != nil {
		return "", fmt.Errorf("form %s: %w", id, err)
	}
	out, err := c.Convert("openapi")
	if err != nil {
		return "", fmt.Errorf("form %s: %w", id, err)
	}
	var fo struct {
		Paths      map[string]map[string]json.RawMessage `json:"paths"`
		Components struct {
			Schemas map[string]any `json:"schemas"`
		} `json:"components"`
	}
	if err := json.Unmarshal(out, &fo); err != nil {
		return "", fmt.Errorf("form %s: %w", id, err)
	}
	js, err := c.Convert("jsonschema")
	if err != nil {
		return "", fmt.Errorf("form %s: %w", id, err)
	}
	var jsID struct {
		ID string `json:"$id"`
	}
	_ = json.Unmarshal(js, &jsID)
	ref := ""
	for _, path := range sortedKeys(fo.Paths) {
		raw, ok := fo.Paths[path]["post"]
		if !ok {
			continue
		}
		var op struct {
			RequestBody struct {
				Content map[string]struct {
					Schema struct {
						Ref string `json:"$ref"`
					} `json:"schema"`
				} `json:"content"`
			} `json:"requestBody"`
		}
		if json.Unmarshal(raw, &op) == nil {
			if r := op.RequestBody.Content["application/json"].Schema.Ref; r != "" {
				ref = r
				break
			}
		}
	}
	if ref == "" {
		return "", fmt.Errorf("form %s: no request body in the generated OpenAPI", id)
	}
	for name, s := range fo.Components.Schemas {
		if _, dup := g.schemas[name]; !dup {
			g.schemas[name] = s
		}
	}
	root := strings.TrimPrefix(ref, "#/components/schemas/")
	if m, ok := g.schemas[root].(map[string]any); ok && jsID.ID != "" {
		m["x-fim-schema-id"] = jsID.ID
		m["x-fim-formular-id"] = id
	}
	return ref, nil
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// slug makes an id usable in a path and an operationId.
func slug(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < 128 && (r == '_' || r == '-' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
	}
	out := strings.Trim(b.String(), "_-")
	if out == "" {
		return "x"
	}
	return out
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}
