// Package xmlmsg turns the errors of the XML parsers ozgctl uses (helium,
// encoding/xml, and the detail texts jacoelho/xsd's stream parser gives)
// into message keys with arguments, so that a not-well-formed finding reads
// the same, in German or English, whichever parser found the problem. A
// text no form matches is kept as "… (Originaltext: …)" under a key of its
// own.
package xmlmsg

import (
	"encoding/xml"
	"errors"
	"strings"

	"github.com/lestrrat-go/helium"

	"github.com/ozgctl/ozgctl/internal/xmllimit"
	"github.com/ozgctl/ozgctl/pkg/finding"
)

// RuleNotWellFormed is the rule id of findings about XML that cannot be parsed.
const RuleNotWellFormed = "xml:not-well-formed"

// The message forms of XML parse problems.
var (
	NotWellFormed = finding.Register("xml.not-well-formed",
		"Nachricht ist kein wohlgeformtes XML: %v", "message is not well-formed XML: %v")
	Other = finding.Register("xml.parser-other",
		"Fehler des XML-Parsers (Originaltext: %s)", "XML parser error (original text: %s)")

	NoMarkup = finding.Register("xml.no-markup",
		"kein XML-Markup am Anfang (Binärdaten oder kein XML)", "no XML markup at the start (binary data, or not XML)")
	NoRoot = finding.Register("xml.no-root",
		"das Dokument hat kein Wurzelelement", "no root element")
	Empty = finding.Register("xml.empty",
		"das Dokument ist leer", "XML document is empty")
	EndMismatch = finding.Register("xml.end-mismatch",
		"End-Tag </%s> passt nicht zum Start-Tag <%s>", "end element </%s> does not match start element <%s>")
	EndExpected = finding.Register("xml.end-expected",
		"End-Tag '%s' erwartet", "expected end tag '%s'")
	EOFBeforeEnd = finding.Register("xml.eof-before-end",
		"Dateiende vor dem End-Tag </%s>", "unexpected EOF before end element </%s>")
	EOF = finding.Register("xml.eof",
		"unerwartetes Dateiende", "unexpected EOF")
	Unclosed = finding.Register("xml.unclosed",
		"ein Element ist nicht geschlossen (Dateiende davor)", "unclosed element")
	MultipleRoots = finding.Register("xml.multiple-roots",
		"mehr als ein Wurzelelement", "multiple root elements")
	ExtraContent = finding.Register("xml.extra-content",
		"weiterer Inhalt nach dem Wurzelelement", "extra content at document end")
	InvalidComment = finding.Register("xml.invalid-comment",
		"ungültiger XML-Kommentar (etwa \"--\" im Kommentar)", "invalid XML comment")
	UnboundPrefix = finding.Register("xml.unbound-prefix",
		"Namensraum-Präfix %s ist nicht deklariert", "unbound namespace prefix %s")
	InvalidChar = finding.Register("xml.invalid-char",
		"ungültiges XML-Zeichen", "invalid XML character")
	IllegalChar = finding.Register("xml.illegal-char",
		"unzulässiges Zeichen %s", "illegal character code %s")
	InvalidUTF8 = finding.Register("xml.invalid-utf8",
		"ungültige UTF-8-Bytefolge", "invalid UTF-8")
	AttrUnquoted = finding.Register("xml.attr-unquoted",
		"Attributwerte müssen in Anführungszeichen stehen", "attribute value must be quoted")
	AttrUnquotedGot = finding.Register("xml.attr-unquoted-got",
		"Attributwert ohne Anführungszeichen (gefunden: '%s')", "attribute value not quoted (found '%s')")
	AttrLt = finding.Register("xml.attr-lt",
		"Attributwerte dürfen kein < enthalten", "attribute value cannot contain <")
	DuplicateAttr = finding.Register("xml.duplicate-attr",
		"doppeltes Attribut %s", "duplicate attribute %s")
	DuplicateAttrAnon = finding.Register("xml.duplicate-attr-anon",
		"doppeltes Attribut", "duplicate attribute is not allowed")
	UndeclaredEntity = finding.Register("xml.undeclared-entity",
		"nicht deklarierte Entitätsreferenz (ohne DTD sind nur %s und Zeichenreferenzen wie %s erlaubt)",
		"undeclared entity reference (without a DTD only %s and character references like %s are allowed)")
	UndeclaredEntityShort = finding.Register("xml.undeclared-entity-short",
		"nicht deklarierte Entitätsreferenz", "undeclared entity")
	UnexpectedEnd = finding.Register("xml.unexpected-end",
		"End-Tag ohne Start-Tag", "unexpected end element")
	Required = finding.Register("xml.required",
		"'%s' wird hier verlangt", "'%s' is required")
	CommentHyphen = finding.Register("xml.comment-hyphen",
		"'--' ist in Kommentaren nicht erlaubt", "'--' not allowed in comment")
	StartTagExpected = finding.Register("xml.start-tag-expected",
		"Start-Tag erwartet, '<' fehlt", "start tag expected, '<' not found")
	InvalidCharData = finding.Register("xml.invalid-char-data",
		"ungültige Zeichen im Text", "invalid char data")
	NameExpected = finding.Register("xml.name-expected",
		"Elementname erwartet (nach '<' steht kein gültiger Name)", "element name expected (no valid name after '<')")
	InvalidName = finding.Register("xml.invalid-name",
		"ungültiger XML-Name", "invalid XML name")
	InvalidDecl = finding.Register("xml.invalid-decl",
		"ungültige XML-Deklaration", "invalid XML declaration")
	CDATAEnd = finding.Register("xml.cdata-end",
		"']]>' darf im Text nicht vorkommen", "']]>' cannot appear in character data")
	InvalidCDATA = finding.Register("xml.invalid-cdata",
		"ungültiger CDATA-Abschnitt", "invalid CDATA section")
	InvalidPI = finding.Register("xml.invalid-pi",
		"ungültige Verarbeitungsanweisung", "invalid processing instruction")
	InvalidEntity = finding.Register("xml.invalid-char-ref",
		"ungültige Zeichenreferenz", "invalid character reference")
)

