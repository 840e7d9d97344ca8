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

	"github.com/ozgctl/ozgctl/internal/lazy"
	"github.com/ozgctl/ozgctl/internal/xmllimit"
	"github.com/ozgctl/ozgctl/pkg/finding"
)

// ruleNotWellFormed is the rule id of findings about XML that cannot be parsed.
const ruleNotWellFormed = "xml:not-well-formed"

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
	msgEmpty = finding.Register("xml.empty",
		"das Dokument ist leer", "XML document is empty")
	msgEndMismatch = finding.Register("xml.end-mismatch",
		"End-Tag </%s> passt nicht zum Start-Tag <%s>", "end element </%s> does not match start element <%s>")
	msgEndExpected = finding.Register("xml.end-expected",
		"End-Tag '%s' erwartet", "expected end tag '%s'")
	msgEOFBeforeEnd = finding.Register("xml.eof-before-end",
		"Dateiende vor dem End-Tag </%s>", "unexpected EOF before end element </%s>")
	msgEOF = finding.Register("xml.eof",
		"unerwartetes Dateiende", "unexpected EOF")
	msgUnclosed = finding.Register("xml.unclosed",
		"ein Element ist nicht geschlossen (Dateiende davor)", "unclosed element")
	msgMultipleRoots = finding.Register("xml.multiple-roots",
		"mehr als ein Wurzelelement", "multiple root elements")
	msgExtraContent = finding.Register("xml.extra-content",
		"weiterer Inhalt nach dem Wurzelelement", "extra content at document end")
	msgInvalidComment = finding.Register("xml.invalid-comment",
		"ungültiger XML-Kommentar (etwa \"--\" im Kommentar)", "invalid XML comment")
	msgUnboundPrefix = finding.Register("xml.unbound-prefix",
		"Namensraum-Präfix %s ist nicht deklariert", "unbound namespace prefix %s")
	InvalidChar = finding.Register("xml.invalid-char",
		"ungültiges XML-Zeichen", "invalid XML character")
	msgIllegalChar = finding.Register("xml.illegal-char",
		"unzulässiges Zeichen %s", "illegal character code %s")
	msgInvalidUTF8 = finding.Register("xml.invalid-utf8",
		"ungültige UTF-8-Bytefolge", "invalid UTF-8")
	msgAttrUnquoted = finding.Register("xml.attr-unquoted",
		"Attributwerte müssen in Anführungszeichen stehen", "attribute value must be quoted")
	msgAttrUnquotedGot = finding.Register("xml.attr-unquoted-got",
		"Attributwert ohne Anführungszeichen (gefunden: '%s')", "attribute value not quoted (found '%s')")
	msgAttrLt = finding.Register("xml.attr-lt",
		"Attributwerte dürfen kein < enthalten", "attribute value cannot contain <")
	msgDuplicateAttr = finding.Register("xml.duplicate-attr",
		"doppeltes Attribut %s", "duplicate attribute %s")
	msgDuplicateAttrAnon = finding.Register("xml.duplicate-attr-anon",
		"doppeltes Attribut", "duplicate attribute is not allowed")
	UndeclaredEntity = finding.Register("xml.undeclared-entity",
		"nicht deklarierte Entitätsreferenz (ohne DTD sind nur %s und Zeichenreferenzen wie %s erlaubt)",
		"undeclared entity reference (without a DTD only %s and character references like %s are allowed)")
	msgUndeclaredEntityShort = finding.Register("xml.undeclared-entity-short",
		"nicht deklarierte Entitätsreferenz", "undeclared entity")
	msgUnexpectedEnd = finding.Register("xml.unexpected-end",
		"End-Tag ohne Start-Tag", "unexpected end element")
	msgRequired = finding.Register("xml.required",
		"'%s' wird hier verlangt", "'%s' is required")
	msgCommentHyphen = finding.Register("xml.comment-hyphen",
		"'--' ist in Kommentaren nicht erlaubt", "'--' not allowed in comment")
	msgStartTagExpected = finding.Register("xml.start-tag-expected",
		"Start-Tag erwartet, '<' fehlt", "start tag expected, '<' not found")
	msgInvalidCharData = finding.Register("xml.invalid-char-data",
		"ungültige Zeichen im Text", "invalid char data")
	msgNameExpected = finding.Register("xml.name-expected",
		"Elementname erwartet (nach '<' steht kein gültiger Name)", "element name expected (no valid name after '<')")
	msgInvalidName = finding.Register("xml.invalid-name",
		"ungültiger XML-Name", "invalid XML name")
	msgInvalidDecl = finding.Register("xml.invalid-decl",
		"ungültige XML-Deklaration", "invalid XML declaration")
	msgCDATAEnd = finding.Register("xml.cdata-end",
		"']]>' darf im Text nicht vorkommen", "']]>' cannot appear in character data")
	msgInvalidCDATA = finding.Register("xml.invalid-cdata",
		"ungültiger CDATA-Abschnitt", "invalid CDATA section")
	msgInvalidPI = finding.Register("xml.invalid-pi",
		"ungültige Verarbeitungsanweisung", "invalid processing instruction")
	msgInvalidEntity = finding.Register("xml.invalid-char-ref",
		"ungültige Zeichenreferenz", "invalid character reference")
)

