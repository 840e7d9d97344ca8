package schematron

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/lestrrat-go/helium"
	"github.com/lestrrat-go/helium/xpath3"

	"github.com/ozgctl/ozgctl/internal/xmlpath"
	"github.com/ozgctl/ozgctl/pkg/finding"
)

// Fired is one assert that failed or one report that succeeded on a node,
// or an assertion whose evaluation raised a dynamic error (Err set).
type Fired struct {
	// ID is the assert/report id, or the generated "file.sch:LINE" id.
	ID       string
	Report   bool
	Flag     string
	Role     string
	See      string
	Severity finding.Severity
	// Message is the assertion text with value-of and name rendered and
	// whitespace normalised.
	Message     string
	Diagnostics []string
	// Location is the node's path, e.g. /Invoice[1]/cac:InvoiceLine[2]/cbc:ID[1].
	Location string
	Line     int
	Test     string
	Pattern  string
	Context  string
	// Err is a dynamic XPath error raised by the test; the assertion is
	// then reported as an error and evaluation goes on.
	Err error
	// SchemaFile and SchemaLine locate the assert or report in the rules.
	SchemaFile string
	SchemaLine int
}

// Result is the outcome of evaluating rules on one document.
type Result struct {
	Fired []Fired
	// Evaluated lists the ids of the assertions whose rule matched at
	// least one node, i.e. that were evaluated at all.
	Evaluated []string
}

// msgEvalError is the message of an assert whose test raised an error.
const msgEvalError finding.Key = "schematron.eval-error"

// evalForms holds the message forms of the keys above.
var evalForms = []finding.Form{
	{Key: msgEvalError,
		DE: "Regel konnte nicht ausgewertet werden (%v): %s",
		EN: "rule could not be evaluated (%v): %s"},
}

func init() { finding.Forms(evalForms) }

// Findings converts the result into findings (Source "schematron").
func (res *Result) Findings() []finding.Finding {
	out := make([]finding.Finding, 0, len(res.Fired))
	for _, f := range res.Fired {
		// The assert's text is the rule author's, in the rule's language.
		msg := f.Message
		if len(f.Diagnostics) > 0 {
			msg += " — " + strings.Join(f.Diagnostics, " — ")
		}
		ff := finding.Finding{Rule: f.ID, Severity: f.Severity, Message: msg, Line: f.Line, Path: f.Location, Source: "schematron", URL: f.See, Test: f.Test}
		if f.Err != nil {
			ff.Msg = msgEvalError.With(f.Err.Error(), msg)
		}
		if f.SchemaFile != "" {
			// Where the assert or report is written.
			ff.Related = []finding.Position{{File: f.SchemaFile, Line: f.SchemaLine}}
		}
		out = append(out, ff)
	}
	return finding.Normalize(out)
}

type frameKey struct{}

// frame is the dynamic scope of an evaluation: the pattern and rule whose
// lets are visible and the node current() returns.
type frame struct {
	st      *docState
	pat     *pattern
	rule    *rule
	node    helium.Node
	letVals map[string]xpath3.Sequence
	busy    map[string]bool
}

type docState struct {
	r   *Rules
	doc *helium.Document
	// eval evaluates the document's expressions, reusing its contexts;
	// fnEval (the same configuration) evaluates xsl:function bodies with
	// their parameters bound.
	eval    *xpath3.Session
	fnEval  xpath3.Evaluator
	globals map[string]xpath3.Sequence
	busy    map[string]bool
	patVals map[*pattern]*frame
	idx     *nameIndex
	idxVals map[int]xpath3.Sequence
	idxErrs map[int]error
	// roots caches index variables as node lists for the Go shortcuts.
	roots map[int][]helium.Node
	// ctx is the context of the running Evaluate, for shortcuts that
	// evaluate a memo.
	ctx  context.Context
	kids map[helium.Node]kidList
	// childSel caches the results of child-step functions per node.
	childSel map[childKey]xpath3.Sequence
	// matchFr and matchCtx serve rule-context matching (matchFrame);
	// matchCtx derives from the ctx of the running Evaluate.
	matchFr  *frame
	matchCtx context.Context
	// calls is the depth of nested xsl:function calls (one goroutine
	// evaluates a document).
	calls int
}

