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
const (
	NotWellFormed finding.Key = "xml.not-well-formed"
	Other         finding.Key = "xml.parser-other"

	NoMarkup                 finding.Key = "xml.no-markup"
	NoRoot                   finding.Key = "xml.no-root"
	msgEmpty                 finding.Key = "xml.empty"
	msgEndMismatch           finding.Key = "xml.end-mismatch"
	msgEndExpected           finding.Key = "xml.end-expected"
	msgEOFBeforeEnd          finding.Key = "xml.eof-before-end"
	msgEOF                   finding.Key = "xml.eof"
	msgUnclosed              finding.Key = "xml.unclosed"
	msgMultipleRoots         finding.Key = "xml.multiple-roots"
	msgExtraContent          finding.Key = "xml.extra-content"
	msgInvalidComment        finding.Key = "xml.invalid-comment"
	msgUnboundPrefix         finding.Key = "xml.unbound-prefix"
	InvalidChar              finding.Key = "xml.invalid-char"
	msgIllegalChar           finding.Key = "xml.illegal-char"
	msgInvalidUTF8           finding.Key = "xml.invalid-utf8"
	msgAttrUnquoted          finding.Key = "xml.attr-unquoted"
	msgAttrUnquotedGot       finding.Key = "xml.attr-unquoted-got"
	msgAttrLt                finding.Key = "xml.attr-lt"
	msgDuplicateAttr         finding.Key = "xml.duplicate-attr"
	msgDuplicateAttrAnon     finding.Key = "xml.duplicate-attr-anon"
	UndeclaredEntity         finding.Key = "xml.undeclared-entity"
	msgUndeclaredEntityShort finding.Key = "xml.undeclared-entity-short"
	msgUnexpectedEnd         finding.Key = "xml.unexpected-end"
	msgRequired              finding.Key = "xml.required"
	msgCommentHyphen         finding.Key = "xml.comment-hyphen"
	msgStartTagExpected      finding.Key = "xml.start-tag-expected"
	msgInvalidCharData       finding.Key = "xml.invalid-char-data"
	msgNameExpected          finding.Key = "xml.name-expected"
	msgInvalidName           finding.Key = "xml.invalid-name"
	msgInvalidDecl           finding.Key = "xml.invalid-decl"
	msgCDATAEnd              finding.Key = "xml.cdata-end"
	msgInvalidCDATA          finding.Key = "xml.invalid-cdata"
	msgInvalidPI             finding.Key = "xml.invalid-pi"
	msgInvalidEntity         finding.Key = "xml.invalid-char-ref"
)

