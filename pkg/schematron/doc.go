// Package schematron is an ISO Schematron engine on XPath 3.1
// (github.com/lestrrat-go/helium/xpath3).
//
// [Compile] reads a rule file with its includes once and compiles every
// expression; the resulting [Rules] is read-only and can be shared by
// workers, each calling [Rules.Evaluate] (or [Rules.Check]) per document.
//
// # Supported
//
// Query bindings xslt2, xslt3, xpath2, xpath3 (XPath 3.1) and xslt, xpath
// (XPath 1.0 compatibility mode); any other binding is a load error.
// Elements: schema, ns, phase/active (Options.Phase, default the
// defaultPhase or #ALL), pattern, rule (the first matching rule of a
// pattern wins for a node), assert, report, let (schema, phase and
// pattern lets are global variables evaluated at the document node; rule
// lets are evaluated lazily with the rule's context node), abstract rules
// with extends, abstract patterns with is-a and param, include (relative
// paths, cycles are errors), flag, role, id, see, value-of, name,
// diagnostics, and xsl:function whose body is xsl:param, xsl:variable and
// one xsl:sequence. XSLT's current() returns the rule's context node.
//
// Every expression is checked at load time: syntax, namespace prefixes
// (sch:ns declarations and the prefixes of xsl:function names), function
// names and arities, and variables in scope. Errors are *[LoadError]
// values naming file and line.
//
// # Rule contexts
//
// A rule context is an XSLT pattern. Union branches made of child and
// attribute steps (with "/" or "//" between them) and predicates that are
// certainly not positional are matched against candidate nodes taken from
// a per-document name index; other branches are evaluated as XPath from
// the document node, relative ones with "//" prepended.
//
// # Results
//
// A failed assert or a successful report becomes a [Fired] value: the
// id (or a generated "file.sch:LINE" id), the severity from flag (fatal
// and error → error, warning → warning, information and info → info; role
// is consulted when flag is absent; neither means error), the message with
// value-of and name rendered and whitespace normalised, the node's
// location and line. A dynamic XPath error in a test does not stop the
// evaluation: the assertion is reported as an error with Err set.
//
// # Speed
//
// Expressions are compiled once. Per document the engine keeps one
// document-order cache and a name index; absolute //name[p] paths are
// answered from the index, E//name[p] becomes E/descendant::name[p],
// child::name steps read a cached per-node child list (helium's child
// axis allocates on every use). An absolute //name[p] whose predicates
// depend on the candidate node alone (no variables, current(),
// xsl:function, position() or last()) is evaluated once per document and
// shared by every assert and rule that writes it. Tests and rule-context
// predicates of common forms are answered in Go without XPath: paths of
// child steps (not(cac:A/cbc:B), half of the EN16931 UBL asserts), also
// with such predicates or from a //name[p]; count(P) against a number;
// code-list membership contains(' A B ', concat(' ', normalize-space(X), ' '));
// normalize-space(X), upper-case, name() and child values compared with
// string literals; P = true()/false(); starts-with, ends-with; self:: and
// ancestor:: steps. A shortcut declines wherever XPath could raise an
// error (several nodes where one is allowed, a value that is not a
// boolean, non-ASCII case mapping), and XPath then decides. None of this
// changes a result; differential tests compare every fired assertion
// with plain XPath evaluation on the corpus invoices and the EN16931
// unit-test instances.
//
// Locations use the document's own prefixes and the position among
// same-named siblings: /Invoice[1]/cac:InvoiceLine[2]/cbc:ID[1], with
// "/@name" for attributes.
package schematron
