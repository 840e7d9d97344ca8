package kosit

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/lestrrat-go/helium/xpath3"

	"github.com/ozgctl/ozgctl/pkg/finding"
	"github.com/ozgctl/ozgctl/pkg/schematron"
	"github.com/ozgctl/ozgctl/pkg/xoev"
)

// nsScenarios is the namespace of a KoSIT scenarios.xml.
const nsScenarios = "http://www.xoev.de/de/validator/framework/1/scenarios"

// nsVARL is the namespace of the KoSIT validator's report (VARL).
const nsVARL = "http://www.xoev.de/de/validator/varl/1"

// Options say where a configuration's resources are and what fills its
// placeholders.
type Options struct {
	// Properties fill the placeholders (@key@) of a source configuration.
	Properties map[string]string
	// Repository is the directory the resource locations are relative to;
	// empty means the configuration's directory.
	Repository string
	// Resources are further directories to look for resources in: first
	// at the location below each, then for a file of the same base name
	// anywhere below it (the first directory with a hit wins).
	Resources []string
	// Schema holds the catalogs and limits the XML Schemas are loaded with.
	Schema xoev.LoadOptions
}

// Config is a loaded configuration: its scenarios with compiled XPath
// expressions, schema sets and Schematron rules, read-only and shared by
// the workers.
type Config struct {
	// File is the scenarios.xml read.
	File string
	// Name is the configuration's name.
	Name string
	// Scenarios are the scenarios in the order the file gives them.
	Scenarios []*Scenario
}

// Scenario is one scenario of a configuration.
type Scenario struct {
	// Name is the scenario's name, whitespace collapsed.
	Name string
	// Namespaces map the prefixes of Match and AcceptMatch to URIs.
	Namespaces map[string]string
	// Match is the XPath that selects the scenario for a message;
	// AcceptMatch, if not empty, the XPath on the report that accepts it.
	Match       string
	AcceptMatch string
	// Schemas are the XML Schema resources, Schematron the Schematron
	// resources in the order they run.
	Schemas    []Resource
	Schematron []Resource
	// CustomLevels maps a message code (a Schematron assert id) to the
	// level the configuration gives it: error, warning or information.
	CustomLevels map[string]string

	xml         string
	match       *xpath3.Expression
	acceptMatch *xpath3.Expression
	schemaSets  []*xoev.SchemaSet
	rules       []*schematron.Rules
}

// Resource is a file a scenario names: Name and Location as written in
// the configuration, Path the file ozgctl uses for it (for a compiled
// Schematron .xsl its .sch source).
type Resource struct {
	Name     string
	Location string
	Path     string
}

// ConfigError says what is wrong with a configuration and, in Hint, what
// to pass or change.
type ConfigError struct {
	// File is the scenarios.xml concerned.
	File string
	// Scenario is the scenario concerned, if any.
	Scenario string
	// Msg says what is wrong, Hint what to do, Err is the cause, if any.
	Msg  string
	Hint string
	Err  error
}

// Error implements error.
func (e *ConfigError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Scenario != "" {
		fmt.Fprintf(&b, ": scenario %q", e.Scenario)
	}
	b.WriteString(": " + e.Msg)
	if e.Err != nil {
		b.WriteString(": " + e.Err.Error())
	}
	return b.String()
}

// Unwrap returns the underlying error.
func (e *ConfigError) Unwrap() error { return e.Err }

type xmlResource struct {
	Name     string `xml:"name"`
	Location string `xml:"location"`
}

type xmlScenario struct {
	Name        string `xml:"name"`
	Description *struct {
		Inner string `xml:",innerxml"`
	} `xml:"description"`
	Namespaces []struct {
		Prefix string `xml:"prefix,attr"`
		URI    string `xml:",chardata"`
	} `xml:"namespace"`
	Match     string `xml:"match"`
	XMLSchema struct {
		Resources []xmlResource `xml:"resource"`
	} `xml:"validateWithXmlSchema"`
	Schematron []struct {
		Resource xmlResource `xml:"resource"`
	} `xml:"validateWithSchematron"`
	CreateReport *struct {
		Resource     xmlResource `xml:"resource"`
		CustomLevels []struct {
			Level string `xml:"level,attr"`
			Codes string `xml:",chardata"`
		} `xml:"customLevel"`
	} `xml:"createReport"`
	AcceptMatch *string `xml:"acceptMatch"`
}

type xmlScenarios struct {
	XMLName   xml.Name
	Name      string        `xml:"name"`
	Scenarios []xmlScenario `xml:"scenario"`
}

