package xpath3

import (
	"context"
	"fmt"
	"io"
	"maps"
	"net/http"
	"reflect"
	"time"

	"github.com/lestrrat-go/helium"
	"github.com/lestrrat-go/helium/internal/lexicon"
	ixpath "github.com/lestrrat-go/helium/internal/xpath"
)

const maxNodeSetLength = ixpath.DefaultMaxNodeSetLength

// DefaultMaxRecursionDepth bounds the maximum nested-expression depth the
// evaluator will explore before returning [ErrRecursionLimit]. The default
// matches libxml2's XPATH_MAX_RECURSION_DEPTH and is large enough for any
// realistic XPath. Lower it when accepting untrusted expressions to fail
// fast on adversarial input that tries to consume the goroutine stack.
//
// Each [Evaluator.Evaluate] call snapshots this value once at the start
// of evaluation and reads from the snapshot during recursion, so an
// in-flight evaluation never observes a mid-flight mutation and there is
// no data race between an evaluating goroutine and a goroutine that
// updates the default. Concurrent mutation by multiple writers still
// requires external synchronization.
// Any value <= 0 disables the limit (NOT recommended for untrusted input).
var DefaultMaxRecursionDepth = ixpath.DefaultMaxRecursionDepth

// evalContext holds the evaluation state for an XPath 3.1 expression.
type evalContext struct {
	node                 helium.Node
	contextItem          Item // non-nil when context item is not a node (simple map over atomics)
	position             int
	size                 int
	vars                 *variableScope
	namespaces           map[string]string
	functions            map[string]Function
	fnsNS                map[QualifiedName]Function
	depth                int
	maxRecursionDepth    int  // snapshot of DefaultMaxRecursionDepth at newEvalCtx
	opCount              *int // shared via pointer across copies; safe because eval is single-goroutine
	opLimit              int
	docOrder             *ixpath.DocOrderCache
	maxNodes             int
	clock                *evalClock     // read on first use, then stable for fn:current-*
	shared               *evalShared    // state every copy of this evaluation's context shares
	fnScope              *fnScope       // identity of the function/namespace configuration (resolution cache key)
	implicitTimezone     *time.Location // for fn:adjust-*-to-timezone (1-arg form)
	defaultLanguage      string         // for fn:default-language and formatting fallbacks
	defaultCollation     string         // for string functions without explicit collation
	defaultDecimalFormat *DecimalFormat
	decimalFormats       map[QualifiedName]DecimalFormat
	baseURI              string      // static base URI for resolving relative URIs
	uriResolver          URIResolver // custom URI resolver for fn:unparsed-text, fn:doc, etc.
	collectionResolver   CollectionResolver
	// httpClient is intentionally stored here (not only in Context) so that
	// built-in functions can access it through getFnContext without an extra
	// indirection. It is pointer-sized and nil when unused, so copies via
	// withNode/withContextItem are negligible. The net/http dependency is
	// already transitively required by golang.org/x/text.
	httpClient             *http.Client
	maxResourceBytes       int64                    // per-resource read cap for fn:unparsed-text / fn:doc / fn:json-doc (0 = unparsedtext default)
	typeAnnotations        map[helium.Node]string   // node → xs:... type (from xslt3 schema awareness)
	nilledElements         map[helium.Node]struct{} // elements confirmed nilled (xsi:nil="true") by XSD validation
	preservedIDAnnotations map[helium.Node]string   // ID/IDREF annotations preserved after input-type-annotations="strip"
	idNodes                map[helium.Node]struct{} // PSVI is-id nodes (from xsd validation); supplements the type-annotation is-id check for list/union types
	variableResolver       VariableResolver         // lazy resolver for variables not in static scope
	functionResolver       FunctionResolver         // lazy resolver for functions (not visible to function-lookup)
	strictPrefixes         bool                     // skip defaultPrefixNS fallback in prefix validation
	qnameValueNoDefaultNS  bool                     // XSD: an unprefixed QName/NOTATION VALUE atomizes to no namespace
	schemaDeclarations     SchemaDeclarations       // schema element/attribute declarations for schema-element()/schema-attribute() tests
	allowXML11Chars        bool                     // when true, codepoints-to-string allows XML 1.1 restricted characters (0x01-0x1F)
	xpath10Compat          bool                     // XPath 1.0 compatibility mode (XSLT backwards-compatible processing)
	traceWriter            io.Writer                // destination for fn:trace output (nil = os.Stderr)
	parser                 *helium.Parser           // injected parser for fn:parse-xml, fn:parse-xml-fragment, fn:doc (nil = default helium.NewParser)

	// fnCtx caches the context fnContext built for fnParent, valid while
	// fnOwner is this context (a copy of the struct must build its own).
	fnCtx    context.Context
	fnParent context.Context
	fnOwner  *evalContext
}

