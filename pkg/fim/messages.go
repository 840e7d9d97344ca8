package fim

import "github.com/ozgctl/ozgctl/pkg/finding"

// Message forms of the reader's findings.
const (
	msgReadElementInsideWhichShould                           finding.Key = "fim.read.element-inside-which-should"
	msgReadUnknownElementInIt                                 finding.Key = "fim.read.unknown-element-in-it"
	msgReadElementsHaveNoNamespace                            finding.Key = "fim.read.elements-have-no-namespace"
	msgReadUnknownValueForIn                                  finding.Key = "fim.read.unknown-value-for-in"
	msgReadInvalidAnzahlExpectedMin                           finding.Key = "fim.read.invalid-anzahl-expected-min"
	msgReadAnzahlTheMaximumIs                                 finding.Key = "fim.read.anzahl-the-maximum-is"
	msgReadStrukturHoldsNoElement                             finding.Key = "fim.read.struktur-holds-no-element"
	msgReadStrukturWithoutAnzahlIs                            finding.Key = "fim.read.struktur-without-anzahl-is"
	msgReadGroupContainsItself                                finding.Key = "fim.read.group-contains-itself"
	msgReadOccursSeveralTimesWith                             finding.Key = "fim.read.occurs-several-times-with"
	msgReadMaxsizeIsNotA                                      finding.Key = "fim.read.maxsize-is-not-a"
	msgReadCodelistereferenzWithoutCanonicalidentificationThe finding.Key = "fim.read.codelistereferenz-without-canonicalidentification-the"
	msgReadCodeListVersionIs                                  finding.Key = "fim.read.code-list-version-is"
	msgReadRuleHasNoExecutable                                finding.Key = "fim.read.rule-has-no-executable"
	msgReadIstabstraktIsNotA                                  finding.Key = "fim.read.istabstrakt-is-not-a"
	msgReadPraezisierungIsNotA                                finding.Key = "fim.read.praezisierung-is-not-a"
	msgReadPraezisierungIsNotA2                               finding.Key = "fim.read.praezisierung-is-not-a-2"
	msgReadPatternIsEscapedTwice                              finding.Key = "fim.read.pattern-is-escaped-twice"
	msgReadPraezisierungIsNotA3                               finding.Key = "fim.read.praezisierung-is-not-a-3"
	msgReadPraezisierungTheValueOf                            finding.Key = "fim.read.praezisierung-the-value-of"
	msgReadPraezisierungUnknownKeyKnown                       finding.Key = "fim.read.praezisierung-unknown-key-known"
)

