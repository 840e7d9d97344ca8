package schematron

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/lestrrat-go/helium/xpath3"

	"github.com/ozgctl/ozgctl/internal/lazy"
	"github.com/ozgctl/ozgctl/pkg/finding"
)

// Options adjust how a rule file is compiled.
type Options struct {
	// Phase selects the active patterns: a phase id, "#ALL", or "" /
	// "#DEFAULT" for the schema's defaultPhase (#ALL when it has none).
	Phase string
	// ReadFile reads the rule file and its includes; nil means os.ReadFile.
	ReadFile func(path string) ([]byte, error)
	// plain compiles without the per-document memos and Go shortcuts, so
	// that differential tests can compare against plain XPath evaluation.
	plain bool
}

// Rules is a compiled Schematron schema. It is read-only after Compile and
// may be shared by goroutines that call [Rules.Evaluate].
type Rules struct {
	file    string
	files   []string
	title   string
	binding string
	phase   string
	xpath10 bool
	ns      map[string]string
	evalNS  map[string]string
	globals map[string]*letDef
	// patternLets maps each pattern-level let name to its (first) pattern.
	patternLets map[string]*pattern
	patterns    []*pattern
	funcs       map[xpath3.QualifiedName]*userFunc
	checks      []*check
	// ids are the distinct assertion ids, sorted (numberIDs).
	ids      []string
	idxVars  []indexVar
	baseEval xpath3.Evaluator
	// noFast turns the path-test shortcut and the name prefilters of rule
	// contexts off (differential tests).
	noFast bool
	// childTests are the child::name steps answered by internal functions.
	childTests []childTest
	// nameIDs numbers (from 1) the element names the Go shortcuts test.
	nameIDs map[qname]int32
}

// pattern is an active, concrete pattern.
type pattern struct {
	id    string
	lets  map[string]*letDef
	rules []*rule
	file  string
	line  int
}

type letDef struct {
	name  string
	src   string
	expr  *xpath3.Expression
	file  string
	line  int
	scope string // "schema", "pattern" or "rule"
}

type rule struct {
	pat     *pattern
	id      string
	context string
	match   *matcher
	lets    map[string]*letDef
	checks  []*check
	file    string
	line    int
}

// msgPart is a piece of an assertion message: literal text, a value-of
// expression or a name element (expr nil = the context node's name).
type msgPart struct {
	text   string
	expr   *xpath3.Expression
	isName bool
	isExpr bool
}

type diagnostic struct {
	id   string
	msg  []msgPart
	file string
	line int
}

type check struct {
	report   bool
	id       string // the id attribute, "" if none
	ruleID   string // id, or a generated stable id
	idNum    int    // ruleID's index in Rules.ids
	flag     string
	role     string
	see      string
	severity finding.Severity
	test     string
	expr     *xpath3.Expression
	fast     fastTest // nil unless the test has a Go shortcut
	msg      []msgPart
	diags    []*diagnostic
	rule     *rule
	file     string
	line     int
}

// Assertion describes one assert or report of a compiled schema.
type Assertion struct {
	// ID is the assert/report id, or a generated "file.sch:LINE" id.
	ID       string
	Report   bool
	Flag     string
	Role     string
	Severity finding.Severity
	Test     string
	Context  string
	Pattern  string
	File     string
	Line     int
	// Text is the message with value-of and name elements shown as {…}.
	Text string
}

// Title returns the schema title.
func (r *Rules) Title() string { return r.title }

// QueryBinding returns the schema's query binding.
func (r *Rules) QueryBinding() string { return r.binding }

// Phase returns the active phase ("#ALL" or a phase id).
func (r *Rules) Phase() string { return r.phase }

// Files lists the rule files read (the main file and its includes).
func (r *Rules) Files() []string { return slices.Clone(r.files) }

// Assertions lists the active asserts and reports in schema order.
func (r *Rules) Assertions() []Assertion {
	out := make([]Assertion, 0, len(r.checks))
	for _, c := range r.checks {
		var txt strings.Builder
		for _, p := range c.msg {
			switch {
			case p.isName:
				txt.WriteString("{name}")
			case p.isExpr:
				txt.WriteString("{…}")
			default:
				txt.WriteString(p.text)
			}
		}
		out = append(out, Assertion{ID: c.ruleID, Report: c.report, Flag: c.flag, Role: c.role, Severity: c.severity,
			Test: c.test, Context: c.rule.context, Pattern: c.rule.pat.id, File: c.file, Line: c.line, Text: normalizeSpace(txt.String())})
	}
	return out
}