// xmlParser returns the injected helium.Parser when one is configured,
// otherwise a default helium.NewParser(). The default is safe-by-default
// (XXE blocked, network disabled). Used by fn:parse-xml,
// fn:parse-xml-fragment, and fn:doc.
func (ec *evalContext) xmlParser() helium.Parser {
	p := helium.NewParser()
	if ec != nil && ec.parser != nil {
		p = *ec.parser
	}
	return p
}

type variableScope struct {
	parent      *variableScope
	name        string
	value       Sequence
	singleValue bool
	values      map[string]Sequence
}

func newVariableScope(vars map[string]Sequence) *variableScope {
	return scopeWithBindings(nil, vars)
}

func scopeWithBinding(parent *variableScope, name string, value Sequence) *variableScope {
	return &variableScope{
		parent:      parent,
		name:        name,
		value:       value,
		singleValue: true,
	}
}

func scopeWithBindings(parent *variableScope, bindings map[string]Sequence) *variableScope {
	if len(bindings) == 0 {
		return parent
	}
	if len(bindings) == 1 {
		for name, value := range bindings {
			return scopeWithBinding(parent, name, value)
		}
	}
	values := make(map[string]Sequence, len(bindings))
	maps.Copy(values, bindings)
	return &variableScope{parent: parent, values: values}
}

func (s *variableScope) Lookup(name string) (Sequence, bool) {
	for scope := s; scope != nil; scope = scope.parent {
		if scope.singleValue {
			if scope.name == name {
				return scope.value, true
			}
			continue
		}
		if seq, ok := scope.values[name]; ok {
			return seq, true
		}
	}
	return nil, false
}

type evalContextFrame struct {
	node        helium.Node
	contextItem Item
	position    int
	size        int
}

func (ec *evalContext) pushNodeContext(n helium.Node, pos, size int) evalContextFrame {
	frame := evalContextFrame{
		node:        ec.node,
		contextItem: ec.contextItem,
		position:    ec.position,
		size:        ec.size,
	}
	ec.node = n
	ec.contextItem = nil
	ec.position = pos
	ec.size = size
	return frame
}

func (ec *evalContext) pushContextItem(item Item, pos, size int) evalContextFrame {
	frame := evalContextFrame{
		node:        ec.node,
		contextItem: ec.contextItem,
		position:    ec.position,
		size:        ec.size,
	}
	ec.contextItem = item
	ec.node = nil
	ec.position = pos
	ec.size = size
	return frame
}

func (ec *evalContext) restoreContext(frame evalContextFrame) {
	ec.node = frame.node
	ec.contextItem = frame.contextItem
	ec.position = frame.position
	ec.size = frame.size
}

// contextStringValue returns the string value of the current context item.
// For node context items, it returns the XPath string value of the node.
// For atomic context items, it returns the string representation.
// Returns ("", false) if no context item is set.
func (ec *evalContext) contextStringValue() (string, bool) {
	if ec.contextItem != nil {
		if av, ok := ec.contextItem.(AtomicValue); ok {
			s, _ := atomicToString(av)
			return s, true
		}
		if ni, ok := ec.contextItem.(NodeItem); ok {
			return ec.nodeStringValue(ni.Node), true
		}
		return "", false
	}
	if ec.node != nil {
		return ec.nodeStringValue(ec.node), true
	}
	return "", false
}

// evalClock is the current time of an evaluation (or of a Session): read
// from the system clock on first use only, so that evaluations that never
// call fn:current-* never read it, and stable from then on.
type evalClock struct {
	set bool
	t   time.Time
}