// xmlmsgForms holds the message forms of the keys above.
var xmlmsgForms = []finding.Form{
	{Key: msgAttrLt,
		DE: "Attributwerte dürfen kein < enthalten",
		EN: "attribute value cannot contain <"},
	{Key: msgAttrUnquoted,
		DE: "Attributwerte müssen in Anführungszeichen stehen",
		EN: "attribute value must be quoted"},
	{Key: msgAttrUnquotedGot,
		DE: "Attributwert ohne Anführungszeichen (gefunden: '%s')",
		EN: "attribute value not quoted (found '%s')"},
	{Key: msgCDATAEnd,
		DE: "']]>' darf im Text nicht vorkommen",
		EN: "']]>' cannot appear in character data"},
	{Key: msgCommentHyphen,
		DE: "'--' ist in Kommentaren nicht erlaubt",
		EN: "'--' not allowed in comment"},
	{Key: msgDuplicateAttr,
		DE: "doppeltes Attribut %s",
		EN: "duplicate attribute %s"},
	{Key: msgDuplicateAttrAnon,
		DE: "doppeltes Attribut",
		EN: "duplicate attribute is not allowed"},
	{Key: msgEmpty,
		DE: "das Dokument ist leer",
		EN: "XML document is empty"},
	{Key: msgEndExpected,
		DE: "End-Tag '%s' erwartet",
		EN: "expected end tag '%s'"},
	{Key: msgEndMismatch,
		DE: "End-Tag </%s> passt nicht zum Start-Tag <%s>",
		EN: "end element </%s> does not match start element <%s>"},
	{Key: msgEOF,
		DE: "unerwartetes Dateiende",
		EN: "unexpected EOF"},
	{Key: msgEOFBeforeEnd,
		DE: "Dateiende vor dem End-Tag </%s>",
		EN: "unexpected EOF before end element </%s>"},
	{Key: msgExtraContent,
		DE: "weiterer Inhalt nach dem Wurzelelement",
		EN: "extra content at document end"},
	{Key: msgIllegalChar,
		DE: "unzulässiges Zeichen %s",
		EN: "illegal character code %s"},
	{Key: msgInvalidCDATA,
		DE: "ungültiger CDATA-Abschnitt",
		EN: "invalid CDATA section"},
	{Key: InvalidChar,
		DE: "ungültiges XML-Zeichen",
		EN: "invalid XML character"},
	{Key: msgInvalidCharData,
		DE: "ungültige Zeichen im Text",
		EN: "invalid char data"},
	{Key: msgInvalidEntity,
		DE: "ungültige Zeichenreferenz",
		EN: "invalid character reference"},
	{Key: msgInvalidComment,
		DE: "ungültiger XML-Kommentar (etwa \"--\" im Kommentar)",
		EN: "invalid XML comment"},
	{Key: msgInvalidDecl,
		DE: "ungültige XML-Deklaration",
		EN: "invalid XML declaration"},
	{Key: msgInvalidName,
		DE: "ungültiger XML-Name",
		EN: "invalid XML name"},
	{Key: msgInvalidPI,
		DE: "ungültige Verarbeitungsanweisung",
		EN: "invalid processing instruction"},
	{Key: msgInvalidUTF8,
		DE: "ungültige UTF-8-Bytefolge",
		EN: "invalid UTF-8"},
	{Key: msgMultipleRoots,
		DE: "mehr als ein Wurzelelement",
		EN: "multiple root elements"},
	{Key: msgNameExpected,
		DE: "Elementname erwartet (nach '<' steht kein gültiger Name)",
		EN: "element name expected (no valid name after '<')"},
	{Key: NoMarkup,
		DE: "kein XML-Markup am Anfang (Binärdaten oder kein XML)",
		EN: "no XML markup at the start (binary data, or not XML)"},
	{Key: NoRoot,
		DE: "das Dokument hat kein Wurzelelement",
		EN: "no root element"},
	{Key: NotWellFormed,
		DE: "Nachricht ist kein wohlgeformtes XML: %v",
		EN: "message is not well-formed XML: %v"},
	{Key: Other,
		DE: "Fehler des XML-Parsers (Originaltext: %s)",
		EN: "XML parser error (original text: %s)"},
	{Key: msgRequired,
		DE: "'%s' wird hier verlangt",
		EN: "'%s' is required"},
	{Key: msgStartTagExpected,
		DE: "Start-Tag erwartet, '<' fehlt",
		EN: "start tag expected, '<' not found"},
	{Key: msgUnboundPrefix,
		DE: "Namensraum-Präfix %s ist nicht deklariert",
		EN: "unbound namespace prefix %s"},
	{Key: msgUnclosed,
		DE: "ein Element ist nicht geschlossen (Dateiende davor)",
		EN: "unclosed element"},
	{Key: UndeclaredEntity,
		DE: "nicht deklarierte Entitätsreferenz (ohne DTD sind nur %s und Zeichenreferenzen wie %s erlaubt)",
		EN: "undeclared entity reference (without a DTD only %s and character references like %s are allowed)"},
	{Key: msgUndeclaredEntityShort,
		DE: "nicht deklarierte Entitätsreferenz",
		EN: "undeclared entity"},
	{Key: msgUnexpectedEnd,
		DE: "End-Tag ohne Start-Tag",
		EN: "unexpected end element"},
}

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
const (
	msgTextLimit   finding.Key = "xml.limit.text"
	msgDepthLimit  finding.Key = "xml.limit.depth"
	AttributeLimit finding.Key = "xml.limit.attributes"
	msgNameLimit   finding.Key = "xml.limit.name"
)

// xmlmsgForms2 holds the message forms of the keys above.
var xmlmsgForms2 = []finding.Form{
	{Key: AttributeLimit,
		DE: "ein Element hat mehr als %d Attribute (feste Grenze); die Nachricht wurde nicht weiter geprüft",
		EN: "an element has more than %d attributes (a fixed limit); the message was not checked further"},
	{Key: msgDepthLimit,
		DE: "Elemente sind tiefer verschachtelt als die Grenze von %d Ebenen (--max-depth); die Nachricht wurde nicht weiter geprüft",
		EN: "elements are nested deeper than the limit of %d levels (--max-depth); the message was not checked further"},
	{Key: msgNameLimit,
		DE: "ein Name ist länger als %d Zeichen (feste Grenze); die Nachricht wurde nicht weiter geprüft",
		EN: "a name is longer than %d characters (a fixed limit); the message was not checked further"},
	{Key: msgTextLimit,
		DE: "ein Textknoten oder Attributwert ist größer als die Grenze von %s (--max-text-size); die Nachricht wurde nicht weiter geprüft",
		EN: "a text node or attribute value is larger than the limit of %s (--max-text-size); the message was not checked further"},
}

func init() { finding.Forms(xmlmsgForms, xmlmsgForms2) }

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