// Compile reads and compiles the Schematron schema at path and the files it
// includes. Every XPath expression is compiled and checked for unknown
// functions, variables and namespace prefixes; problems are returned as a
// *[LoadError] naming the file and line.
func Compile(path string, opts Options) (*Rules, error) {
	l := &loader{read: opts.ReadFile}
	root, err := l.load(path, nil)
	if err != nil {
		return nil, err
	}
	if !isSchNamed(root, "schema") {
		return nil, errAt(root, "", "root element is {%s}%s, want a Schematron schema element (namespace %s)", root.name.Space, root.name.Local, NamespaceISO)
	}
	c := &compiler{
		r:         &Rules{file: path, files: l.files, ns: map[string]string{}, globals: map[string]*letDef{}, patternLets: map[string]*pattern{}, funcs: map[xpath3.QualifiedName]*userFunc{}},
		abstractP: map[string]*xnode{},
		abstractR: map[string]*xnode{},
		diags:     map[string]*xnode{},
		phases:    map[string]*xnode{},
		plain:     opts.plain,
		memoKeys:  map[string]int{},
	}
	c.r.noFast = opts.plain
	if err := c.compile(root, opts); err != nil {
		return nil, err
	}
	c.r.evalNamespaces() // fixed from here on: Evaluate only reads it
	c.r.baseEval = c.r.newEvaluator()
	c.r.numberIDs()
	return c.r, nil
}

// numberIDs numbers the distinct assertion ids in sorted order, so that
// Evaluate marks the evaluated ones in a slice and lists them sorted
// without a map or a sort per document.
func (r *Rules) numberIDs() {
	num := map[string]int{}
	for _, ck := range r.checks {
		if _, ok := num[ck.ruleID]; !ok {
			num[ck.ruleID] = 0
			r.ids = append(r.ids, ck.ruleID)
		}
	}
	slices.Sort(r.ids)
	for i, id := range r.ids {
		num[id] = i
	}
	for _, ck := range r.checks {
		ck.idNum = num[ck.ruleID]
	}
}

type compiler struct {
	r         *Rules
	boolDepth int
	abstractP map[string]*xnode
	abstractR map[string]*xnode
	diags     map[string]*xnode
	diagCache map[string]*diagnostic
	phases    map[string]*xnode
	fnNodes   []*xnode
	// plain turns the memos and Go shortcuts off (Options.plain).
	plain bool
	// memoKeys finds the memo variable of an already seen //name[p].
	memoKeys map[string]int
}

// Supported query bindings. xslt and xpath evaluate in XPath 1.0
// compatibility mode; the others as XPath 3.1 (a superset of 2.0).
var bindings = lazy.Value[map[string]bool]{F: func() map[string]bool {
	return map[string]bool{"xslt2": false, "xslt3": false, "xpath2": false, "xpath3": false, "xpath31": false, "xslt": true, "xpath": true}
}}