// messagesForms holds the message forms of the keys above.
var messagesForms = []finding.Form{
	{Key: msgReadAnzahlTheMaximumIs,
		DE: "Anzahl %q: das Maximum ist kleiner als das Minimum",
		EN: "anzahl %q: the maximum is below the minimum"},
	{Key: msgReadCodeListVersionIs,
		DE: "die Codelisten-Version %q hat die Form eines Datums, ist aber kein gültiges Datum (JJJJ-MM-TT)",
		EN: "code list version %q is shaped like a date but is not a valid date (YYYY-MM-DD)"},
	{Key: msgReadCodelistereferenzWithoutCanonicalidentificationThe,
		DE: "<codelisteReferenz> ohne canonicalIdentification; die Codeliste kann nicht bestimmt werden",
		EN: "<codelisteReferenz> without canonicalIdentification; the code list cannot be determined"},
	{Key: msgReadElementInsideWhichShould,
		DE: "Element <%s> in <%s>, das nur Text enthalten soll; der Text darin wird übernommen",
		EN: "element <%s> inside <%s>, which should hold text only; its text is kept"},
	{Key: msgReadElementsHaveNoNamespace,
		DE: "%d Elemente stehen ohne Namensraum; nur das Wurzelelement ist im XDatenfelder-Namensraum %q (nicht schemakonform, wird gelesen)",
		EN: "%d elements have no namespace; only the root element is in the XDatenfelder namespace %q (not schema-valid, read anyway)"},
	{Key: msgReadGroupContainsItself,
		DE: "die Datenfeldgruppe %s enthält sich selbst",
		EN: "group %s contains itself"},
	{Key: msgReadInvalidAnzahlExpectedMin,
		DE: "ungültige Anzahl %q; erwartet min:max, z. B. 1:1, 0:1 oder 0:*",
		EN: "invalid anzahl %q; expected min:max such as 1:1, 0:1 or 0:*"},
	{Key: msgReadIstabstraktIsNotA,
		DE: "istAbstrakt %q ist kein Wahrheitswert (true oder false)",
		EN: "istAbstrakt %q is not a boolean (true or false)"},
	{Key: msgReadMaxsizeIsNotA,
		DE: "maxSize %q ist keine nicht-negative ganze Zahl",
		EN: "maxSize %q is not a non-negative integer"},
	{Key: msgReadOccursSeveralTimesWith,
		DE: "%s kommt mehrfach mit unterschiedlichem Inhalt vor (Name %q, vorher %q); die erste Fassung gilt",
		EN: "%s occurs several times with different content (name %q, before %q); the first one is used"},
	{Key: msgReadPatternIsEscapedTwice,
		DE: "das Muster %q ist doppelt maskiert; verwendet wird %q",
		EN: "pattern %q is escaped twice; %q is used"},
	{Key: msgReadPraezisierungIsNotA,
		DE: "praezisierung %s %q ist keine nicht-negative ganze Zahl und wird ignoriert",
		EN: "praezisierung %s %q is not a non-negative integer and is ignored"},
	{Key: msgReadPraezisierungIsNotA2,
		DE: "praezisierung %s %q ist keine Dezimalzahl (behalten wie geschrieben)",
		EN: "praezisierung %s %q is not a decimal number (kept as written)"},
	{Key: msgReadPraezisierungIsNotA3,
		DE: "praezisierung %q ist kein JSON-Objekt; sie wird nur als Text aufbewahrt",
		EN: "praezisierung %q is not a JSON object; it is kept as text only"},
	{Key: msgReadPraezisierungTheValueOf,
		DE: "praezisierung: der Wert von %q ist weder Zahl noch Text und wird ignoriert",
		EN: "praezisierung: the value of %q is neither a number nor a string and is ignored"},
	{Key: msgReadPraezisierungUnknownKeyKnown,
		DE: "praezisierung: unbekannter Schlüssel %q (bekannt: minLength, maxLength, minValue, maxValue, pattern)",
		EN: "praezisierung: unknown key %q (known: minLength, maxLength, minValue, maxValue, pattern)"},
	{Key: msgReadRuleHasNoExecutable,
		DE: "die Regel %s hat kein ausführbares Skript (leer oder leere Funktion); sie ist nur als Text (Definition) beschrieben",
		EN: "rule %s has no executable script (empty, or an empty function); it is described as prose only"},
	{Key: msgReadStrukturHoldsNoElement,
		DE: "<struktur> enthält kein Element: erwartet <enthaelt> mit einem <datenfeld> oder einer <datenfeldgruppe>",
		EN: "<struktur> holds no element: expected <enthaelt> with one <datenfeld> or <datenfeldgruppe>"},
	{Key: msgReadStrukturWithoutAnzahlIs,
		DE: "<struktur> ohne <anzahl>; 1:1 wird angenommen",
		EN: "<struktur> without <anzahl>; 1:1 is assumed"},
	{Key: msgReadUnknownElementInIt,
		DE: "unbekanntes Element <%s> in <%s>; es wird unverändert aufbewahrt",
		EN: "unknown element <%s> in <%s>; it is kept as is"},
	{Key: msgReadUnknownValueForIn,
		DE: "unbekannter Wert %q für %s in XDatenfelder %s; erlaubt: %s",
		EN: "unknown value %q for %s in XDatenfelder %s; allowed: %s"},
}

// Message forms of dates and code lists.
const (
	msgReadInvalidDate   finding.Key = "fim.read.invalid-date"
	msgReadDateForm      finding.Key = "fim.read.date-form"
	msgReadDateTimeForm  finding.Key = "fim.read.date-time-form"
	msgCodelisteNotFound finding.Key = "fim.codeliste-not-found"
)