// Detail maps a parser's detail text (one sentence, no position) to a
// message. It knows the texts of jacoelho/xsd's stream parser, helium's
// parser and encoding/xml; any other text becomes [Other].
func Detail(s string) finding.Msg {
	s = strings.TrimSpace(s)
	if m, ok := fixed[s]; ok {
		return m.With()
	}
	if a, b, ok := two(s, "end element </", "> does not match start element <", ">"); ok {
		return EndMismatch.With(a, b)
	}
	if a, b, ok := two(s, "element <", "> closed by </", ">"); ok { // encoding/xml
		return EndMismatch.With(b, a)
	}
	for _, f := range oneArg {
		if a, ok := one(s, f.prefix, f.suffix); ok {
			return f.key.With(a)
		}
	}
	switch {
	case strings.HasPrefix(s, "local name empty!"): // helium on "<" with no name
		return NameExpected.With()
	case strings.HasPrefix(s, "unexpected EOF"):
		return EOF.With()
	}
	return Other.With(s)
}

var fixed = map[string]finding.Key{
	"no root element":                                NoRoot,
	"XML document is empty":                          Empty,
	"empty document":                                 Empty,
	"multiple root elements":                         MultipleRoots,
	"XML document has multiple roots":                MultipleRoots,
	"unclosed element":                               Unclosed,
	"invalid XML comment":                            InvalidComment,
	"invalid comment section":                        InvalidComment,
	"invalid XML character":                          InvalidChar,
	"invalid char":                                   InvalidChar,
	"invalid UTF-8":                                  InvalidUTF8,
	"attribute value must be quoted":                 AttrUnquoted,
	"unquoted or missing attribute value in element": AttrUnquoted,
	"attribute value cannot contain <":               AttrLt,
	"unexpected end element":                         UnexpectedEnd,
	"'--' not allowed in comment":                    CommentHyphen,
	"duplicate attribute is not allowed":             DuplicateAttrAnon,
	"undeclared entity":                              UndeclaredEntityShort,
	"entity not found":                               UndeclaredEntityShort,
	"extra content at document end":                  ExtraContent,
	"start tag expected, '<' not found":              StartTagExpected,
	"invalid char data":                              InvalidCharData,
	"expected element name after <":                  NameExpected,
	"empty XML name":                                 NameExpected,
	"invalid XML name":                               InvalidName,
	"invalid xml name":                               InvalidName,
	"invalid XML qualified name":                     InvalidName,
	"name is required":                               InvalidName,
	"invalid XML declaration":                        InvalidDecl,
	"]]> cannot appear in character data":            CDATAEnd,
	"misplaced CDATA end ']]>'":                      CDATAEnd,
	"invalid CDATA section":                          InvalidCDATA,
	"invalid processing instruction":                 InvalidPI,
	"invalid character entity":                       InvalidEntity,
	"end of document reached":                        EOF,
	"end of file reached":                            EOF,
	"unexpected EOF":                                 EOF,
	"string not started":                             AttrUnquoted,
}

var oneArg = []struct {
	prefix, suffix string
	key            finding.Key
}{
	{"unexpected EOF before end element </", ">", EOFBeforeEnd},
	{"expected end tag '", "'", EndExpected},
	{"unbound namespace prefix ", "", UnboundPrefix},
	{"illegal character code ", "", IllegalChar}, // encoding/xml
	{"namespace ", " not found", UnboundPrefix},  // helium quotes the prefix
	{"string not started (got '", "')", AttrUnquotedGot},
	{"duplicate attribute ", "", DuplicateAttr},
	{"'", "' is required", Required},
	{"'", "' was required here", Required},
	{"unexpected end element </", ">", UnexpectedEnd},
}