// ErrCircularVariable is returned when lets depend on each other in a cycle.
var ErrCircularVariable = errors.New("circular variable definition")

type resolver struct{}

func (resolver) ResolveVariable(ctx context.Context, name string) (xpath3.Sequence, bool, error) {
	fr, _ := ctx.Value(frameKey{}).(*frame)
	if fr == nil {
		return nil, false, nil
	}
	st := fr.st
	if strings.HasPrefix(name, idxVarPrefix) {
		n, err := strconv.Atoi(name[len(idxVarPrefix):])
		if err != nil {
			return nil, false, nil
		}
		v, err := st.indexVar(ctx, n)
		return v, true, err
	}
	if fr.rule != nil {
		if d, ok := fr.rule.lets[name]; ok {
			v, err := fr.let(ctx, d)
			return v, true, err
		}
	}
	if fr.pat != nil {
		if d, ok := fr.pat.lets[name]; ok {
			pf := st.patternFrame(fr.pat)
			v, err := pf.let(context.WithValue(ctx, frameKey{}, pf), d)
			return v, true, err
		}
	}
	if p, ok := st.r.patternLets[name]; ok && (fr.pat == nil || fr.pat.lets[name] == nil) {
		if _, shadowed := st.r.globals[name]; !shadowed {
			pf := st.patternFrame(p)
			v, err := pf.let(context.WithValue(ctx, frameKey{}, pf), p.lets[name])
			return v, true, err
		}
	}
	if d, ok := st.r.globals[name]; ok {
		if v, ok := st.globals[name]; ok {
			return v, true, nil
		}
		if st.busy[name] {
			return nil, true, fmt.Errorf("%w: $%s", ErrCircularVariable, name)
		}
		st.busy[name] = true
		gf := &frame{st: st, node: st.doc}
		res, err := st.eval.Evaluate(context.WithValue(ctx, frameKey{}, gf), d.expr, st.doc)
		delete(st.busy, name)
		if err != nil {
			return nil, true, fmt.Errorf("let $%s (%s:%d): %w", name, d.file, d.line, err)
		}
		v := res.Sequence()
		st.globals[name] = v
		return v, true, nil
	}
	return nil, false, nil
}

func (fr *frame) let(ctx context.Context, d *letDef) (xpath3.Sequence, error) {
	if v, ok := fr.letVals[d.name]; ok {
		return v, nil
	}
	if fr.busy[d.name] {
		return nil, fmt.Errorf("%w: $%s", ErrCircularVariable, d.name)
	}
	if fr.letVals == nil {
		fr.letVals = map[string]xpath3.Sequence{}
		fr.busy = map[string]bool{}
	}
	fr.busy[d.name] = true
	res, err := fr.st.eval.Evaluate(ctx, d.expr, fr.node)
	delete(fr.busy, d.name)
	if err != nil {
		return nil, fmt.Errorf("let $%s (%s:%d): %w", d.name, d.file, d.line, err)
	}
	v := res.Sequence()
	fr.letVals[d.name] = v
	return v, nil
}

func (st *docState) patternFrame(p *pattern) *frame {
	if f, ok := st.patVals[p]; ok {
		return f
	}
	f := &frame{st: st, pat: p, node: st.doc}
	st.patVals[p] = f
	return f
}

func (st *docState) ebv(ctx context.Context, e *xpath3.Expression, n helium.Node) (bool, error) {
	res, err := st.eval.Evaluate(ctx, e, n)
	if err != nil {
		return false, err
	}
	return xpath3.EBV(res.Sequence())
}

// newEvaluator builds the evaluator shared by all documents: namespaces,
// functions (xsl:function, current(), the internal child steps) and the
// variable resolver. Compile calls it once; it is never mutated after.
func (r *Rules) newEvaluator() xpath3.Evaluator {
	fns := map[xpath3.QualifiedName]xpath3.Function{{URI: nsFn, Name: "current"}: currentFn{}}
	for q, f := range r.funcs {
		fns[q] = f
	}
	for i, t := range r.childTests {
		fns[xpath3.QualifiedName{URI: internalNS, Name: "c" + strconv.Itoa(i)}] = childFn{t, i}
	}
	ev := xpath3.NewEvaluator(xpath3.EvalBorrowing).
		Namespaces(r.evalNS).
		Functions(map[string]xpath3.Function{"current": currentFn{}}, fns).
		VariableResolver(resolver{})
	if r.xpath10 {
		ev = ev.XPath10Compat()
	}
	return ev
}