// messagesForms2 holds the message forms of the keys above.
var messagesForms2 = []finding.Form{
	{Key: msgCodelisteNotFound,
		DE: "Codeliste %s von Datenfeld %s nicht gefunden: %v; Prüfungen gegen ihren Inhalt entfallen",
		EN: "code list %s of field %s not found: %v; checks against its content are skipped"},
	{Key: msgReadDateForm, DE: "JJJJ-MM-TT", EN: "YYYY-MM-DD"},
	{Key: msgReadDateTimeForm, DE: "JJJJ-MM-TTThh:mm:ss", EN: "YYYY-MM-DDThh:mm:ss"},
	{Key: msgReadInvalidDate,
		DE: "<%s> enthält kein gültiges Datum: %q (erwartet %v)",
		EN: "<%s> is not a valid date: %q (expected %v)"},
}

const (
	msgScanUnexpectedEndOfInput              finding.Key = "fim.scan.unexpected-end-of-input"
	msgScanUnterminatedProcessingInstruction finding.Key = "fim.scan.unterminated-processing-instruction"
	msgScanUnterminatedComment               finding.Key = "fim.scan.unterminated-comment"
	msgScanUnterminatedCdataSection          finding.Key = "fim.scan.unterminated-cdata-section"
	msgScanInvalidMarkupAfter                finding.Key = "fim.scan.invalid-markup-after"
	msgScanUnterminatedDoctype               finding.Key = "fim.scan.unterminated-doctype"
	msgScanExpectedAName                     finding.Key = "fim.scan.expected-a-name"
	msgScanNameWithTwoColons                 finding.Key = "fim.scan.name-with-two-colons"
	msgScanInvalidUtfInName                  finding.Key = "fim.scan.invalid-utf-in-name"
	msgScanInvalidQualifiedName              finding.Key = "fim.scan.invalid-qualified-name"
	msgScanUnexpectedEndOfInput2             finding.Key = "fim.scan.unexpected-end-of-input-2"
	msgScanExpectedInTag                     finding.Key = "fim.scan.expected-in-tag"
	msgScanExpectedSpaceOrIn                 finding.Key = "fim.scan.expected-space-or-in"
	msgScanAttributeWithoutValue             finding.Key = "fim.scan.attribute-without-value"
	msgScanAttributeValueMustBe              finding.Key = "fim.scan.attribute-value-must-be"
	msgScanAttributeUnterminatedValue        finding.Key = "fim.scan.attribute-unterminated-value"
	msgScanAttributeInValue                  finding.Key = "fim.scan.attribute-in-value"
	msgScanAttributeGivenTwice               finding.Key = "fim.scan.attribute-given-twice"
	msgScanExpectedToEnd                     finding.Key = "fim.scan.expected-to-end"
	msgScanCharacterUXIs                     finding.Key = "fim.scan.character-u-x-is"
	msgScanInvalidUtf                        finding.Key = "fim.scan.invalid-utf"
	msgScanNotFollowedByAn                   finding.Key = "fim.scan.not-followed-by-an"
	msgScanUnknownEntity                     finding.Key = "fim.scan.unknown-entity"
	msgScanInvalidCharacterReference         finding.Key = "fim.scan.invalid-character-reference"
)

