package profile

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/lestrrat-go/helium"
	"github.com/lestrrat-go/helium/xpath3"
	"github.com/ozgctl/ozgctl/internal/lazy"
	"github.com/ozgctl/ozgctl/pkg/codelist"
	"github.com/ozgctl/ozgctl/pkg/finding"
	"github.com/ozgctl/ozgctl/pkg/schematron"
	"github.com/ozgctl/ozgctl/pkg/xoev"
)

// Profile is a sharpened standard version: how its messages are
// recognised, which XSD and code lists apply, which Schematron files run,
// and the declarative sharpenings on top.
type Profile struct {
	// ID names the profile in reports (Identity.Profile).
	ID          string `yaml:"id" json:"id"`
	Title       string `yaml:"title,omitempty" json:"title,omitempty"`
	Description string `yaml:"description,omitempty" json:"description,omitempty"`
	// Extends names a base profile (relative to this file) that this one
	// inherits and sharpens further; see merge for what is inherited.
	Extends string `yaml:"extends,omitempty" json:"extends,omitempty"`
	// Abstract marks a base profile that is only extended: [LoadSet]
	// never selects it for a message.
	Abstract bool `yaml:"abstract,omitempty" json:"abstract,omitempty"`
	// Standard and Version name the sharpened standard version.
	Standard string `yaml:"standard" json:"standard"`
	Version  string `yaml:"version" json:"version"`
	// Match says which messages the profile applies to: one entry, or a
	// list of alternatives (e.g. UBL Invoice and CreditNote).
	Match Matches `yaml:"match" json:"match"`
	// Namespaces are prefixes for Match.XPath, Match.Version and the
	// sharpenings' paths.
	Namespaces map[string]string `yaml:"namespaces,omitempty" json:"namespaces,omitempty"`
	Schema     *Schema           `yaml:"schema,omitempty" json:"schema,omitempty"`
	// CodeLists are directories of genericode code lists.
	CodeLists []string `yaml:"codelists,omitempty" json:"codelists,omitempty"`
	// CodeListBindings bind elements to a code list of CodeLists: their
	// values must be codes of that list (for elements that carry no
	// listURI of their own, or to pin a list the message may not choose).
	CodeListBindings []CodeListBinding `yaml:"codelistBindings,omitempty" json:"codelistBindings,omitempty"`
	Schematron       []SchematronRef   `yaml:"schematron,omitempty" json:"schematron,omitempty"`
	Sharpenings      []Sharpening      `yaml:"sharpenings,omitempty" json:"sharpenings,omitempty"`

	ruleLines map[string]rulePos // where each entry with an id is written
	matchPos  []rulePos          // where each match entry is written
	// Chain lists the files the profile was read from: File first, then
	// the bases it extends, nearest first.
	Chain []string `yaml:"-" json:"-"`
	// File is the profile file; relative paths in the profile are
	// resolved against its directory.
	File string `yaml:"-" json:"-"`
}

// Match recognises a message: its root element's namespace (required),
// optionally its local name, an XPath test on the document and an XPath
// expression giving the message's version.
type Match struct {
	Namespace string `yaml:"namespace" json:"namespace"`
	Root      string `yaml:"root,omitempty" json:"root,omitempty"`
	// XPath must be true (evaluated at the document node).
	XPath string `yaml:"xpath,omitempty" json:"xpath,omitempty"`
	// Version is an XPath expression whose string value is the message's
	// version; when several profiles match, the one whose Version equals
	// it (or is a dotted prefix of it) wins.
	Version string `yaml:"version,omitempty" json:"version,omitempty"`
}

// Matches is a list of alternative [Match] entries; YAML accepts a single
// mapping or a sequence.
type Matches []Match

// UnmarshalYAML implements yaml.Unmarshaler.
func (m *Matches) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.MappingNode {
		var one Match
		if err := n.Decode(&one); err != nil {
			return err
		}
		*m = Matches{one}
		return nil
	}
	var list []Match
	if err := n.Decode(&list); err != nil {
		return err
	}
	*m = list
	return nil
}

// Schema names the XSD and the catalogs that resolve its imports.
type Schema struct {
	XSD      string   `yaml:"xsd" json:"xsd"`
	Catalogs []string `yaml:"catalogs,omitempty" json:"catalogs,omitempty"`
}