// newState prepares the per-document state: caches and an evaluator
// with the document's own document-order cache.
func (r *Rules) newState(doc *helium.Document) *docState {
	ev := r.baseEval.DocOrderCache(xpath3.NewDocOrderCache())
	return &docState{r: r, doc: doc, globals: map[string]xpath3.Sequence{}, busy: map[string]bool{},
		patVals: map[*pattern]*frame{}, idxVals: map[int]xpath3.Sequence{}, idxErrs: map[int]error{}, kids: map[helium.Node]kidList{},
		childSel: map[childKey]xpath3.Sequence{}, eval: ev.NewSession(), fnEval: ev}
}

// Evaluate runs the active patterns on doc. Dynamic errors in a test are
// reported as fired assertions with Err set; other assertions are still
// evaluated. The error return is for cancellation only: once ctx is done
// (an interrupt, or the caller's per-document deadline) Evaluate stops
// within the current XPath step or function call and returns ctx's error,
// never a list of assertions that failed because they were cut short.
func (r *Rules) Evaluate(ctx context.Context, doc *helium.Document) (*Result, error) {
	st := r.newState(doc)
	st.ctx = ctx
	res := &Result{}
	evaluated := make([]bool, len(r.ids))
	nEval := 0
	for _, p := range r.patterns {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		var claimed map[helium.Node]struct{}
		if len(p.rules) > 1 {
			claimed = map[helium.Node]struct{}{}
		}
		for _, ru := range p.rules {
			nodes, err := st.contextNodes(ctx, ru)
			if cerr := ctx.Err(); cerr != nil {
				return nil, cerr
			}
			if err != nil {
				// The context itself failed: report every assertion of the rule once.
				for _, ck := range ru.checks {
					res.Fired = append(res.Fired, st.fired(ck, st.doc, "", nil, fmt.Errorf("rule context %q: %w", ru.context, err)))
				}
				continue
			}
			for _, n := range nodes {
				if claimed != nil {
					if _, done := claimed[n]; done {
						continue
					}
					claimed[n] = struct{}{}
				}
				fr := &frame{st: st, pat: p, rule: ru, node: n}
				fctx := context.WithValue(ctx, frameKey{}, fr)
				for _, ck := range ru.checks {
					if !evaluated[ck.idNum] {
						evaluated[ck.idNum] = true
						nEval++
					}
					var ok bool
					var err error
					done := false
					if ck.fast != nil && !r.noFast {
						if fl, isFallible := ck.fast.(fallible); isFallible {
							ok, done = fl.try(st, n)
						} else {
							ok, done = ck.fast.eval(st, n), true
						}
					}
					if !done {
						ok, err = st.ebv(fctx, ck.expr, n)
					}
					if err != nil {
						if cerr := ctx.Err(); cerr != nil {
							return nil, cerr
						}
						res.Fired = append(res.Fired, st.fired(ck, n, "", nil, err))
						continue
					}
					if ok == ck.report {
						msg, diags := st.render(fctx, ck, n)
						if cerr := ctx.Err(); cerr != nil {
							return nil, cerr
						}
						res.Fired = append(res.Fired, st.fired(ck, n, msg, diags, nil))
					}
				}
			}
		}
	}
	if nEval > 0 {
		res.Evaluated = make([]string, 0, nEval)
		for i, ok := range evaluated {
			if ok {
				res.Evaluated = append(res.Evaluated, r.ids[i])
			}
		}
	}
	return res, nil
}