func (c *compiler) compile(root *xnode, opts Options) error {
	r := c.r
	qb := strings.TrimSpace(root.get("queryBinding"))
	if qb == "" {
		qb = "xslt"
	}
	compat, ok := bindings.Get()[strings.ToLower(qb)]
	if !ok {
		return errAt(root, "schema", "unknown query binding %q (supported: xslt2, xslt3, xslt, xpath2, xpath3, xpath)", qb)
	}
	r.binding = strings.ToLower(qb)
	r.xpath10 = compat

	var patterns []*xnode
	var schemaLets []*xnode
	// First pass: collect declarations.
	var collect func(n *xnode) error
	collect = func(n *xnode) error {
		for _, ch := range n.children() {
			switch {
			case isSchNamed(ch, "title"):
				if r.title == "" {
					r.title = normalizeSpace(ch.text())
				}
			case isSchNamed(ch, "ns"):
				p, u := ch.get("prefix"), ch.get("uri")
				if p == "" {
					return errAt(ch, "ns", "missing prefix attribute")
				}
				r.ns[p] = u
			case isSchNamed(ch, "let"):
				schemaLets = append(schemaLets, ch)
			case isSchNamed(ch, "phase"):
				id := ch.get("id")
				if id == "" {
					return errAt(ch, "phase", "missing id attribute")
				}
				c.phases[id] = ch
			case isSchNamed(ch, "pattern"):
				if ch.get("abstract") == "true" {
					id := ch.get("id")
					if id == "" {
						return errAt(ch, "pattern", "abstract pattern without id")
					}
					c.abstractP[id] = ch
				} else {
					patterns = append(patterns, ch)
				}
				for _, rr := range ch.children() {
					if isSchNamed(rr, "rule") && rr.get("abstract") == "true" {
						id := rr.get("id")
						if id == "" {
							return errAt(rr, "rule", "abstract rule without id")
						}
						c.abstractR[id] = rr
					}
				}
			case isSchNamed(ch, "diagnostics"):
				for _, d := range ch.children() {
					if isSchNamed(d, "diagnostic") {
						c.diags[d.get("id")] = d
					}
				}
			case isSchNamed(ch, "include"):
				return errAt(ch, "include", "unresolved include")
			case ch.name.Space == nsXSL && ch.name.Local == "function":
				c.fnNodes = append(c.fnNodes, ch)
			case ch.name.Space == nsXSL && (ch.name.Local == "key" || ch.name.Local == "include" || ch.name.Local == "import"):
				return errAt(ch, "xsl:"+ch.name.Local, "xsl:%s is not supported; only xsl:function is", ch.name.Local)
			}
		}
		return nil
	}
	if err := collect(root); err != nil {
		return err
	}

	// Prefixes of xsl:function names are in scope for calls.
	for _, fn := range c.fnNodes {
		name := fn.get("name")
		if p, _, ok := strings.Cut(name, ":"); ok {
			if _, have := r.ns[p]; !have {
				if u, ok := fn.ns[p]; ok {
					r.ns[p] = u
				}
			}
		}
	}

	// Phase selection.
	phase := opts.Phase
	if phase == "" || phase == "#DEFAULT" {
		phase = root.get("defaultPhase")
		if phase == "" {
			phase = "#ALL"
		}
	}
	var active map[string]bool
	var phaseNode *xnode
	if phase != "#ALL" {
		pn, ok := c.phases[phase]
		if !ok {
			ids := make([]string, 0, len(c.phases))
			for id := range c.phases {
				ids = append(ids, id)
			}
			slices.Sort(ids)
			return &LoadError{File: root.file, Line: root.line, Construct: "phase", Msg: fmt.Sprintf("unknown phase %q (phases: #ALL, %s)", phase, strings.Join(ids, ", "))}
		}
		phaseNode = pn
		active = map[string]bool{}
		for _, a := range pn.children() {
			if isSchNamed(a, "active") {
				active[a.get("pattern")] = true
			} else if isSchNamed(a, "let") {
				schemaLets = append(schemaLets, a)
			}
		}
	}
	r.phase = phase

	// Globals: names first (so that lets may reference each other), then compile.
	for _, l := range schemaLets {
		name := l.get("name")
		if name == "" {
			return errAt(l, "let", "missing name attribute")
		}
		r.globals[name] = &letDef{name: name, file: l.file, line: l.line, scope: "schema"}
	}
	if err := c.compileFunctions(); err != nil {
		return err
	}
	for _, l := range schemaLets {
		d := r.globals[l.get("name")]
		src, ok := l.attr("value")
		if !ok {
			return errAt(l, fmt.Sprintf("let name=%q", d.name), "let without value attribute is not supported")
		}
		e, err := c.xpath(src, l, fmt.Sprintf("let name=%q", d.name), c.globalScope(nil))
		if err != nil {
			return err
		}
		d.src, d.expr = src, e
	}

	// Patterns, in document order; instantiate abstract ones.
	type inst struct {
		id         string
		decl, body *xnode
		p          *pattern
	}
	var insts []*inst
	for _, pn := range patterns {
		id := pn.get("id")
		if active != nil && !active[id] {
			continue
		}
		src := pn
		if isA := pn.get("is-a"); isA != "" {
			abs, ok := c.abstractP[isA]
			if !ok {
				return errAt(pn, fmt.Sprintf("pattern id=%q", id), "is-a refers to unknown abstract pattern %q", isA)
			}
			params := map[string]string{}
			for _, p := range pn.children() {
				if isSchNamed(p, "param") {
					params[strings.TrimSpace(p.get("name"))] = p.get("value")
				}
			}
			src = cloneWith(abs, params, abs.parent)
		}
		in := &inst{id: id, decl: pn, body: src}
		in.p = c.declarePattern(id, pn, src)
		insts = append(insts, in)
	}
	for _, in := range insts {
		if err := c.compilePattern(in.p, in.decl, in.body); err != nil {
			return err
		}
		r.patterns = append(r.patterns, in.p)
	}
	_ = phaseNode
	return nil
}

// scope answers whether a variable name is visible.
type scope func(name string) bool