// SchematronRef is a Schematron file with its phase and severity overrides.
type SchematronRef struct {
	File  string `yaml:"file" json:"file"`
	Phase string `yaml:"phase,omitempty" json:"phase,omitempty"`
	// Severity maps rule ids to "error", "warning" or "info".
	Severity map[string]string `yaml:"severity,omitempty" json:"severity,omitempty"`
}

// Sharpening is one declarative rule. Exactly one of Required, Forbidden,
// Cardinality, Codes, Pattern or If/Then is set; Path is the element the
// Codes and Pattern kinds constrain. Paths are XPath, relative to Context
// (an XSLT pattern, default the root element).
type Sharpening struct {
	ID       string `yaml:"id" json:"id"`
	Message  string `yaml:"message" json:"message"`
	Severity string `yaml:"severity,omitempty" json:"severity,omitempty"`
	Context  string `yaml:"context,omitempty" json:"context,omitempty"`
	// Required: this path must exist (the base XSD leaves it optional).
	Required string `yaml:"required,omitempty" json:"required,omitempty"`
	// Forbidden: this path must not exist.
	Forbidden string `yaml:"forbidden,omitempty" json:"forbidden,omitempty"`
	// Cardinality tightens the number of Path occurrences.
	Cardinality *Cardinality `yaml:"cardinality,omitempty" json:"cardinality,omitempty"`
	Path        string       `yaml:"path,omitempty" json:"path,omitempty"`
	// Codes restricts the (whitespace-normalised) values of Path.
	Codes []string `yaml:"codes,omitempty" json:"codes,omitempty"`
	// Pattern is a regular expression (XSD flavour, anchored at both
	// ends) every value of Path must match.
	Pattern string `yaml:"pattern,omitempty" json:"pattern,omitempty"`
	// If and Then: when If is true, Then must be true (XPath).
	If   string `yaml:"if,omitempty" json:"if,omitempty"`
	Then string `yaml:"then,omitempty" json:"then,omitempty"`
}

// CodeListBinding binds the values at Path (below Context) to a genericode
// code list, found by canonical URI and version in the profile's code
// list directories when the profile is compiled.
type CodeListBinding struct {
	ID       string `yaml:"id" json:"id"`
	Message  string `yaml:"message" json:"message"`
	Severity string `yaml:"severity,omitempty" json:"severity,omitempty"`
	Context  string `yaml:"context,omitempty" json:"context,omitempty"`
	Path     string `yaml:"path" json:"path"`
	List     string `yaml:"list" json:"list"`
	Version  string `yaml:"version,omitempty" json:"version,omitempty"`
}

// Cardinality is a min/max count; Max nil means unbounded.
type Cardinality struct {
	Min int  `yaml:"min" json:"min"`
	Max *int `yaml:"max,omitempty" json:"max,omitempty"`
}

// Kind returns the sharpening's kind: required, forbidden, cardinality,
// codes, pattern or if-then ("" when none or several are set).
func (s *Sharpening) Kind() string {
	var kinds []string
	if s.Required != "" {
		kinds = append(kinds, "required")
	}
	if s.Forbidden != "" {
		kinds = append(kinds, "forbidden")
	}
	if s.Cardinality != nil {
		kinds = append(kinds, "cardinality")
	}
	if len(s.Codes) > 0 {
		kinds = append(kinds, "codes")
	}
	if s.Pattern != "" {
		kinds = append(kinds, "pattern")
	}
	if s.If != "" || s.Then != "" {
		kinds = append(kinds, "if-then")
	}
	if len(kinds) != 1 {
		return ""
	}
	return kinds[0]
}

// ProfileError is a problem in a profile file.
type ProfileError struct {
	File string
	Line int
	Msg  finding.Msg
	Err  error
}

// Error implements error, in English.
func (e *ProfileError) Error() string { return e.Text("en") }

// Text returns the error in lang ("de" or "en"); the text of a wrapped
// library error stays as the library wrote it.
func (e *ProfileError) Text(lang string) string {
	return finding.ErrorText(finding.Position{File: e.File, Line: e.Line}, e.Msg.Text(lang), e.Err)
}

// Unwrap returns the underlying error.
func (e *ProfileError) Unwrap() error { return e.Err }

// Read parses a profile file and checks it against the profile JSON
// Schema (schemas/profile.schema.json). It does not read the files the
// profile names; [Compile] does.
func Read(path string) (*Profile, error) {
	p, err := readChain(path, nil)
	if err != nil {
		return nil, err
	}
	if err := p.check(); err != nil {
		return nil, err
	}
	return p, nil
}