func (st *docState) fired(ck *check, n helium.Node, msg string, diags []string, err error) Fired {
	f := Fired{ID: ck.ruleID, Report: ck.report, Flag: ck.flag, Role: ck.role, See: ck.see, Severity: ck.severity,
		Message: msg, Diagnostics: diags, Location: xmlpath.Location(n), Line: nodeLine(n), Test: ck.test,
		Pattern: ck.rule.pat.id, Context: ck.rule.context, Err: err, SchemaFile: ck.file, SchemaLine: ck.line}
	if err != nil {
		f.Severity = finding.Error
		if f.Message == "" {
			f.Message = plainText(ck.msg)
		}
	}
	return f
}

func plainText(parts []msgPart) string {
	var b strings.Builder
	for _, p := range parts {
		if !p.isExpr && !p.isName {
			b.WriteString(p.text)
		}
	}
	return normalizeSpace(b.String())
}

func (st *docState) render(ctx context.Context, ck *check, n helium.Node) (string, []string) {
	msg := st.renderParts(ctx, ck.msg, n)
	var diags []string
	for _, d := range ck.diags {
		diags = append(diags, st.renderParts(ctx, d.msg, n))
	}
	return msg, diags
}

func (st *docState) renderParts(ctx context.Context, parts []msgPart, n helium.Node) string {
	var b strings.Builder
	for _, p := range parts {
		switch {
		case p.isName:
			target := n
			if p.expr != nil {
				target = nil
				if res, err := st.eval.Evaluate(ctx, p.expr, n); err == nil {
					if nodes, ok := xpath3.NodesFrom(res.Sequence()); ok && len(nodes) > 0 {
						target = nodes[0]
					}
				}
			}
			if target != nil {
				b.WriteString(target.Name())
			}
		case p.isExpr:
			res, err := st.eval.Evaluate(ctx, p.expr, n)
			if err != nil {
				b.WriteString("[" + err.Error() + "]")
				continue
			}
			b.WriteString(seqString(res.Sequence()))
		default:
			b.WriteString(p.text)
		}
	}
	return normalizeSpace(b.String())
}

// seqString joins the string values of a sequence with spaces, as
// xsl:value-of does.
func seqString(seq xpath3.Sequence) string {
	if seq == nil {
		return ""
	}
	var parts []string
	for i := 0; i < seq.Len(); i++ {
		it := seq.Get(i)
		if ni, ok := it.(xpath3.NodeItem); ok {
			parts = append(parts, string(ni.Node.Content()))
			continue
		}
		av, err := xpath3.AtomizeItem(it)
		if err != nil {
			continue
		}
		s, err := xpath3.AtomicToString(av)
		if err != nil {
			continue
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " ")
}

func (st *docState) contextNodes(ctx context.Context, ru *rule) ([]helium.Node, error) {
	if len(ru.match.branches) == 1 {
		return st.branchNodes(ctx, ru.match.branches[0])
	}
	seen := map[helium.Node]bool{}
	var all []helium.Node
	for _, b := range ru.match.branches {
		ns, err := st.branchNodes(ctx, b)
		if err != nil {
			return nil, err
		}
		for _, n := range ns {
			if !seen[n] {
				seen[n] = true
				all = append(all, n)
			}
		}
	}
	// Put the union in document order: walk the document once.
	idx := st.index()
	ordered := make([]helium.Node, 0, len(all))
	var visit func(n helium.Node)
	visit = func(n helium.Node) {
		if seen[n] {
			ordered = append(ordered, n)
		}
		if e, ok := n.(*helium.Element); ok {
			e.ForEachAttribute(func(a *helium.Attribute) bool {
				if seen[a] {
					ordered = append(ordered, a)
				}
				return true
			})
		}
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			visit(c)
		}
	}
	if len(all) > 1 {
		visit(st.doc)
		if len(ordered) == len(all) {
			all = ordered
		}
	}
	_ = idx
	return all, nil
}