// evalShared is the mutable state that all copies of one evaluation's
// context share (the struct is copied when the focus or the variables
// change): the operation count and the fn:doc cache, created on first use.
type evalShared struct {
	opCount  int
	docCache map[string]helium.Node
}

// getCurrentTime returns the cached current time for this evaluation.
func (ec *evalContext) getCurrentTime() time.Time {
	c := ec.clock
	if c == nil { // a context built by hand, not by an Evaluator
		c = &evalClock{}
		ec.clock = c
	}
	if !c.set {
		c.t = time.Now()
		c.set = true
	}
	return c.t
}

// getImplicitTimezone returns the implicit timezone for the dynamic context.
// If not explicitly set, it falls back to the system local timezone.
func (ec *evalContext) getImplicitTimezone() *time.Location {
	if ec.implicitTimezone != nil {
		return ec.implicitTimezone
	}
	return time.Local
}

// resolveDefaultCollation returns the collation implementation for the
// dynamic context's default collation URI.  Returns nil when the default
// is the codepoint collation (the XPath default), so callers can fast-path.
func (ec *evalContext) resolveDefaultCollation() *collationImpl {
	if ec.defaultCollation == "" || ec.defaultCollation == lexicon.CollationCodepoint {
		return nil
	}
	coll, err := resolveCollation(ec.defaultCollation, "")
	if err != nil {
		return nil
	}
	return coll
}

func (ec *evalContext) getDefaultLanguage() string {
	if ec.defaultLanguage != "" {
		return ec.defaultLanguage
	}
	return "en"
}

func (ec *evalContext) withVar(name string, val Sequence) *evalContext {
	cp := *ec
	cp.vars = scopeWithBinding(ec.vars, name, val)
	return &cp
}

// fnContext returns a context.Context carrying this evalContext for built-in
// function calls.
//
// The context is built once per evaluation context and parent: a built-in
// call inside a loop would otherwise allocate one per call. The value is
// the pointer ec, so a cached context observes ec's current focus exactly
// as a fresh one would.
func (ec *evalContext) fnContext(ctx context.Context) context.Context {
	if ec.fnOwner == ec && sameContext(ec.fnParent, ctx) {
		return ec.fnCtx
	}
	c := context.WithValue(ctx, fnContextKey{}, ec)
	ec.fnCtx, ec.fnParent, ec.fnOwner = c, ctx, ec
	return c
}

// sameContext reports whether a and b are the same context value, without
// the panic == raises on an incomparable dynamic type.
func sameContext(a, b context.Context) bool {
	if a == nil || b == nil {
		return false
	}
	ta := reflect.TypeOf(a)
	if ta != reflect.TypeOf(b) || !ta.Comparable() {
		return false
	}
	return a == b
}

// pushScope sets ec.vars to scope in place and returns the previous scope.
// The caller must call restoreScope when done to avoid corrupting state.
func (ec *evalContext) pushScope(scope *variableScope) *variableScope {
	old := ec.vars
	ec.vars = scope
	return old
}

// restoreScope restores ec.vars to a previous scope saved by pushScope.
func (ec *evalContext) restoreScope(old *variableScope) {
	ec.vars = old
}

func (ec *evalContext) countOps(ctx context.Context, n int) error {
	// Check context cancellation on every op count call
	if err := ctx.Err(); err != nil {
		return err
	}
	if ec.opLimit <= 0 {
		return nil
	}
	*ec.opCount += n
	if *ec.opCount > ec.opLimit {
		return ErrOpLimit
	}
	return nil
}

type exprEvaluator func(context.Context, *evalContext, Expr) (Sequence, error)

func evalWith(evalFn exprEvaluator, ctx context.Context, ec *evalContext, expr Expr) (Sequence, error) {
	ec.depth++
	if ec.maxRecursionDepth > 0 && ec.depth > ec.maxRecursionDepth {
		return nil, ErrRecursionLimit
	}
	defer func() { ec.depth-- }()

	return evalFn(ctx, ec, expr)
}

func evalContextItemExpr(ctx context.Context, ec *evalContext) (Sequence, error) {
	if ec.contextItem != nil {
		return ItemSlice{ec.contextItem}, nil
	}
	if ixpath.IsNilNode(ec.node) {
		return nil, &XPathError{Code: errCodeXPDY0002, Message: errMsgContextItemAbsent}
	}
	return ItemSlice{nodeItemFor(ctx, ec, ec.node)}, nil
}