// Load reads the configuration at path (a scenarios.xml, or a directory
// holding one), fills its placeholders, resolves and loads its schemas
// and Schematron rules and compiles its XPath expressions. Errors are
// [*ConfigError]s naming the file, the scenario and what to pass.
func Load(ctx context.Context, path string, opts Options) (*Config, error) {
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		path = filepath.Join(path, "scenarios.xml")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &ConfigError{File: path, Msg: "read configuration", Err: err,
			Hint: "give the directory of a KoSIT validator configuration or its scenarios.xml"}
	}
	data = substitute(data, opts.Properties)
	var doc xmlScenarios
	if err := xml.Unmarshal(data, &doc); err != nil {
		return nil, &ConfigError{File: path, Msg: "not a well-formed scenarios.xml", Err: err}
	}
	if doc.XMLName.Space != nsScenarios || doc.XMLName.Local != "scenarios" {
		return nil, &ConfigError{File: path, Msg: fmt.Sprintf("root element is {%s}%s, want {%s}scenarios", doc.XMLName.Space, doc.XMLName.Local, nsScenarios),
			Hint: "give a KoSIT validator configuration (scenarios.xml)"}
	}
	if len(doc.Scenarios) == 0 {
		return nil, &ConfigError{File: path, Msg: "the configuration has no scenario"}
	}
	repo := opts.Repository
	if repo == "" {
		repo = filepath.Dir(path)
	}
	r := &resolver{repo: repo, dirs: opts.Resources, index: map[string]map[string][]string{}}
	cfg := &Config{File: path, Name: strings.TrimSpace(doc.Name)}
	// Resolve every resource first (cheap, and its errors are the
	// likeliest), then load each distinct file once, in parallel.
	type job struct {
		path, scenario string
		sch            bool
		set            *xoev.SchemaSet
		rules          *schematron.Rules
		err            error
	}
	jobs := map[string]*job{}
	var order []*job
	for i := range doc.Scenarios {
		s, err := buildScenario(path, &doc.Scenarios[i], i)
		if err != nil {
			return nil, err
		}
		for j := range s.Schemas {
			res := &s.Schemas[j]
			if res.Path, err = r.find(res.Location, false); err != nil {
				return nil, resourceError(path, s.Name, "XML Schema", res.Location, false, r, err)
			}
			if jobs["xsd|"+res.Path] == nil {
				jobs["xsd|"+res.Path] = &job{path: res.Path, scenario: s.Name}
				order = append(order, jobs["xsd|"+res.Path])
			}
		}
		for j := range s.Schematron {
			res := &s.Schematron[j]
			if res.Path, err = r.find(res.Location, true); err != nil {
				return nil, resourceError(path, s.Name, "Schematron", res.Location, true, r, err)
			}
			if jobs["sch|"+res.Path] == nil {
				jobs["sch|"+res.Path] = &job{path: res.Path, scenario: s.Name, sch: true}
				order = append(order, jobs["sch|"+res.Path])
			}
		}
		cfg.Scenarios = append(cfg.Scenarios, s)
	}
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for _, j := range order {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			if j.sch {
				j.rules, j.err = schematron.Compile(j.path, schematron.Options{})
			} else {
				j.set, j.err = xoev.LoadSchemaSet(ctx, j.path, opts.Schema)
			}
		}()
	}
	wg.Wait()
	for _, j := range order {
		if j.err != nil {
			what := "load XML Schema "
			if j.sch {
				what = "compile Schematron "
			}
			return nil, &ConfigError{File: path, Scenario: j.scenario, Msg: what + j.path, Err: j.err}
		}
	}
	for _, s := range cfg.Scenarios {
		for _, res := range s.Schemas {
			s.schemaSets = append(s.schemaSets, jobs["xsd|"+res.Path].set)
		}
		for _, res := range s.Schematron {
			s.rules = append(s.rules, jobs["sch|"+res.Path].rules)
		}
	}
	return cfg, nil
}