// messagesForms3 holds the message forms of the keys above.
var messagesForms3 = []finding.Form{
	{Key: msgScanAttributeGivenTwice,
		DE: "Attribut %s steht zweimal",
		EN: "attribute %s given twice"},
	{Key: msgScanAttributeInValue,
		DE: "Attribut %s: '<' im Wert",
		EN: "attribute %s: '<' in value"},
	{Key: msgScanAttributeUnterminatedValue,
		DE: "Attribut %s: Wert ohne Ende",
		EN: "attribute %s: unterminated value"},
	{Key: msgScanAttributeValueMustBe,
		DE: "Attribut %s: der Wert muss in Anführungszeichen stehen",
		EN: "attribute %s: value must be quoted"},
	{Key: msgScanAttributeWithoutValue,
		DE: "Attribut %s ohne Wert",
		EN: "attribute %s without value"},
	{Key: msgScanCharacterUXIs,
		DE: "das Zeichen U+%04X ist in XML nicht erlaubt",
		EN: "character U+%04X is not allowed in XML"},
	{Key: msgScanExpectedAName,
		DE: "Name erwartet",
		EN: "expected a name"},
	{Key: msgScanExpectedInTag,
		DE: "'/>' erwartet im Tag <%s>",
		EN: "expected '/>' in tag <%s>"},
	{Key: msgScanExpectedSpaceOrIn,
		DE: "Leerzeichen, '>' oder '/>' erwartet im Tag <%s>",
		EN: "expected space, '>' or '/>' in tag <%s>"},
	{Key: msgScanExpectedToEnd,
		DE: "'>' erwartet am Ende von </%s",
		EN: "expected '>' to end </%s"},
	{Key: msgScanInvalidCharacterReference,
		DE: "ungültige Zeichenreferenz &%s;",
		EN: "invalid character reference &%s;"},
	{Key: msgScanInvalidMarkupAfter,
		DE: "ungültiges Markup nach '<!'",
		EN: "invalid markup after '<!'"},
	{Key: msgScanInvalidQualifiedName,
		DE: "ungültiger qualifizierter Name %q",
		EN: "invalid qualified name %q"},
	{Key: msgScanInvalidUtf,
		DE: "ungültige UTF-8-Bytefolge",
		EN: "invalid UTF-8"},
	{Key: msgScanInvalidUtfInName,
		DE: "ungültiges UTF-8 im Namen",
		EN: "invalid UTF-8 in name"},
	{Key: msgScanNameWithTwoColons,
		DE: "Name mit zwei Doppelpunkten",
		EN: "name with two colons"},
	{Key: msgScanNotFollowedByAn,
		DE: "auf '&' folgt weder eine Entitäts- noch eine Zeichenreferenz",
		EN: "'&' not followed by an entity or character reference"},
	{Key: msgScanUnexpectedEndOfInput,
		DE: "Dateiende nach '<'",
		EN: "unexpected end of input after '<'"},
	{Key: msgScanUnexpectedEndOfInput2,
		DE: "Dateiende im Tag <%s>",
		EN: "unexpected end of input in tag <%s>"},
	{Key: msgScanUnknownEntity,
		DE: "unbekannte Entität &%s;",
		EN: "unknown entity &%s;"},
	{Key: msgScanUnterminatedCdataSection,
		DE: "CDATA-Abschnitt ohne Ende",
		EN: "unterminated CDATA section"},
	{Key: msgScanUnterminatedComment,
		DE: "Kommentar ohne Ende",
		EN: "unterminated comment"},
	{Key: msgScanUnterminatedDoctype,
		DE: "DOCTYPE ohne Ende",
		EN: "unterminated DOCTYPE"},
	{Key: msgScanUnterminatedProcessingInstruction,
		DE: "Verarbeitungsanweisung ohne Ende",
		EN: "unterminated processing instruction"},
}

const (
	msgFailNotWellFormedXml                     finding.Key = "fim.read.not-well-formed-xml"
	msgFailNotWellFormedXml2                    finding.Key = "fim.read.not-well-formed-xml-2"
	msgFailNotWellFormedXml3                    finding.Key = "fim.read.not-well-formed-xml-3"
	msgFailNotWellFormedXml4                    finding.Key = "fim.read.not-well-formed-xml-4"
	msgFailTheFileIsEmpty                       finding.Key = "fim.read.the-file-is-empty"
	msgFailTheFileIsNot                         finding.Key = "fim.read.the-file-is-not"
	msgFailTheFileHasNo                         finding.Key = "fim.read.the-file-has-no"
	msgFailNotWellFormedXml5                    finding.Key = "fim.read.not-well-formed-xml-5"
	msgFailNotWellFormedXml6                    finding.Key = "fim.read.not-well-formed-xml-6"
	msgFailXdatenfelderXNamespaceRoot           finding.Key = "fim.read.xdatenfelder-x-namespace-root"
	msgFailRootElementHasNo                     finding.Key = "fim.read.root-element-has-no"
	msgFailRootElementIsIn                      finding.Key = "fim.read.root-element-is-in"
	msgFailRootElementIsIn2                     finding.Key = "fim.read.root-element-is-in-2"
	msgFailRootElementIsNot                     finding.Key = "fim.read.root-element-is-not"
	msgFailMessageHasASecond                    finding.Key = "fim.read.message-has-a-second"
	msgFailNotWellFormedXml7                    finding.Key = "fim.read.not-well-formed-xml-7"
	msgFailMessageHasNoContent                  finding.Key = "fim.read.message-has-no-content"
	msgFailElementAppearsTwiceIt                finding.Key = "fim.read.element-appears-twice-it"
	msgFailUnsupportedEncodingXdatenfelderFiles finding.Key = "fim.read.unsupported-encoding-xdatenfelder-files"
	msgFailCannotDecode                         finding.Key = "fim.read.cannot-decode"
	msgFailInvalidUTF8Undeclared                finding.Key = "fim.read.invalid-utf8-undeclared"
	msgFailInvalidUTF8Declared                  finding.Key = "fim.read.invalid-utf8-declared"
	msgFailHasNoIdentifikationId                finding.Key = "fim.read.has-no-identifikation-id"
	msgFailEnthaeltHoldsASecond                 finding.Key = "fim.read.enthaelt-holds-a-second"
	msgFailGroupsAreNestedMore                  finding.Key = "fim.read.groups-are-nested-more"
)