// Detail maps a parser's detail text (one sentence, no position) to a
// message. It knows the texts of jacoelho/xsd's stream parser, helium's
// parser and encoding/xml; any other text becomes [Other].
func Detail(s string) finding.Msg {
	s = strings.TrimSpace(s)
	if m, ok := fixed.Get()[s]; ok {
		return m.With()
	}
	if a, b, ok := two(s, "end element </", "> does not match start element <", ">"); ok {
		return msgEndMismatch.With(a, b)
	}
	if a, b, ok := two(s, "element <", "> closed by </", ">"); ok { // encoding/xml
		return msgEndMismatch.With(b, a)
	}
	for _, f := range oneArg {
		if a, ok := one(s, f.prefix, f.suffix); ok {
			return f.key.With(a)
		}
	}
	switch {
	case strings.HasPrefix(s, "local name empty!"): // helium on "<" with no name
		return msgNameExpected.With()
	case strings.HasPrefix(s, "unexpected EOF"):
		return msgEOF.With()
	}
	return Other.With(s)
}

var fixed = lazy.Value[map[string]finding.Key]{F: func() map[string]finding.Key {
	return map[string]finding.Key{
		"no root element":                                NoRoot,
		"XML document is empty":                          msgEmpty,
		"empty document":                                 msgEmpty,
		"multiple root elements":                         msgMultipleRoots,
		"XML document has multiple roots":                msgMultipleRoots,
		"unclosed element":                               msgUnclosed,
		"invalid XML comment":                            msgInvalidComment,
		"invalid comment section":                        msgInvalidComment,
		"invalid XML character":                          InvalidChar,
		"invalid char":                                   InvalidChar,
		"invalid UTF-8":                                  msgInvalidUTF8,
		"attribute value must be quoted":                 msgAttrUnquoted,
		"unquoted or missing attribute value in element": msgAttrUnquoted,
		"attribute value cannot contain <":               msgAttrLt,
		"unexpected end element":                         msgUnexpectedEnd,
		"'--' not allowed in comment":                    msgCommentHyphen,
		"duplicate attribute is not allowed":             msgDuplicateAttrAnon,
		"undeclared entity":                              msgUndeclaredEntityShort,
		"entity not found":                               msgUndeclaredEntityShort,
		"extra content at document end":                  msgExtraContent,
		"start tag expected, '<' not found":              msgStartTagExpected,
		"invalid char data":                              msgInvalidCharData,
		"expected element name after <":                  msgNameExpected,
		"empty XML name":                                 msgNameExpected,
		"invalid XML name":                               msgInvalidName,
		"invalid xml name":                               msgInvalidName,
		"invalid XML qualified name":                     msgInvalidName,
		"name is required":                               msgInvalidName,
		"invalid XML declaration":                        msgInvalidDecl,
		"]]> cannot appear in character data":            msgCDATAEnd,
		"misplaced CDATA end ']]>'":                      msgCDATAEnd,
		"invalid CDATA section":                          msgInvalidCDATA,
		"invalid processing instruction":                 msgInvalidPI,
		"invalid character entity":                       msgInvalidEntity,
		"end of document reached":                        msgEOF,
		"end of file reached":                            msgEOF,
		"unexpected EOF":                                 msgEOF,
		"string not started":                             msgAttrUnquoted,
	}
}}