func (c *compiler) globalScope(extra map[string]*letDef) scope {
	return func(name string) bool {
		if _, ok := extra[name]; ok {
			return true
		}
		if _, ok := c.r.globals[name]; ok {
			return true
		}
		_, ok := c.r.patternLets[name]
		return ok
	}
}

// declarePattern registers a pattern's lets; pattern-level lets are
// global variables (as in the XSLT implementations), so every pattern
// sees them.
func (c *compiler) declarePattern(id string, decl, body *xnode) *pattern {
	p := &pattern{id: id, lets: map[string]*letDef{}, file: decl.file, line: decl.line}
	for _, n := range patternLets(decl, body) {
		name := n.get("name")
		d := &letDef{name: name, file: n.file, line: n.line, scope: "pattern"}
		p.lets[name] = d
		if _, ok := c.r.patternLets[name]; !ok {
			c.r.patternLets[name] = p
		}
	}
	return p
}

func patternLets(decl, body *xnode) []*xnode {
	var lets []*xnode
	for _, ch := range body.children() {
		if isSchNamed(ch, "let") {
			lets = append(lets, ch)
		}
	}
	if body != decl {
		for _, ch := range decl.children() {
			if isSchNamed(ch, "let") {
				lets = append(lets, ch)
			}
		}
	}
	return lets
}

func (c *compiler) compilePattern(p *pattern, decl, body *xnode) error {
	construct := fmt.Sprintf("pattern id=%q", p.id)
	lets := patternLets(decl, body)
	for _, l := range lets {
		d := p.lets[l.get("name")]
		src, ok := l.attr("value")
		if !ok {
			return errAt(l, construct, "let %q without value attribute is not supported", d.name)
		}
		e, err := c.xpath(src, l, fmt.Sprintf("let name=%q", d.name), c.globalScope(p.lets))
		if err != nil {
			return err
		}
		d.src, d.expr = src, e
	}
	for _, ch := range body.children() {
		if !isSchNamed(ch, "rule") || ch.get("abstract") == "true" {
			continue
		}
		r, err := c.compileRule(p, ch)
		if err != nil {
			return err
		}
		p.rules = append(p.rules, r)
	}
	return nil
}

// expandRule returns the rule's lets, asserts and reports with extends
// resolved, in document order.
func (c *compiler) expandRule(n *xnode, seen []string) ([]*xnode, error) {
	var out []*xnode
	for _, ch := range n.children() {
		switch {
		case isSchNamed(ch, "extends"):
			id := ch.get("rule")
			if id == "" {
				if ch.get("href") != "" {
					return nil, errAt(ch, "extends", "extends with href is not supported")
				}
				return nil, errAt(ch, "extends", "missing rule attribute")
			}
			abs, ok := c.abstractR[id]
			if !ok {
				return nil, errAt(ch, "extends", "no abstract rule with id %q", id)
			}
			if slices.Contains(seen, id) {
				return nil, errAt(ch, "extends", "cyclic extends: %s -> %s", strings.Join(seen, " -> "), id)
			}
			sub, err := c.expandRule(abs, append(seen, id))
			if err != nil {
				return nil, err
			}
			out = append(out, sub...)
		case isSchNamed(ch, "let"), isSchNamed(ch, "assert"), isSchNamed(ch, "report"):
			out = append(out, ch)
		}
	}
	return out, nil
}