func buildScenario(file string, x *xmlScenario, i int) (*Scenario, error) {
	s := &Scenario{Name: strings.Join(strings.Fields(x.Name), " "), Namespaces: map[string]string{},
		Match: strings.TrimSpace(x.Match), CustomLevels: map[string]string{}}
	if s.Name == "" {
		s.Name = fmt.Sprintf("#%d", i+1)
	}
	bad := func(format string, args ...any) error {
		return &ConfigError{File: file, Scenario: s.Name, Msg: fmt.Sprintf(format, args...)}
	}
	for _, ns := range x.Namespaces {
		s.Namespaces[ns.Prefix] = strings.TrimSpace(ns.URI)
	}
	if x.AcceptMatch != nil {
		s.AcceptMatch = strings.TrimSpace(*x.AcceptMatch)
	}
	for _, r := range x.XMLSchema.Resources {
		s.Schemas = append(s.Schemas, Resource{Name: strings.Join(strings.Fields(r.Name), " "), Location: strings.TrimSpace(r.Location)})
	}
	for _, v := range x.Schematron {
		s.Schematron = append(s.Schematron, Resource{Name: strings.Join(strings.Fields(v.Resource.Name), " "), Location: strings.TrimSpace(v.Resource.Location)})
	}
	if x.CreateReport != nil {
		for _, cl := range x.CreateReport.CustomLevels {
			lvl := strings.TrimSpace(cl.Level)
			if !slices.Contains([]string{"error", "warning", "information"}, lvl) {
				return nil, bad("customLevel level %q: want error, warning or information", cl.Level)
			}
			for _, code := range strings.Fields(cl.Codes) {
				s.CustomLevels[code] = lvl
			}
		}
	}
	// A placeholder left in what decides the verdict would silently
	// change it: refuse, and say which property is missing.
	check := func(what, v string) error {
		if m := placeholder.Get().FindStringSubmatch(v); m != nil {
			return &ConfigError{File: file, Scenario: s.Name, Msg: fmt.Sprintf("%s holds the placeholder %s of a source configuration", what, m[0]),
				Hint: fmt.Sprintf("pass --kosit-property %s=VALUE or --kosit-properties FILE (the build properties), or use the built configuration", m[1])}
		}
		return nil
	}
	if s.Match == "" {
		return nil, bad("match is empty")
	}
	if len(s.Schemas) == 0 {
		return nil, bad("validateWithXmlSchema names no resource")
	}
	fields := [][2]string{{"match", s.Match}, {"acceptMatch", s.AcceptMatch}}
	for _, r := range append(slices.Clone(s.Schemas), s.Schematron...) {
		fields = append(fields, [2]string{"resource location", r.Location})
	}
	for code := range s.CustomLevels {
		fields = append(fields, [2]string{"customLevel", code})
	}
	for p, u := range s.Namespaces {
		fields = append(fields, [2]string{"namespace " + p, u})
	}
	for _, f := range fields {
		if err := check(f[0], f[1]); err != nil {
			return nil, err
		}
	}
	var err error
	if s.match, err = compileXPath(s.Match, s.Namespaces); err != nil {
		return nil, &ConfigError{File: file, Scenario: s.Name, Msg: fmt.Sprintf("match %q", s.Match), Err: err}
	}
	if s.AcceptMatch != "" {
		if s.acceptMatch, err = compileXPath(s.AcceptMatch, s.Namespaces); err != nil {
			return nil, &ConfigError{File: file, Scenario: s.Name, Msg: fmt.Sprintf("acceptMatch %q", s.AcceptMatch), Err: err}
		}
	}
	s.xml = scenarioXML(x, s)
	return s, nil
}

func compileXPath(src string, ns map[string]string) (*xpath3.Expression, error) {
	e, err := xpath3.NewCompiler().Compile(src)
	if err != nil {
		return nil, err
	}
	if err := e.Validate(ns); err != nil {
		return nil, err
	}
	return e, nil
}

// scenarioXML writes the scenario as the s:scenario element a VARL report
// copies (namespace-qualified with the prefix s, as KoSIT's report does).
func scenarioXML(x *xmlScenario, s *Scenario) string {
	var b bytes.Buffer
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	text := func(v string) string {
		var t bytes.Buffer
		_ = xmlEscape(&t, v)
		return t.String()
	}
	w(`<s:scenario xmlns:s="%s">`, nsScenarios)
	w(`<s:name>%s</s:name>`, text(s.Name))
	if x.Description != nil {
		var ps []string
		dec := xml.NewDecoder(strings.NewReader("<d>" + x.Description.Inner + "</d>"))
		var cur *strings.Builder
		for {
			tok, err := dec.Token()
			if err != nil {
				break
			}
			switch t := tok.(type) {
			case xml.StartElement:
				if t.Name.Local == "p" || t.Name.Local == "li" {
					cur = &strings.Builder{}
				}
			case xml.CharData:
				if cur != nil {
					cur.Write(t)
				}
			case xml.EndElement:
				if cur != nil && (t.Name.Local == "p" || t.Name.Local == "li") {
					ps = append(ps, strings.Join(strings.Fields(cur.String()), " "))
					cur = nil
				}
			}
		}
		if len(ps) > 0 {
			w(`<s:description>`)
			for _, p := range ps {
				w(`<s:p>%s</s:p>`, text(p))
			}
			w(`</s:description>`)
		}
	}
	for _, ns := range x.Namespaces {
		w(`<s:namespace prefix="%s">%s</s:namespace>`, text(ns.Prefix), text(strings.TrimSpace(ns.URI)))
	}
	w(`<s:match>%s</s:match>`, text(s.Match))
	res := func(r Resource) {
		w(`<s:resource><s:name>%s</s:name><s:location>%s</s:location></s:resource>`, text(r.Name), text(r.Location))
	}
	w(`<s:validateWithXmlSchema>`)
	for _, r := range s.Schemas {
		res(r)
	}
	w(`</s:validateWithXmlSchema>`)
	for _, r := range s.Schematron {
		w(`<s:validateWithSchematron>`)
		res(r)
		w(`</s:validateWithSchematron>`)
	}
	if x.CreateReport != nil {
		w(`<s:createReport>`)
		res(Resource{Name: strings.Join(strings.Fields(x.CreateReport.Resource.Name), " "), Location: strings.TrimSpace(x.CreateReport.Resource.Location)})
		for _, cl := range x.CreateReport.CustomLevels {
			w(`<s:customLevel level="%s">%s</s:customLevel>`, text(strings.TrimSpace(cl.Level)), text(strings.Join(strings.Fields(cl.Codes), " ")))
		}
		w(`</s:createReport>`)
	}
	if s.AcceptMatch != "" {
		w(`<s:acceptMatch>%s</s:acceptMatch>`, text(s.AcceptMatch))
	}
	w(`</s:scenario>`)
	return b.String()
}