// messagesForms4 holds the message forms of the keys above.
var messagesForms4 = []finding.Form{
	{Key: msgFailCannotDecode,
		DE: "die Datei lässt sich nicht dekodieren: %s",
		EN: "cannot decode the file: %s"},
	{Key: msgFailElementAppearsTwiceIt,
		DE: "das Element <%s> steht zweimal; hier darf es nur einmal vorkommen",
		EN: "element <%s> appears twice; it may occur only once here"},
	{Key: msgFailEnthaeltHoldsASecond,
		DE: "<enthaelt> enthält ein zweites Element <%s>; es enthält genau ein datenfeld oder eine datenfeldgruppe",
		EN: "<enthaelt> holds a second element <%s>; it holds exactly one datenfeld or datenfeldgruppe"},
	{Key: msgFailGroupsAreNestedMore,
		DE: "Gruppen sind tiefer als %d Ebenen verschachtelt",
		EN: "groups are nested more than %d levels deep"},
	{Key: msgFailHasNoIdentifikationId,
		DE: "<%s> hat keine identifikation/id; jedes Element braucht eine ID (und eine Version)",
		EN: "<%s> has no identifikation/id; every element needs an id (and a version)"},
	{Key: msgFailInvalidUTF8Declared,
		DE: "kein wohlgeformtes XML: ungültiges UTF-8 in Zeile %d, Spalte %d: die Datei ist laut XML-Deklaration UTF-8; eine Datei in ISO-8859-1 (Latin-1) oder windows-1252 muss diese Kodierung in der XML-Deklaration nennen, z. B. <?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>",
		EN: "not well-formed XML: invalid UTF-8 at line %d, column %d: the file declares UTF-8; a file in ISO-8859-1 (Latin-1) or windows-1252 needs that encoding in its XML declaration, e.g. <?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"},
	{Key: msgFailInvalidUTF8Undeclared,
		DE: "kein wohlgeformtes XML: ungültiges UTF-8 in Zeile %d, Spalte %d: die Datei nennt keine Kodierung und wird daher als UTF-8 gelesen; eine Datei in ISO-8859-1 (Latin-1) oder windows-1252 muss ihre Kodierung in der XML-Deklaration nennen, z. B. <?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>",
		EN: "not well-formed XML: invalid UTF-8 at line %d, column %d: the file declares no encoding, so it is read as UTF-8; a file in ISO-8859-1 (Latin-1) or windows-1252 needs that encoding in its XML declaration, e.g. <?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"},
	{Key: msgFailMessageHasASecond,
		DE: "die Nachricht <%s> hat ein zweites Inhaltselement <%s>; eine Nachricht enthält genau eines",
		EN: "message <%s> has a second content element <%s>; a message holds exactly one"},
	{Key: msgFailMessageHasNoContent,
		DE: "die Nachricht <%s> hat keinen Inhalt: nach dem Kopf wird ein Element <stammdatenschema>, <datenfeldgruppe>, <datenfeld>, <dokumentsteckbrief> oder <codeliste> erwartet",
		EN: "message <%s> has no content: expected a <stammdatenschema>, <datenfeldgruppe>, <datenfeld>, <dokumentsteckbrief> or <codeliste> element after the header"},
	{Key: msgFailNotWellFormedXml,
		DE: "kein wohlgeformtes XML: %v",
		EN: "not well-formed XML: %v"},
	{Key: msgFailNotWellFormedXml2,
		DE: "kein wohlgeformtes XML: %v",
		EN: "not well-formed XML: %v"},
	{Key: msgFailNotWellFormedXml3,
		DE: "kein wohlgeformtes XML: das Element <%s> (Zeile seines Start-Tags im Hinweis) wird durch </%s> geschlossen",
		EN: "not well-formed XML: element <%s> (line of its start tag given in the hint) is closed by </%s>"},
	{Key: msgFailNotWellFormedXml4,
		DE: "kein wohlgeformtes XML: das Element <%s> wird nicht geschlossen",
		EN: "not well-formed XML: element <%s> is not closed"},
	{Key: msgFailNotWellFormedXml5,
		DE: "kein wohlgeformtes XML: Text vor dem Wurzelelement",
		EN: "not well-formed XML: text before the root element"},
	{Key: msgFailNotWellFormedXml6,
		DE: "kein wohlgeformtes XML: End-Tag vor dem Wurzelelement",
		EN: "not well-formed XML: end tag before the root element"},
	{Key: msgFailNotWellFormedXml7,
		DE: "kein wohlgeformtes XML: Inhalt nach dem Ende des Wurzelelements",
		EN: "not well-formed XML: content after the end of the root element"},
	{Key: msgFailRootElementHasNo,
		DE: "das Wurzelelement <%s> hat keinen Namensraum; erwartet %q (XDatenfelder 2.0) oder %q (3.0.0)",
		EN: "root element <%s> has no namespace; expected %q (XDatenfelder 2.0) or %q (3.0.0)"},
	{Key: msgFailRootElementIsIn,
		DE: "das Wurzelelement <%s> steht im Namensraum %q: eine genericode-Codeliste, keine XDatenfelder-Datei; geben Sie ihr Verzeichnis mit --codelists DIR an",
		EN: "root element <%s> is in namespace %q: a genericode code list, not an XDatenfelder file; give its directory with --codelists DIR"},
	{Key: msgFailRootElementIsIn2,
		DE: "das Wurzelelement <%s> steht im Namensraum %q; erwartet %q (XDatenfelder 2.0) oder %q (3.0.0)",
		EN: "root element <%s> is in namespace %q; expected %q (XDatenfelder 2.0) or %q (3.0.0)"},
	{Key: msgFailRootElementIsNot,
		DE: "das Wurzelelement <%s> ist keine XDatenfelder-Nachricht; erwartet etwa <xdatenfelder.stammdatenschema.0102>",
		EN: "root element <%s> is not an XDatenfelder message; expected e.g. <xdatenfelder.stammdatenschema.0102>"},
	{Key: msgFailTheFileHasNo,
		DE: "die Datei hat kein Wurzelelement; erwartet wird eine Nachricht in XDatenfelder 2.0 oder 3.0.0",
		EN: "the file has no root element; expected an XDatenfelder 2.0 or 3.0.0 message"},
	{Key: msgFailTheFileIsEmpty,
		DE: "die Datei ist leer; erwartet wird eine Nachricht in XDatenfelder 2.0 oder 3.0.0",
		EN: "the file is empty; expected an XDatenfelder 2.0 or 3.0.0 message"},
	{Key: msgFailTheFileIsNot,
		DE: "die Datei ist kein XML (Binärdaten); erwartet wird eine Nachricht in XDatenfelder 2.0 oder 3.0.0",
		EN: "the file is not XML (binary data); expected an XDatenfelder 2.0 or 3.0.0 message"},
	{Key: msgFailUnsupportedEncodingXdatenfelderFiles,
		DE: "nicht unterstützte Kodierung %q; XDatenfelder-Dateien werden in %s gelesen",
		EN: "unsupported encoding %q; XDatenfelder files are read in %s"},
	{Key: msgFailXdatenfelderXNamespaceRoot,
		DE: "XDatenfelder 1.x (Namensraum %q, Wurzel <%s>) wird nicht unterstützt: XDatenfelder 1 wurde 2020 durch 2.0 abgelöst; exportieren Sie das Schema im FIM-Portal erneut als XDatenfelder 2.0 oder 3.0.0",
		EN: "XDatenfelder 1.x (namespace %q, root <%s>) is not supported: XDatenfelder 1 was replaced by 2.0 in 2020; export the schema again from the FIM portal as XDatenfelder 2.0 or 3.0.0"},
}

func init() { finding.Forms(messagesForms, messagesForms2, messagesForms3, messagesForms4) }