// readChain reads a profile and, recursively, the bases it extends;
// stack holds the absolute paths of the files that extend it, for cycle
// detection.
func readChain(path string, stack []string) (*Profile, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, &ProfileError{File: path, Msg: msgCannotRead.With(), Err: err}
	}
	if i := slices.Index(stack, abs); i >= 0 {
		cycle := make([]string, 0, len(stack)-i+1)
		for _, f := range stack[i:] {
			cycle = append(cycle, filepath.Base(f))
		}
		cycle = append(cycle, filepath.Base(abs))
		return nil, &ProfileError{File: path, Msg: msgExtendsCycle.With(strings.Join(cycle, " -> ")), Err: errExtendsCycle}
	}
	p, data, err := readOne(path)
	if err != nil {
		return nil, err
	}
	p.Chain = []string{path}
	if p.Extends == "" {
		return p, nil
	}
	basePath := p.resolve(p.Extends)
	base, err := readChain(basePath, append(stack, abs))
	if err != nil {
		var pe *ProfileError
		if errors.As(err, &pe) && errors.Is(err, errExtendsCycle) {
			return nil, err
		}
		return nil, &ProfileError{File: path, Line: yamlLine(data, []string{"extends"}), Msg: msgExtends.With(p.Extends), Err: err}
	}
	return merge(base, p), nil
}

// errExtendsCycle is wrapped by the [ProfileError] of a profile that
// extends itself, directly or through other bases.
var errExtendsCycle = errors.New("a profile extends itself")

// readOne reads and decodes one profile file, without its base.
func readOne(path string) (*Profile, []byte, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, &ProfileError{File: path, Msg: msgCannotRead.With(), Err: err}
	}
	var raw any
	if err := yaml.Unmarshal(data, &raw); err != nil {
		return nil, nil, &ProfileError{File: path, Msg: msgNotYAML.With(), Err: err}
	}
	if err := validateSchema(path, data, raw); err != nil {
		return nil, nil, err
	}
	var p Profile
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&p); err != nil {
		return nil, nil, &ProfileError{File: path, Msg: msgBadProfile.With(), Err: err}
	}
	p.File = path
	for i := range p.Match {
		tok := []string{"match", fmt.Sprint(i)}
		if matchIsMapping(data) {
			tok = []string{"match"}
		}
		p.matchPos = append(p.matchPos, rulePos{file: path, line: yamlLine(data, tok)})
	}
	p.ruleLines = map[string]rulePos{}
	for id, line := range idLines(data) {
		p.ruleLines[id] = rulePos{file: path, line: line}
	}
	return &p, data, nil
}

// check validates the sharpenings and ids of a (merged) profile.
func (p *Profile) check() error {
	path := p.File
	if p.Standard == "" || p.Version == "" || len(p.Match) == 0 {
		return &ProfileError{File: path, Msg: msgMissingBasics.With()}
	}
	for i := range p.Sharpenings {
		s := &p.Sharpenings[i]
		if s.Kind() == "" {
			return &ProfileError{File: p.ruleFile(s.ID), Line: p.ruleLine(s.ID), Msg: msgOneKind.With(s.ID)}
		}
		if (s.Kind() == "codes" || s.Kind() == "pattern" || s.Kind() == "cardinality") && s.Path == "" {
			return &ProfileError{File: p.ruleFile(s.ID), Line: p.ruleLine(s.ID), Msg: msgNeedsPath.With(s.ID, s.Kind())}
		}
		if s.Kind() == "if-then" && (s.If == "" || s.Then == "") {
			return &ProfileError{File: p.ruleFile(s.ID), Line: p.ruleLine(s.ID), Msg: msgNeedsIfThen.With(s.ID)}
		}
		if s.Pattern != "" {
			if err := checkPattern(s.Pattern); err != nil {
				return &ProfileError{File: p.ruleFile(s.ID), Line: p.ruleLine(s.ID), Msg: msgBadPattern.With(s.ID, s.Pattern), Err: err}
			}
		}
		if s.Severity != "" {
			if _, err := finding.ParseSeverity(s.Severity); err != nil {
				return &ProfileError{File: p.ruleFile(s.ID), Line: p.ruleLine(s.ID), Msg: msgSharpening.With(s.ID), Err: err}
			}
		}
	}
	seen := map[string]bool{}
	ids := make([]string, 0, len(p.Sharpenings)+len(p.CodeListBindings))
	for _, s := range p.Sharpenings {
		ids = append(ids, s.ID)
	}
	for _, b := range p.CodeListBindings {
		ids = append(ids, b.ID)
		if b.Severity != "" {
			if _, err := finding.ParseSeverity(b.Severity); err != nil {
				return &ProfileError{File: path, Msg: msgBinding.With(b.ID), Err: err}
			}
		}
	}
	for _, id := range ids {
		if seen[id] {
			return &ProfileError{File: path, Msg: msgDuplicateID.With(id)}
		}
		seen[id] = true
	}
	return nil
}