func one(s, prefix, suffix string) (string, bool) {
	rest, ok := strings.CutPrefix(s, prefix)
	if !ok {
		return "", false
	}
	rest, ok = strings.CutSuffix(rest, suffix)
	return rest, ok && rest != ""
}

func two(s, prefix, mid, suffix string) (string, string, bool) {
	rest, ok := strings.CutPrefix(s, prefix)
	if !ok {
		return "", "", false
	}
	rest, ok = strings.CutSuffix(rest, suffix)
	if !ok {
		return "", "", false
	}
	a, b, ok := strings.Cut(rest, mid)
	return a, b, ok
}

// Helium maps a helium parse error to its detail message and position
// (0 when unknown).
func Helium(err error) (msg finding.Msg, line, col int) {
	var pe helium.ErrParseError
	if errors.As(err, &pe) {
		inner := pe.Err
		if inner == nil {
			return Other.With(firstLine(err.Error())), pe.LineNumber, pe.Column
		}
		return Detail(firstLine(inner.Error())), pe.LineNumber, pe.Column
	}
	return Detail(firstLine(err.Error())), 0, 0
}

// Syntax maps an encoding/xml error to its detail message and line.
func Syntax(err error) (msg finding.Msg, line int) {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return Detail(se.Msg), se.Line
	}
	return Detail(err.Error()), 0
}

// Finding returns the xml:not-well-formed finding with detail at line and col.
func Finding(detail finding.Msg, line, col int) finding.Finding {
	return finding.Finding{Rule: RuleNotWellFormed, Severity: finding.Error, Source: "xml",
		Line: line, Column: col, Msg: NotWellFormed.With(detail)}
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}

// RuleLimit is the rule id of a message that exceeds a reading limit (see
// internal/xmllimit): a text node larger than --max-text-size, nesting
// deeper than --max-depth. The message may be well-formed; it is never
// reported as not well-formed.
const RuleLimit = "xml:limit"

// The message forms of xml:limit: each names the limit, its value and the
// flag that raises it.
var (
	TextLimit = finding.Register("xml.limit.text",
		"ein Textknoten oder Attributwert ist größer als die Grenze von %s (--max-text-size); die Nachricht wurde nicht weiter geprüft",
		"a text node or attribute value is larger than the limit of %s (--max-text-size); the message was not checked further")
	DepthLimit = finding.Register("xml.limit.depth",
		"Elemente sind tiefer verschachtelt als die Grenze von %d Ebenen (--max-depth); die Nachricht wurde nicht weiter geprüft",
		"elements are nested deeper than the limit of %d levels (--max-depth); the message was not checked further")
	AttributeLimit = finding.Register("xml.limit.attributes",
		"ein Element hat mehr als %d Attribute (feste Grenze); die Nachricht wurde nicht weiter geprüft",
		"an element has more than %d attributes (a fixed limit); the message was not checked further")
	NameLimit = finding.Register("xml.limit.name",
		"ein Name ist länger als %d Zeichen (feste Grenze); die Nachricht wurde nicht weiter geprüft",
		"a name is longer than %d characters (a fixed limit); the message was not checked further")
)

// TextLimitMsg and DepthLimitMsg are the messages for the limits of lim.
func TextLimitMsg(lim xmllimit.Limits) finding.Msg {
	return TextLimit.With(xmllimit.FormatSize(lim.Effective().MaxTextSize))
}

// DepthLimitMsg is the message for the depth limit of lim.
func DepthLimitMsg(lim xmllimit.Limits) finding.Msg {
	return DepthLimit.With(lim.Effective().MaxDepth)
}

// LimitFinding returns the xml:limit finding with msg at line and col.
func LimitFinding(msg finding.Msg, line, col int) finding.Finding {
	return finding.Finding{Rule: RuleLimit, Severity: finding.Error, Source: "xml",
		Line: line, Column: col, Msg: msg}
}

// HeliumFinding returns the finding for an error of a helium parser set up
// with lim ([xmllimit.Limits.HeliumParser]): xml:limit when a limit
// stopped it, xml:not-well-formed otherwise.
func HeliumFinding(err error, lim xmllimit.Limits) finding.Finding {
	detail, line, col := Helium(err)
	switch {
	case errors.Is(err, helium.ErrNodeContentTooLarge):
		return LimitFinding(TextLimitMsg(lim), line, col)
	case strings.Contains(err.Error(), "exceeded max depth"):
		return LimitFinding(DepthLimitMsg(lim), line, col)
	case errors.Is(err, helium.ErrNameTooLong):
		return LimitFinding(NameLimit.With(helium.DefaultMaxNameLength), line, col)
	}
	return Finding(detail, line, col)
}