var oneArg = []struct {
	prefix, suffix string
	key            finding.Key
}{
	{"unexpected EOF before end element </", ">", msgEOFBeforeEnd},
	{"expected end tag '", "'", msgEndExpected},
	{"unbound namespace prefix ", "", msgUnboundPrefix},
	{"illegal character code ", "", msgIllegalChar}, // encoding/xml
	{"namespace ", " not found", msgUnboundPrefix},  // helium quotes the prefix
	{"string not started (got '", "')", msgAttrUnquotedGot},
	{"duplicate attribute ", "", msgDuplicateAttr},
	{"'", "' is required", msgRequired},
	{"'", "' was required here", msgRequired},
	{"unexpected end element </", ">", msgUnexpectedEnd},
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

// heliumMsg maps a helium parse error to its detail message and position
// (0 when unknown).
func heliumMsg(err error) (msg finding.Msg, line, col int) {
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
	return finding.Finding{Rule: ruleNotWellFormed, Severity: finding.Error, Source: "xml",
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
	msgTextLimit = finding.Register("xml.limit.text",
		"ein Textknoten oder Attributwert ist größer als die Grenze von %s (--max-text-size); die Nachricht wurde nicht weiter geprüft",
		"a text node or attribute value is larger than the limit of %s (--max-text-size); the message was not checked further")
	msgDepthLimit = finding.Register("xml.limit.depth",
		"Elemente sind tiefer verschachtelt als die Grenze von %d Ebenen (--max-depth); die Nachricht wurde nicht weiter geprüft",
		"elements are nested deeper than the limit of %d levels (--max-depth); the message was not checked further")
	AttributeLimit = finding.Register("xml.limit.attributes",
		"ein Element hat mehr als %d Attribute (feste Grenze); die Nachricht wurde nicht weiter geprüft",
		"an element has more than %d attributes (a fixed limit); the message was not checked further")
	msgNameLimit = finding.Register("xml.limit.name",
		"ein Name ist länger als %d Zeichen (feste Grenze); die Nachricht wurde nicht weiter geprüft",
		"a name is longer than %d characters (a fixed limit); the message was not checked further")
)

// TextLimitMsg and DepthLimitMsg are the messages for the limits of lim.
func TextLimitMsg(lim xmllimit.Limits) finding.Msg {
	return msgTextLimit.With(xmllimit.FormatSize(lim.Effective().MaxTextSize))
}

// DepthLimitMsg is the message for the depth limit of lim.
func DepthLimitMsg(lim xmllimit.Limits) finding.Msg {
	return msgDepthLimit.With(lim.Effective().MaxDepth)
}

// limitFinding returns the xml:limit finding with msg at line and col.
func limitFinding(msg finding.Msg, line, col int) finding.Finding {
	return finding.Finding{Rule: RuleLimit, Severity: finding.Error, Source: "xml",
		Line: line, Column: col, Msg: msg}
}

// HeliumFinding returns the finding for an error of a helium parser set up
// with lim ([xmllimit.Limits.HeliumParser]): xml:limit when a limit
// stopped it, xml:not-well-formed otherwise.
func HeliumFinding(err error, lim xmllimit.Limits) finding.Finding {
	detail, line, col := heliumMsg(err)
	switch {
	case errors.Is(err, helium.ErrNodeContentTooLarge):
		return limitFinding(TextLimitMsg(lim), line, col)
	case strings.Contains(err.Error(), "exceeded max depth"):
		return limitFinding(DepthLimitMsg(lim), line, col)
	case errors.Is(err, helium.ErrNameTooLong):
		return limitFinding(msgNameLimit.With(helium.DefaultMaxNameLength), line, col)
	}
	return Finding(detail, line, col)
}