// resolve makes a profile-relative path usable.
func (p *Profile) resolve(rel string) string {
	if filepath.IsAbs(rel) {
		return rel
	}
	return filepath.Join(filepath.Dir(p.File), filepath.FromSlash(rel))
}

// Files lists the files and directories the profile refers to, resolved.
func (p *Profile) Files() []string {
	var out []string
	if p.Schema != nil {
		out = append(out, p.resolve(p.Schema.XSD))
		for _, c := range p.Schema.Catalogs {
			out = append(out, p.resolve(c))
		}
	}
	for _, d := range p.CodeLists {
		out = append(out, p.resolve(d))
	}
	for _, s := range p.Schematron {
		out = append(out, p.resolve(s.File))
	}
	return out
}

func sharpeningSchematron(p *Profile, sharpenings []Sharpening) []byte {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	fmt.Fprintf(&b, `<schema xmlns="%s" queryBinding="xslt2">`+"\n", schematron.NamespaceISO)
	fmt.Fprintf(&b, "  <title>%s sharpenings</title>\n", xmlText(p.ID))
	prefixes := make([]string, 0, len(p.Namespaces))
	for k := range p.Namespaces {
		prefixes = append(prefixes, k)
	}
	slices.Sort(prefixes)
	for _, k := range prefixes {
		fmt.Fprintf(&b, "  <ns prefix=\"%s\" uri=\"%s\"/>\n", xmlText(k), xmlText(p.Namespaces[k]))
	}
	for _, s := range sharpenings {
		ctx := s.Context
		if ctx == "" {
			ctx = "/*"
		}
		var test string
		switch s.Kind() {
		case "required":
			test = fmt.Sprintf("exists(%s)", s.Required)
		case "forbidden":
			test = fmt.Sprintf("empty(%s)", s.Forbidden)
		case "cardinality":
			test = fmt.Sprintf("count(%s) ge %d", s.Path, s.Cardinality.Min)
			if s.Cardinality.Max != nil {
				test += fmt.Sprintf(" and count(%s) le %d", s.Path, *s.Cardinality.Max)
			}
		case "codes":
			quoted := make([]string, len(s.Codes))
			for i, c := range s.Codes {
				quoted[i] = xpathString(c)
			}
			// The rule's context is each value, so that findings point at it.
			ctx = valueContext(s.Context, s.Path)
			test = fmt.Sprintf("normalize-space(string(.)) = (%s)", strings.Join(quoted, ", "))
		case "pattern":
			ctx = valueContext(s.Context, s.Path)
			test = fmt.Sprintf("matches(string(.), %s)", xpathString("^(?:"+s.Pattern+")$"))
		case "if-then":
			test = fmt.Sprintf("not(%s) or (%s)", s.If, s.Then)
		}
		flag := "error"
		if s.Severity != "" {
			sev, _ := finding.ParseSeverity(s.Severity)
			flag = map[finding.Severity]string{finding.Error: "error", finding.Warning: "warning", finding.Info: "info"}[sev]
		}
		fmt.Fprintf(&b, "  <pattern id=\"%s\">\n    <rule context=\"%s\">\n      <assert id=\"%s\" flag=\"%s\" test=\"%s\">%s</assert>\n    </rule>\n  </pattern>\n",
			xmlText(s.ID), xmlText(ctx), xmlText(s.ID), flag, xmlText(test), xmlText(s.Message))
	}
	b.WriteString("</schema>\n")
	return b.Bytes()
}

// valueContext is the expression selecting the values a codes or pattern
// sharpening checks: Path below every node the Context pattern matches.
// The engine evaluates a context that is no XSLT pattern as an XPath
// expression from the document node.
func valueContext(context, path string) string {
	base := "/*"
	switch {
	case context == "":
	case strings.HasPrefix(context, "/"):
		base = context
	default:
		base = "//(" + context + ")"
	}
	return "(" + base + ")/(" + path + ")"
}