func xmlEscape(w io.Writer, s string) error { return xml.EscapeText(w, []byte(s)) }

// resolver finds resource files: at the location below the repository or
// a resource directory, else by base name below a resource directory.
type resolver struct {
	repo  string
	dirs  []string
	index map[string]map[string][]string // dir → base name → paths
}

// errNotFound says that a resource is in none of the places searched.
var errNotFound = errors.New("not found")

func (r *resolver) find(loc string, schematron bool) (string, error) {
	if strings.Contains(loc, "://") {
		return "", fmt.Errorf("%q is a URL: ozgctl reads local files only", loc)
	}
	rel := filepath.FromSlash(loc)
	names := []string{rel}
	if schematron {
		if ext := path.Ext(loc); ext == ".xsl" || ext == ".xslt" {
			names = []string{strings.TrimSuffix(rel, ext) + ".sch"}
		}
	}
	roots := append([]string{r.repo}, r.dirs...)
	for _, root := range roots {
		for _, n := range names {
			p := n
			if !filepath.IsAbs(n) {
				p = filepath.Join(root, n)
			}
			if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
				return p, nil
			}
		}
	}
	base := filepath.Base(names[0])
	for _, d := range r.dirs {
		hits := r.byName(d)[base]
		switch len(hits) {
		case 0:
			continue
		case 1:
			return hits[0], nil
		default:
			return "", fmt.Errorf("%s is found more than once below %s: %s", base, d, strings.Join(hits, ", "))
		}
	}
	return "", errNotFound
}

func (r *resolver) byName(dir string) map[string][]string {
	if m, ok := r.index[dir]; ok {
		return m
	}
	m := map[string][]string{}
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			m[d.Name()] = append(m[d.Name()], p)
		}
		return nil
	})
	r.index[dir] = m
	return m
}

func resourceError(file, scenario, kind, loc string, sch bool, r *resolver, err error) error {
	where := filepath.Join(r.repo, filepath.FromSlash(loc))
	if len(r.dirs) > 0 {
		where += " nor below " + strings.Join(r.dirs, ", ")
	}
	base := path.Base(loc)
	if !errors.Is(err, errNotFound) {
		return &ConfigError{File: file, Scenario: scenario, Msg: fmt.Sprintf("%s resource %q", kind, loc), Err: err,
			Hint: "pass the more specific directory first with --kosit-resources DIR"}
	}
	if ext := path.Ext(loc); sch && (ext == ".xsl" || ext == ".xslt") {
		src := strings.TrimSuffix(base, ext) + ".sch"
		return &ConfigError{File: file, Scenario: scenario,
			Msg:  fmt.Sprintf("%s resource %q: ozgctl runs Schematron sources, not compiled XSLT, and found no %s at %s", kind, loc, src, strings.Replace(where, base, src, 1)),
			Hint: fmt.Sprintf("pass --kosit-resources DIR with a directory that holds %s (the rules' source distribution)", src)}
	}
	return &ConfigError{File: file, Scenario: scenario,
		Msg:  fmt.Sprintf("%s resource %q not found at %s", kind, loc, where),
		Hint: fmt.Sprintf("pass --kosit-repository DIR (the directory the locations are relative to) or --kosit-resources DIR with a directory that holds %s", base)}
}

// Severity maps a KoSIT level to a finding severity.
func Severity(level string) finding.Severity {
	switch level {
	case "warning":
		return finding.Warning
	case "information":
		return finding.Info
	}
	return finding.Error
}