func evalRootExpr(ctx context.Context, ec *evalContext) (Sequence, error) {
	if ixpath.IsNilNode(ec.node) {
		return nil, &XPathError{Code: errCodeXPDY0002, Message: errMsgContextItemAbsent}
	}
	root := ixpath.DocumentRoot(ec.node)
	// XPDY0050: the root of the context node's tree must be a document node.
	if root.Type() != helium.DocumentNode && root.Type() != helium.HTMLDocumentNode {
		return nil, &XPathError{Code: errCodeXPDY0050, Message: "root of the tree containing the context node is not a document node"}
	}
	return ItemSlice{nodeItemFor(ctx, ec, root)}, nil
}

func dispatchExpr(evalFn exprEvaluator, ctx context.Context, ec *evalContext, expr Expr) (Sequence, error) {
	switch e := expr.(type) {
	case compiledExprRef:
		return nil, fmt.Errorf("%w: compiled expression reference outside VM", ErrUnsupportedExpr)
	case LiteralExpr:
		return evalLiteral(e)
	case VariableExpr:
		return evalVariable(ctx, ec, e)
	case ContextItemExpr:
		return evalContextItemExpr(ctx, ec)
	case RootExpr:
		return evalRootExpr(ctx, ec)
	case SequenceExpr:
		return evalSequenceExpr(evalFn, ctx, ec, e)
	case *LocationPath:
		return evalLocationPath(evalFn, ctx, ec, e)
	case BinaryExpr:
		return evalBinaryExpr(evalFn, ctx, ec, e)
	case UnaryExpr:
		return evalUnaryExpr(evalFn, ctx, ec, e)
	case ConcatExpr:
		return evalConcatExpr(evalFn, ctx, ec, e)
	case SimpleMapExpr:
		return evalSimpleMapExpr(evalFn, ctx, ec, e)
	case RangeExpr:
		return evalRangeExpr(evalFn, ctx, ec, e)
	case UnionExpr:
		return evalUnionExpr(evalFn, ctx, ec, e)
	case IntersectExceptExpr:
		return evalIntersectExceptExpr(evalFn, ctx, ec, e)
	case FilterExpr:
		return evalFilterExpr(evalFn, ctx, ec, e)
	case PathExpr:
		return evalPathExpr(evalFn, ctx, ec, e)
	case PathStepExpr:
		return evalPathStepExpr(evalFn, ctx, ec, e)
	case LookupExpr:
		return evalLookupExpr(evalFn, ctx, ec, e)
	case UnaryLookupExpr:
		return evalUnaryLookupExpr(evalFn, ctx, ec, e)
	case FLWORExpr:
		return evalFLWOR(evalFn, ctx, ec, e)
	case QuantifiedExpr:
		return evalQuantifiedExpr(evalFn, ctx, ec, e)
	case IfExpr:
		return evalIfExpr(evalFn, ctx, ec, e)
	case TryCatchExpr:
		return evalTryCatchExpr(evalFn, ctx, ec, e)
	case InstanceOfExpr:
		return evalInstanceOfExpr(evalFn, ctx, ec, e)
	case CastExpr:
		return evalCastExpr(evalFn, ctx, ec, e)
	case CastableExpr:
		return evalCastableExpr(evalFn, ctx, ec, e)
	case TreatAsExpr:
		return evalTreatAsExpr(evalFn, ctx, ec, e)
	case FunctionCall:
		return evalFunctionCall(evalFn, ctx, ec, e, nil)
	case DynamicFunctionCall:
		return evalDynamicFunctionCall(evalFn, ctx, ec, e)
	case NamedFunctionRef:
		return evalNamedFunctionRef(ctx, ec, e)
	case InlineFunctionExpr:
		return evalInlineFunctionExpr(evalFn, ctx, ec, e)
	case MapConstructorExpr:
		return evalMapConstructorExpr(evalFn, ctx, ec, e)
	case ArrayConstructorExpr:
		return evalArrayConstructorExpr(evalFn, ctx, ec, e)
	default:
		return nil, fmt.Errorf("%w: %T", ErrUnsupportedExpr, expr)
	}
}