func xpathString(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

func xmlText(s string) string {
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")
	return r.Replace(s)
}

// Compiled is a profile with its rules compiled; the schema set and code
// lists are loaded lazily by the stage.
type Compiled struct {
	*Profile
	Sharpened  *schematron.Rules
	Schematron []*schematron.Rules
	// Severity holds the overrides of all Schematron refs by rule id.
	Severity map[string]finding.Severity
	match    *matchExprs
	limits   xoev.Limits
	cache    *xoev.SchemaCache
}

// LoadOptions adjust [Compile] and [LoadSet].
type LoadOptions struct {
	// Phase overrides the phase of every Schematron file (--phase).
	Phase string
	// Limits bound the text nodes and nesting of the messages checked with
	// the profiles (--max-text-size, --max-depth; zero: the defaults).
	Limits xoev.Limits
	// Cache keeps the compiled schema sets of the profiles; nil: none.
	Cache *xoev.SchemaCache
}

// Compile checks that the files the profile names exist and compiles its
// sharpenings and Schematron files.
func Compile(p *Profile, opts LoadOptions) (*Compiled, error) {
	for _, f := range p.Files() {
		if _, err := os.Stat(f); err != nil {
			return nil, &ProfileError{File: p.File, Msg: msgReferencedFile.With(f), Err: err}
		}
	}
	c := &Compiled{Profile: p, Severity: map[string]finding.Severity{}, limits: opts.Limits, cache: opts.Cache}
	sharpenings, err := p.withBindings()
	if err != nil {
		return nil, err
	}
	if len(sharpenings) > 0 {
		src := sharpeningSchematron(p, sharpenings)
		name := p.File + "#sharpenings"
		r, err := schematron.Compile(name, schematron.Options{ReadFile: func(string) ([]byte, error) { return src, nil }})
		if err != nil {
			return nil, &ProfileError{File: p.File, Msg: msgSharpenings.With(), Err: err}
		}
		c.Sharpened = r
	}
	for _, s := range p.Schematron {
		phase := s.Phase
		if opts.Phase != "" {
			phase = opts.Phase
		}
		r, err := schematron.Compile(p.resolve(s.File), schematron.Options{Phase: phase})
		if err != nil {
			return nil, err
		}
		c.Schematron = append(c.Schematron, r)
		for id, sv := range s.Severity {
			sev, err := finding.ParseSeverity(sv)
			if err != nil {
				return nil, &ProfileError{File: p.File, Msg: msgSeverityOf.With(id), Err: err}
			}
			c.Severity[id] = sev
		}
	}
	m, err := compileMatch(p)
	if err != nil {
		return nil, err
	}
	c.match = m
	return c, nil
}

// withBindings returns the sharpenings plus one codes sharpening per code
// list binding, with the codes read from the bound list.
func (p *Profile) withBindings() ([]Sharpening, error) {
	out := slices.Clone(p.Sharpenings)
	if len(p.CodeListBindings) == 0 {
		return out, nil
	}
	if len(p.CodeLists) == 0 {
		return nil, &ProfileError{File: p.File, Msg: msgBindingsNeedDirs.With()}
	}
	var dirs []string
	for _, d := range p.CodeLists {
		dirs = append(dirs, p.resolve(d))
	}
	res := codelist.NewDirResolver(dirs...)
	for _, b := range p.CodeListBindings {
		cl, err := res.Resolve(context.Background(), b.List, b.Version)
		if err != nil {
			return nil, &ProfileError{File: p.File, Msg: msgBindingNotFound.With(b.ID, b.List, b.Version, p.CodeLists), Err: err}
		}
		codes := cl.Codes()
		if len(codes) == 0 {
			return nil, &ProfileError{File: p.File, Msg: msgBindingNoCodes.With(b.ID, b.List)}
		}
		out = append(out, Sharpening{ID: b.ID, Message: b.Message, Severity: b.Severity, Context: b.Context, Path: b.Path, Codes: codes})
	}
	return out, nil
}

// Load reads and compiles one profile file.
func Load(path string, opts LoadOptions) (*Compiled, error) {
	p, err := Read(path)
	if err != nil {
		return nil, err
	}
	return Compile(p, opts)
}

// Set is the profiles of a run; each message is checked with exactly one.
type Set struct {
	Profiles []*Compiled
	// Limits are those of [LoadOptions], for the stages that parse messages.
	Limits xoev.Limits
}

// LoadSet loads a profile file, or every *.yaml/*.yml file below a directory.
func LoadSet(path string, opts LoadOptions) (*Set, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, &ProfileError{File: path, Msg: msgCannotRead.With(), Err: err}
	}
	var files []string
	if st.IsDir() {
		err := filepath.WalkDir(path, func(p string, d os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && (strings.HasSuffix(p, ".yaml") || strings.HasSuffix(p, ".yml")) {
				files = append(files, p)
			}
			return nil
		})
		if err != nil {
			return nil, &ProfileError{File: path, Msg: msgReadDir.With(), Err: err}
		}
		if len(files) == 0 {
			return nil, &ProfileError{File: path, Msg: msgEmptyDir.With()}
		}
	} else {
		files = []string{path}
	}
	set := &Set{Limits: opts.Limits}
	ids := map[string]string{}
	for _, f := range files {
		c, err := Load(f, opts)
		if err != nil {
			return nil, err
		}
		if c.Abstract {
			if !st.IsDir() {
				return nil, &ProfileError{File: f, Msg: msgAbstract.With()}
			}
			continue
		}
		if other, dup := ids[c.ID]; dup {
			return nil, &ProfileError{File: f, Msg: msgIDTwice.With(c.ID, other)}
		}
		ids[c.ID] = f
		set.Profiles = append(set.Profiles, c)
	}
	return set, nil
}

