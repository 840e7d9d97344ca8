package xoev

import (
	"context"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing/fstest"

	"github.com/lestrrat-go/helium"
	hxsd "github.com/lestrrat-go/helium/xsd"

	"github.com/ozgctl/ozgctl/internal/membudget"
	"github.com/ozgctl/ozgctl/internal/xmlmsg"
	"github.com/ozgctl/ozgctl/pkg/finding"
)

// heliumSchema is the fallback engine for schema sets jacoelho cannot
// compile (none of the corpus sets; xdomea 3.0.0 was one until the carried
// copy accepted an element whose type derives from its container). helium
// builds a whole tree per message, so it is slower and needs far more memory; it
// only ever sees an in-memory file system holding the set's documents,
// with every schemaLocation rewritten to its resolved document: it cannot
// read anything else.
type heliumSchema struct {
	schema *hxsd.Schema
	names  map[string]string // virtual name → original path, for messages
}

func (s *SchemaSet) compileHelium(ctx context.Context) error {
	h, err := s.heliumCompile(ctx)
	if err != nil {
		return err
	}
	s.hel = h
	s.Engine = EngineHelium
	return nil
}

// heliumCompile compiles the set with helium: for validation (the
// fallback engine) or for its component model (the code-type index).
func (s *SchemaSet) heliumCompile(ctx context.Context) (*heliumSchema, error) {
	fsys := fstest.MapFS{}
	index := map[string]int{}
	for i, d := range s.Docs {
		index[d.Path] = i
	}
	// helium, like libxml2, honours only the first import of a namespace.
	// Where a set imports several documents of one namespace, every such
	// import is pointed at a wrapper document that includes them all.
	imported := map[string][]string{} // namespace → imported document paths
	for _, d := range s.Docs {
		for _, r := range d.refs {
			if r.kind == "import" && r.resolved != "" {
				ns := r.namespace
				if !slices.Contains(imported[ns], r.resolved) {
					imported[ns] = append(imported[ns], r.resolved)
				}
			}
		}
	}
	wrapper := map[string]string{} // namespace → wrapper file name
	for ns, paths := range imported {
		if len(paths) < 2 {
			continue
		}
		name := fmt.Sprintf("w%d.xsd", len(wrapper))
		var b strings.Builder
		fmt.Fprintf(&b, "<xs:schema xmlns:xs=%q targetNamespace=%q>\n", xsdNS, ns)
		for _, p := range paths {
			fmt.Fprintf(&b, "<xs:include schemaLocation=\"%d.xsd\"/>\n", index[p])
		}
		b.WriteString("</xs:schema>\n")
		fsys["s/"+name] = &fstest.MapFile{Data: []byte(b.String())}
		wrapper[ns] = name
	}
	names := map[string]string{}
	for i, d := range s.Docs {
		data := d.bytes()
		for _, r := range d.refs {
			if r.resolved == "" {
				continue
			}
			target := fmt.Sprintf("%d.xsd", index[r.resolved])
			if w, ok := wrapper[r.namespace]; ok && r.kind == "import" {
				target = w
			}
			re := regexp.MustCompile(`schemaLocation\s*=\s*(["'])` + regexp.QuoteMeta(r.location) + `["']`)
			data = re.ReplaceAll(data, []byte(`schemaLocation="`+target+`"`))
		}
		name := fmt.Sprintf("s/%d.xsd", i)
		fsys[name] = &fstest.MapFile{Data: data}
		names[name] = d.Path
	}
	var errs collector
	mainDoc, err := helium.NewParser().BlockXXE(true).LoadExternalDTD(false).AllowNetwork(false).FS(fsys).
		BaseURI("s/0.xsd").Parse(ctx, fsys["s/0.xsd"].Data)
	if err != nil {
		return nil, fmt.Errorf("helium: parse %s: %w", s.Path, err)
	}
	sch, err := hxsd.NewCompiler().FS(fsys).BaseDir("s").ErrorHandler(&errs).Label(s.Path).Compile(ctx, mainDoc)
	if err != nil {
		if e := errs.first(); e != nil {
			return nil, fmt.Errorf("helium: %w", e)
		}
		return nil, fmt.Errorf("helium: %w", err)
	}
	return &heliumSchema{schema: sch, names: names}, nil
}