func (st *docState) branchNodes(ctx context.Context, b *branch) ([]helium.Node, error) {
	if b.root {
		return []helium.Node{st.doc}, nil
	}
	fr, fctx := st.matchFrame(ctx)
	fr.node = st.doc
	if b.expr != nil {
		res, err := st.eval.Evaluate(fctx, b.expr, st.doc)
		if err != nil {
			return nil, err
		}
		nodes, ok := xpath3.NodesFrom(res.Sequence())
		if !ok {
			return nil, fmt.Errorf("rule context does not select nodes")
		}
		return nodes, nil
	}
	idx := st.index()
	last := b.steps[len(b.steps)-1]
	var cands []helium.Node
	switch {
	case last.kind == kindName && !last.anyNS && last.local != "*":
		key := qname{last.uri, last.local}
		if last.attr {
			cands = idx.attrs[key]
		} else {
			cands = idx.elems[key]
		}
	case last.attr:
		cands = idx.attributes()
	case last.kind == kindName:
		cands = idx.allElems
	default:
		cands = idx.nodes(st.doc)
	}
	var out []helium.Node
	// One context for all candidates: current() reads fr.node, which
	// follows the candidate under test.
	for _, n := range cands {
		fr.node = n
		ok, err := b.matches(fctx, st, n)
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, n)
		}
	}
	return out, nil
}

// matchFrame returns the frame of rule-context matching and a context
// carrying it, made once per document: it has no pattern or rule, so it
// never holds let values, and only its node changes.
func (st *docState) matchFrame(ctx context.Context) (*frame, context.Context) {
	if st.matchFr == nil {
		st.matchFr = &frame{st: st, node: st.doc}
		st.matchCtx = context.WithValue(ctx, frameKey{}, st.matchFr)
	}
	return st.matchFr, st.matchCtx
}

// qname is an expanded name, the key of the name index: a struct of the
// two strings helium already holds, so building the index allocates no
// "{uri}local" string per node.
type qname struct{ uri, local string }

// nameIndex lists a document's nodes by expanded name, in document order.
// The lists of all attributes and of all nodes, which only rule contexts
// such as @* or text() need, are built on first use.
type nameIndex struct {
	elems    map[qname][]helium.Node
	attrs    map[qname][]helium.Node
	allElems []helium.Node
	allAttrs []helium.Node // nil until attributes() builds it
	all      []helium.Node // elements, text, comments, PIs; nil until nodes() builds it
}

func (st *docState) index() *nameIndex {
	if st.idx != nil {
		return st.idx
	}
	idx := &nameIndex{elems: map[qname][]helium.Node{}, attrs: map[qname][]helium.Node{}}
	var walk func(n helium.Node)
	walk = func(n helium.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			e, ok := c.(*helium.Element)
			if !ok {
				continue
			}
			key := qname{e.URI(), e.LocalName()}
			idx.elems[key] = append(idx.elems[key], c)
			idx.allElems = append(idx.allElems, c)
			e.ForEachAttribute(func(a *helium.Attribute) bool {
				k := qname{a.URI(), a.LocalName()}
				idx.attrs[k] = append(idx.attrs[k], a)
				return true
			})
			walk(c)
		}
	}
	walk(st.doc)
	st.idx = idx
	return idx
}

// attributes returns all attributes of the document in document order.
func (idx *nameIndex) attributes() []helium.Node {
	if idx.allAttrs == nil {
		out := []helium.Node{}
		for _, n := range idx.allElems {
			n.(*helium.Element).ForEachAttribute(func(a *helium.Attribute) bool {
				out = append(out, a)
				return true
			})
		}
		idx.allAttrs = out
	}
	return idx.allAttrs
}

// nodes returns the elements, text, comment and processing-instruction
// nodes below the document node in document order.
func (idx *nameIndex) nodes(doc helium.Node) []helium.Node {
	if idx.all == nil {
		out := []helium.Node{}
		var walk func(n helium.Node)
		walk = func(n helium.Node) {
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				switch c.Type() {
				case helium.ElementNode:
					out = append(out, c)
					walk(c)
				case helium.TextNode, helium.CDATASectionNode, helium.CommentNode, helium.ProcessingInstructionNode:
					out = append(out, c)
				}
			}
		}
		walk(doc)
		idx.all = out
	}
	return idx.all
}

func nodeLine(n helium.Node) int {
	for cur := n; cur != nil; cur = cur.Parent() {
		if cur.Type() == helium.ElementNode {
			return cur.Line()
		}
		if cur.Type() == helium.DocumentNode {
			return 0
		}
	}
	return 0
}