func (c *compiler) compileRule(p *pattern, n *xnode) (*rule, error) {
	ctxSrc, ok := n.attr("context")
	construct := fmt.Sprintf("rule context=%q", strings.TrimSpace(ctxSrc))
	if !ok || strings.TrimSpace(ctxSrc) == "" {
		return nil, errAt(n, "rule", "missing context attribute")
	}
	r := &rule{pat: p, id: n.get("id"), context: strings.TrimSpace(ctxSrc), lets: map[string]*letDef{}, file: n.file, line: n.line}
	items, err := c.expandRule(n, nil)
	if err != nil {
		return nil, err
	}
	for _, it := range items {
		if isSchNamed(it, "let") {
			name := it.get("name")
			r.lets[name] = &letDef{name: name, file: it.file, line: it.line, scope: "rule"}
		}
	}
	sc := func(name string) bool {
		if _, ok := r.lets[name]; ok {
			return true
		}
		if _, ok := p.lets[name]; ok {
			return true
		}
		return c.globalScope(p.lets)(name)
	}
	m, err := c.compileMatcher(r.context, n, construct, c.globalScope(p.lets))
	if err != nil {
		return nil, err
	}
	r.match = m
	ruleFlag, ruleRole := n.get("flag"), n.get("role")
	for _, it := range items {
		if isSchNamed(it, "let") {
			d := r.lets[it.get("name")]
			src, ok := it.attr("value")
			if !ok {
				return nil, errAt(it, construct, "let %q without value attribute is not supported", d.name)
			}
			e, err := c.xpath(src, it, fmt.Sprintf("let name=%q", d.name), sc)
			if err != nil {
				return nil, err
			}
			d.src, d.expr = src, e
			continue
		}
		ck := &check{report: it.name.Local == "report", id: it.get("id"), flag: it.get("flag"), role: it.get("role"), see: it.get("see"), rule: r, file: it.file, line: it.line}
		if ck.flag == "" {
			ck.flag = ruleFlag
		}
		if ck.role == "" {
			ck.role = ruleRole
		}
		ck.ruleID = ck.id
		if ck.ruleID == "" {
			ck.ruleID = fmt.Sprintf("%s:%d", filepath.Base(it.file), it.line)
		}
		ck.severity = severityOf(ck.flag, ck.role)
		kind := it.name.Local
		cons := fmt.Sprintf("%s id=%q", kind, ck.id)
		if ck.id == "" {
			cons = kind
		}
		test, ok := it.attr("test")
		if !ok {
			return nil, errAt(it, cons, "missing test attribute")
		}
		ck.test = test
		if ck.expr, err = c.xpath(test, it, cons, sc); err != nil {
			return nil, err
		}
		if !c.plain {
			ck.fast = c.compileFastTest(test)
		}
		if ck.msg, err = c.message(it, cons, sc); err != nil {
			return nil, err
		}
		for _, did := range strings.Fields(it.get("diagnostics")) {
			d, err := c.diagnostic(did, it, cons, sc)
			if err != nil {
				return nil, err
			}
			ck.diags = append(ck.diags, d)
		}
		r.checks = append(r.checks, ck)
		c.r.checks = append(c.r.checks, ck)
	}
	return r, nil
}

func (c *compiler) diagnostic(id string, from *xnode, cons string, sc scope) (*diagnostic, error) {
	dn, ok := c.diags[id]
	if !ok {
		return nil, errAt(from, cons, "unknown diagnostic %q", id)
	}
	msg, err := c.message(dn, fmt.Sprintf("diagnostic id=%q", id), sc)
	if err != nil {
		return nil, err
	}
	return &diagnostic{id: id, msg: msg, file: dn.file, line: dn.line}, nil
}

// message compiles the mixed content of an assert, report or diagnostic.
func (c *compiler) message(n *xnode, cons string, sc scope) ([]msgPart, error) {
	var parts []msgPart
	var walk func(x *xnode) error
	walk = func(x *xnode) error {
		for _, it := range x.content {
			switch v := it.(type) {
			case string:
				parts = append(parts, msgPart{text: v})
			case *xnode:
				switch {
				case isSchNamed(v, "value-of"):
					sel, ok := v.attr("select")
					if !ok {
						return errAt(v, cons, "value-of without select attribute")
					}
					e, err := c.xpath(sel, v, cons+" value-of", sc)
					if err != nil {
						return err
					}
					parts = append(parts, msgPart{expr: e, isExpr: true})
				case isSchNamed(v, "name"):
					p := msgPart{isName: true}
					if path, ok := v.attr("path"); ok {
						e, err := c.xpath(path, v, cons+" name", sc)
						if err != nil {
							return err
						}
						p.expr = e
					}
					parts = append(parts, p)
				default: // emph, dir, span, foreign elements: their text
					if err := walk(v); err != nil {
						return err
					}
				}
			}
		}
		return nil
	}
	if err := walk(n); err != nil {
		return nil, err
	}
	return parts, nil
}

func severityOf(flag, role string) finding.Severity {
	for _, s := range []string{flag, role} {
		switch strings.ToLower(strings.TrimSpace(s)) {
		case "fatal", "error":
			return finding.Error
		case "warning", "warn":
			return finding.Warning
		case "information", "info":
			return finding.Info
		}
	}
	return finding.Error
}

// normalizeSpace is strings.Fields joined by single spaces, as helium's
// normalize-space is; an ASCII string that is already normalised comes
// back as it is, without the slice and the copy.
func normalizeSpace(s string) string {
	if isNormalASCII(s) {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// isNormalASCII reports whether s is ASCII without leading, trailing or
// repeated spaces and without other white space (unicode.IsSpace).
func isNormalASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 0x80:
			return false
		case c == ' ':
			if i == 0 || i == len(s)-1 || s[i-1] == ' ' {
				return false
			}
		case c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r':
			return false
		}
	}
	return true
}