// Rules returns every compiled rule set of the profile (sharpenings first).
func (c *Compiled) Rules() []*schematron.Rules {
	var out []*schematron.Rules
	if c.Sharpened != nil {
		out = append(out, c.Sharpened)
	}
	return append(out, c.Schematron...)
}

// rulePos is where an entry with an id is written.
type rulePos struct {
	file string
	line int
}

// ruleLine returns the line where the sharpening or code list binding id
// is written, or 0; Profile.rulePos also gives the file, which differs
// from File for entries inherited from a base.
func (p *Profile) ruleLine(id string) int { return p.ruleLines[id].line }

// rulePos returns the file and line where the sharpening or code list
// binding id is written ("" and 0 when unknown).
func (p *Profile) rulePos(id string) (string, int) {
	r := p.ruleLines[id]
	return r.file, r.line
}

func (p *Profile) ruleFile(id string) string {
	if f := p.ruleLines[id].file; f != "" {
		return f
	}
	return p.File
}

// idLines maps the id of every mapping in a YAML document that has one
// to the mapping's line.
func idLines(data []byte) map[string]int {
	var root yaml.Node
	if yaml.Unmarshal(data, &root) != nil {
		return nil
	}
	lines := map[string]int{}
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Kind == yaml.MappingNode {
			for i := 0; i+1 < len(n.Content); i += 2 {
				if k, v := n.Content[i], n.Content[i+1]; k.Value == "id" && v.Kind == yaml.ScalarNode {
					if _, dup := lines[v.Value]; !dup {
						lines[v.Value] = n.Line
					}
				}
			}
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(&root)
	return lines
}

// checkPattern compiles a sharpening's pattern the way the generated rule
// uses it (XPath matches()), so that a broken expression fails when the
// profile is read, not as an error on every message.
func checkPattern(pattern string) error {
	e, err := xpath3.NewCompiler().Compile("matches('', " + xpathString("^(?:"+pattern+")$") + ")")
	if err != nil {
		return err
	}
	_, err = xpath3.NewEvaluator(xpath3.DefaultEvaluatorOptions).Evaluate(context.Background(), e, patternProbeDoc.Get())
	return err
}

// patternProbeDoc is the document checkPattern evaluates against.
var patternProbeDoc = lazy.Value[*helium.Document]{F: func() *helium.Document {
	doc, err := helium.NewParser().Parse(context.Background(), []byte("<probe/>"))
	if err != nil {
		panic(err)
	}
	return doc
}}

// matchIsMapping reports whether the document's match key holds a single
// mapping rather than a list.
func matchIsMapping(data []byte) bool {
	var root yaml.Node
	if yaml.Unmarshal(data, &root) != nil || len(root.Content) == 0 {
		return false
	}
	n := root.Content[0]
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == "match" {
			return n.Content[i+1].Kind == yaml.MappingNode
		}
	}
	return false
}