// collector gathers the errors an ErrorHandler receives.
type collector struct {
	mu   sync.Mutex
	errs []error
}

func (c *collector) Handle(_ context.Context, err error) {
	c.mu.Lock()
	c.errs = append(c.errs, err)
	c.mu.Unlock()
}

func (c *collector) first() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, e := range c.errs {
		if isHeliumError(e) {
			return e
		}
	}
	return nil
}

func isHeliumError(e error) bool {
	var lv helium.ErrorLeveler
	if errors.As(e, &lv) {
		return lv.ErrorLevel() >= helium.ErrorLevelError
	}
	var ve *hxsd.ValidationError
	return errors.As(e, &ve)
}

func (h *heliumSchema) validate(ctx context.Context, name string, r io.Reader, lim Limits) ([]finding.Finding, error) {
	data, err := io.ReadAll(r) // helium builds a tree anyway; the size sets its budget
	if err != nil {
		return nil, err
	}
	release, err := membudget.AcquireTree(ctx, int64(len(data)))
	if err != nil {
		return nil, err
	}
	defer release()
	doc, err := lim.HeliumParser().FS(fstest.MapFS{}).Parse(ctx, data)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return []finding.Finding{xmlmsg.HeliumFinding(err, lim)}, nil
	}
	var errs collector
	verr := hxsd.NewValidator(h.schema).ErrorHandler(&errs).Label(name).Validate(ctx, doc)
	var out []finding.Finding
	for _, e := range errs.errs {
		f := finding.Finding{Rule: "xsd:invalid", Severity: finding.Warning, Source: "xsd", Msg: msgXSDOther.With(firstLine(e.Error()))}
		var ve *hxsd.ValidationError
		if errors.As(e, &ve) {
			f.Severity, f.Line, f.Msg = finding.Error, ve.Line, heliumMessage(ve.Message)
			f.Rule = heliumRule(ve.Message)
			if ve.Element != "" {
				f.Path = ve.Element
			}
			if ve.AttributeName != "" {
				f.Rule = "xsd:attribute"
			}
		} else if isHeliumError(e) {
			f.Severity = finding.Error
		}
		out = append(out, f)
	}
	if verr != nil && len(out) == 0 {
		out = append(out, finding.Finding{Rule: "xsd:invalid", Severity: finding.Error, Source: "xsd", Msg: msgXSDOther.With(firstLine(verr.Error()))})
	}
	return out, nil
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}

// heliumRule maps helium's libxml2-style messages onto the rule ids that
// jacoelho findings use, so that reports read the same whichever engine
// validated.
func heliumRule(msg string) string {
	m := strings.ToLower(msg)
	switch {
	case strings.Contains(m, "[facet "):
		return "xsd:facet"
	case strings.Contains(m, "idref"), strings.Contains(m, "is not a valid value of the"), strings.Contains(m, "is not a valid value"):
		return "xsd:type"
	case strings.Contains(m, "missing child element"):
		return "xsd:content"
	case strings.Contains(m, "this element is not expected"), strings.Contains(m, "element is not expected"):
		return "xsd:element"
	case strings.Contains(m, "no matching global declaration"):
		return "xsd:root"
	case strings.Contains(m, "attribute"):
		return "xsd:attribute"
	case strings.Contains(m, "character content"), strings.Contains(m, "text"):
		return "xsd:text"
	case strings.Contains(m, "duplicate key"), strings.Contains(m, "not unique"):
		return "xsd:identity"
	}
	return "xsd:invalid"
}
