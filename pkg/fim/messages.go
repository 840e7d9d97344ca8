package fim

import "github.com/ozgctl/ozgctl/pkg/finding"

// Message forms of the reader's findings.
var (
	msgReadElementInsideWhichShould = finding.Register("fim.read.element-inside-which-should",
		"Element <%s> in <%s>, das nur Text enthalten soll; der Text darin wird übernommen",
		"element <%s> inside <%s>, which should hold text only; its text is kept")
	msgReadUnknownElementInIt = finding.Register("fim.read.unknown-element-in-it",
		"unbekanntes Element <%s> in <%s>; es wird unverändert aufbewahrt",
		"unknown element <%s> in <%s>; it is kept as is")
	msgReadElementsHaveNoNamespace = finding.Register("fim.read.elements-have-no-namespace",
		"%d Elemente stehen ohne Namensraum; nur das Wurzelelement ist im XDatenfelder-Namensraum %q (nicht schemakonform, wird gelesen)",
		"%d elements have no namespace; only the root element is in the XDatenfelder namespace %q (not schema-valid, read anyway)")
	msgReadUnknownValueForIn = finding.Register("fim.read.unknown-value-for-in",
		"unbekannter Wert %q für %s in XDatenfelder %s; erlaubt: %s",
		"unknown value %q for %s in XDatenfelder %s; allowed: %s")
	msgReadInvalidAnzahlExpectedMin = finding.Register("fim.read.invalid-anzahl-expected-min",
		"ungültige Anzahl %q; erwartet min:max, z. B. 1:1, 0:1 oder 0:*",
		"invalid anzahl %q; expected min:max such as 1:1, 0:1 or 0:*")
	msgReadAnzahlTheMaximumIs = finding.Register("fim.read.anzahl-the-maximum-is",
		"Anzahl %q: das Maximum ist kleiner als das Minimum",
		"anzahl %q: the maximum is below the minimum")
	msgReadStrukturHoldsNoElement = finding.Register("fim.read.struktur-holds-no-element",
		"<struktur> enthält kein Element: erwartet <enthaelt> mit einem <datenfeld> oder einer <datenfeldgruppe>",
		"<struktur> holds no element: expected <enthaelt> with one <datenfeld> or <datenfeldgruppe>")
	msgReadStrukturWithoutAnzahlIs = finding.Register("fim.read.struktur-without-anzahl-is",
		"<struktur> ohne <anzahl>; 1:1 wird angenommen",
		"<struktur> without <anzahl>; 1:1 is assumed")
	msgReadGroupContainsItself = finding.Register("fim.read.group-contains-itself",
		"die Datenfeldgruppe %s enthält sich selbst",
		"group %s contains itself")
	msgReadOccursSeveralTimesWith = finding.Register("fim.read.occurs-several-times-with",
		"%s kommt mehrfach mit unterschiedlichem Inhalt vor (Name %q, vorher %q); die erste Fassung gilt",
		"%s occurs several times with different content (name %q, before %q); the first one is used")
	msgReadMaxsizeIsNotA = finding.Register("fim.read.maxsize-is-not-a",
		"maxSize %q ist keine nicht-negative ganze Zahl",
		"maxSize %q is not a non-negative integer")
	msgReadCodelistereferenzWithoutCanonicalidentificationThe = finding.Register("fim.read.codelistereferenz-without-canonicalidentification-the",
		"<codelisteReferenz> ohne canonicalIdentification; die Codeliste kann nicht bestimmt werden",
		"<codelisteReferenz> without canonicalIdentification; the code list cannot be determined")
	msgReadCodeListVersionIs = finding.Register("fim.read.code-list-version-is",
		"die Codelisten-Version %q hat die Form eines Datums, ist aber kein gültiges Datum (JJJJ-MM-TT)",
		"code list version %q is shaped like a date but is not a valid date (YYYY-MM-DD)")
	msgReadRuleHasNoExecutable = finding.Register("fim.read.rule-has-no-executable",
		"die Regel %s hat kein ausführbares Skript (leer oder leere Funktion); sie ist nur als Text (Definition) beschrieben",
		"rule %s has no executable script (empty, or an empty function); it is described as prose only")
	msgReadIstabstraktIsNotA = finding.Register("fim.read.istabstrakt-is-not-a",
		"istAbstrakt %q ist kein Wahrheitswert (true oder false)",
		"istAbstrakt %q is not a boolean (true or false)")
	msgReadPraezisierungIsNotA = finding.Register("fim.read.praezisierung-is-not-a",
		"praezisierung %s %q ist keine nicht-negative ganze Zahl und wird ignoriert",
		"praezisierung %s %q is not a non-negative integer and is ignored")
	msgReadPraezisierungIsNotA2 = finding.Register("fim.read.praezisierung-is-not-a-2",
		"praezisierung %s %q ist keine Dezimalzahl (behalten wie geschrieben)",
		"praezisierung %s %q is not a decimal number (kept as written)")
	msgReadPatternIsEscapedTwice = finding.Register("fim.read.pattern-is-escaped-twice",
		"das Muster %q ist doppelt maskiert; verwendet wird %q",
		"pattern %q is escaped twice; %q is used")
	msgReadPraezisierungIsNotA3 = finding.Register("fim.read.praezisierung-is-not-a-3",
		"praezisierung %q ist kein JSON-Objekt; sie wird nur als Text aufbewahrt",
		"praezisierung %q is not a JSON object; it is kept as text only")
	msgReadPraezisierungTheValueOf = finding.Register("fim.read.praezisierung-the-value-of",
		"praezisierung: der Wert von %q ist weder Zahl noch Text und wird ignoriert",
		"praezisierung: the value of %q is neither a number nor a string and is ignored")
	msgReadPraezisierungUnknownKeyKnown = finding.Register("fim.read.praezisierung-unknown-key-known",
		"praezisierung: unbekannter Schlüssel %q (bekannt: minLength, maxLength, minValue, maxValue, pattern)",
		"praezisierung: unknown key %q (known: minLength, maxLength, minValue, maxValue, pattern)")
)

// Message forms of dates and code lists.
var (
	msgReadInvalidDate = finding.Register("fim.read.invalid-date",
		"<%s> enthält kein gültiges Datum: %q (erwartet %v)", "<%s> is not a valid date: %q (expected %v)")
	msgReadDateForm      = finding.Register("fim.read.date-form", "JJJJ-MM-TT", "YYYY-MM-DD")
	msgReadDateTimeForm  = finding.Register("fim.read.date-time-form", "JJJJ-MM-TTThh:mm:ss", "YYYY-MM-DDThh:mm:ss")
	msgCodelisteNotFound = finding.Register("fim.codeliste-not-found",
		"Codeliste %s von Datenfeld %s nicht gefunden: %v; Prüfungen gegen ihren Inhalt entfallen",
		"code list %s of field %s not found: %v; checks against its content are skipped")
)

var (
	msgScanUnexpectedEndOfInput = finding.Register("fim.scan.unexpected-end-of-input",
		"Dateiende nach '<'",
		"unexpected end of input after '<'")
	msgScanUnterminatedProcessingInstruction = finding.Register("fim.scan.unterminated-processing-instruction",
		"Verarbeitungsanweisung ohne Ende",
		"unterminated processing instruction")
	msgScanUnterminatedComment = finding.Register("fim.scan.unterminated-comment",
		"Kommentar ohne Ende",
		"unterminated comment")
	msgScanUnterminatedCdataSection = finding.Register("fim.scan.unterminated-cdata-section",
		"CDATA-Abschnitt ohne Ende",
		"unterminated CDATA section")
	msgScanInvalidMarkupAfter = finding.Register("fim.scan.invalid-markup-after",
		"ungültiges Markup nach '<!'",
		"invalid markup after '<!'")
	msgScanUnterminatedDoctype = finding.Register("fim.scan.unterminated-doctype",
		"DOCTYPE ohne Ende",
		"unterminated DOCTYPE")
	msgScanExpectedAName = finding.Register("fim.scan.expected-a-name",
		"Name erwartet",
		"expected a name")
	msgScanNameWithTwoColons = finding.Register("fim.scan.name-with-two-colons",
		"Name mit zwei Doppelpunkten",
		"name with two colons")
	msgScanInvalidUtfInName = finding.Register("fim.scan.invalid-utf-in-name",
		"ungültiges UTF-8 im Namen",
		"invalid UTF-8 in name")
	msgScanInvalidQualifiedName = finding.Register("fim.scan.invalid-qualified-name",
		"ungültiger qualifizierter Name %q",
		"invalid qualified name %q")
	msgScanUnexpectedEndOfInput2 = finding.Register("fim.scan.unexpected-end-of-input-2",
		"Dateiende im Tag <%s>",
		"unexpected end of input in tag <%s>")
	msgScanExpectedInTag = finding.Register("fim.scan.expected-in-tag",
		"'/>' erwartet im Tag <%s>",
		"expected '/>' in tag <%s>")
	msgScanExpectedSpaceOrIn = finding.Register("fim.scan.expected-space-or-in",
		"Leerzeichen, '>' oder '/>' erwartet im Tag <%s>",
		"expected space, '>' or '/>' in tag <%s>")
	msgScanAttributeWithoutValue = finding.Register("fim.scan.attribute-without-value",
		"Attribut %s ohne Wert",
		"attribute %s without value")
	msgScanAttributeValueMustBe = finding.Register("fim.scan.attribute-value-must-be",
		"Attribut %s: der Wert muss in Anführungszeichen stehen",
		"attribute %s: value must be quoted")
	msgScanAttributeUnterminatedValue = finding.Register("fim.scan.attribute-unterminated-value",
		"Attribut %s: Wert ohne Ende",
		"attribute %s: unterminated value")
	msgScanAttributeInValue = finding.Register("fim.scan.attribute-in-value",
		"Attribut %s: '<' im Wert",
		"attribute %s: '<' in value")
	msgScanAttributeGivenTwice = finding.Register("fim.scan.attribute-given-twice",
		"Attribut %s steht zweimal",
		"attribute %s given twice")
	msgScanExpectedToEnd = finding.Register("fim.scan.expected-to-end",
		"'>' erwartet am Ende von </%s",
		"expected '>' to end </%s")
	msgScanCharacterUXIs = finding.Register("fim.scan.character-u-x-is",
		"das Zeichen U+%04X ist in XML nicht erlaubt",
		"character U+%04X is not allowed in XML")
	msgScanInvalidUtf = finding.Register("fim.scan.invalid-utf",
		"ungültige UTF-8-Bytefolge",
		"invalid UTF-8")
	msgScanNotFollowedByAn = finding.Register("fim.scan.not-followed-by-an",
		"auf '&' folgt weder eine Entitäts- noch eine Zeichenreferenz",
		"'&' not followed by an entity or character reference")
	msgScanUnknownEntity = finding.Register("fim.scan.unknown-entity",
		"unbekannte Entität &%s;",
		"unknown entity &%s;")
	msgScanInvalidCharacterReference = finding.Register("fim.scan.invalid-character-reference",
		"ungültige Zeichenreferenz &%s;",
		"invalid character reference &%s;")
)

var (
	msgFailNotWellFormedXml = finding.Register("fim.read.not-well-formed-xml",
		"kein wohlgeformtes XML: %v",
		"not well-formed XML: %v")
	msgFailNotWellFormedXml2 = finding.Register("fim.read.not-well-formed-xml-2",
		"kein wohlgeformtes XML: %v",
		"not well-formed XML: %v")
	msgFailNotWellFormedXml3 = finding.Register("fim.read.not-well-formed-xml-3",
		"kein wohlgeformtes XML: das Element <%s> (Zeile seines Start-Tags im Hinweis) wird durch </%s> geschlossen",
		"not well-formed XML: element <%s> (line of its start tag given in the hint) is closed by </%s>")
	msgFailNotWellFormedXml4 = finding.Register("fim.read.not-well-formed-xml-4",
		"kein wohlgeformtes XML: das Element <%s> wird nicht geschlossen",
		"not well-formed XML: element <%s> is not closed")
	msgFailTheFileIsEmpty = finding.Register("fim.read.the-file-is-empty",
		"die Datei ist leer; erwartet wird eine Nachricht in XDatenfelder 2.0 oder 3.0.0",
		"the file is empty; expected an XDatenfelder 2.0 or 3.0.0 message")
	msgFailTheFileIsNot = finding.Register("fim.read.the-file-is-not",
		"die Datei ist kein XML (Binärdaten); erwartet wird eine Nachricht in XDatenfelder 2.0 oder 3.0.0",
		"the file is not XML (binary data); expected an XDatenfelder 2.0 or 3.0.0 message")
	msgFailTheFileHasNo = finding.Register("fim.read.the-file-has-no",
		"die Datei hat kein Wurzelelement; erwartet wird eine Nachricht in XDatenfelder 2.0 oder 3.0.0",
		"the file has no root element; expected an XDatenfelder 2.0 or 3.0.0 message")
	msgFailNotWellFormedXml5 = finding.Register("fim.read.not-well-formed-xml-5",
		"kein wohlgeformtes XML: Text vor dem Wurzelelement",
		"not well-formed XML: text before the root element")
	msgFailNotWellFormedXml6 = finding.Register("fim.read.not-well-formed-xml-6",
		"kein wohlgeformtes XML: End-Tag vor dem Wurzelelement",
		"not well-formed XML: end tag before the root element")
	msgFailXdatenfelderXNamespaceRoot = finding.Register("fim.read.xdatenfelder-x-namespace-root",
		"XDatenfelder 1.x (Namensraum %q, Wurzel <%s>) wird nicht unterstützt: XDatenfelder 1 wurde 2020 durch 2.0 abgelöst; exportieren Sie das Schema im FIM-Portal erneut als XDatenfelder 2.0 oder 3.0.0",
		"XDatenfelder 1.x (namespace %q, root <%s>) is not supported: XDatenfelder 1 was replaced by 2.0 in 2020; export the schema again from the FIM portal as XDatenfelder 2.0 or 3.0.0")
	msgFailRootElementHasNo = finding.Register("fim.read.root-element-has-no",
		"das Wurzelelement <%s> hat keinen Namensraum; erwartet %q (XDatenfelder 2.0) oder %q (3.0.0)",
		"root element <%s> has no namespace; expected %q (XDatenfelder 2.0) or %q (3.0.0)")
	msgFailRootElementIsIn = finding.Register("fim.read.root-element-is-in",
		"das Wurzelelement <%s> steht im Namensraum %q: eine genericode-Codeliste, keine XDatenfelder-Datei; geben Sie ihr Verzeichnis mit --codelists DIR an",
		"root element <%s> is in namespace %q: a genericode code list, not an XDatenfelder file; give its directory with --codelists DIR")
	msgFailRootElementIsIn2 = finding.Register("fim.read.root-element-is-in-2",
		"das Wurzelelement <%s> steht im Namensraum %q; erwartet %q (XDatenfelder 2.0) oder %q (3.0.0)",
		"root element <%s> is in namespace %q; expected %q (XDatenfelder 2.0) or %q (3.0.0)")
	msgFailRootElementIsNot = finding.Register("fim.read.root-element-is-not",
		"das Wurzelelement <%s> ist keine XDatenfelder-Nachricht; erwartet etwa <xdatenfelder.stammdatenschema.0102>",
		"root element <%s> is not an XDatenfelder message; expected e.g. <xdatenfelder.stammdatenschema.0102>")
	msgFailMessageHasASecond = finding.Register("fim.read.message-has-a-second",
		"die Nachricht <%s> hat ein zweites Inhaltselement <%s>; eine Nachricht enthält genau eines",
		"message <%s> has a second content element <%s>; a message holds exactly one")
	msgFailNotWellFormedXml7 = finding.Register("fim.read.not-well-formed-xml-7",
		"kein wohlgeformtes XML: Inhalt nach dem Ende des Wurzelelements",
		"not well-formed XML: content after the end of the root element")
	msgFailMessageHasNoContent = finding.Register("fim.read.message-has-no-content",
		"die Nachricht <%s> hat keinen Inhalt: nach dem Kopf wird ein Element <stammdatenschema>, <datenfeldgruppe>, <datenfeld>, <dokumentsteckbrief> oder <codeliste> erwartet",
		"message <%s> has no content: expected a <stammdatenschema>, <datenfeldgruppe>, <datenfeld>, <dokumentsteckbrief> or <codeliste> element after the header")
	msgFailElementAppearsTwiceIt = finding.Register("fim.read.element-appears-twice-it",
		"das Element <%s> steht zweimal; hier darf es nur einmal vorkommen",
		"element <%s> appears twice; it may occur only once here")
	msgFailUnsupportedEncodingXdatenfelderFiles = finding.Register("fim.read.unsupported-encoding-xdatenfelder-files",
		"nicht unterstützte Kodierung %q; XDatenfelder-Dateien werden in %s gelesen",
		"unsupported encoding %q; XDatenfelder files are read in %s")
	msgFailCannotDecode = finding.Register("fim.read.cannot-decode",
		"die Datei lässt sich nicht dekodieren: %s",
		"cannot decode the file: %s")
	msgFailInvalidUTF8Undeclared = finding.Register("fim.read.invalid-utf8-undeclared",
		"kein wohlgeformtes XML: ungültiges UTF-8 in Zeile %d, Spalte %d: die Datei nennt keine Kodierung und wird daher als UTF-8 gelesen; eine Datei in ISO-8859-1 (Latin-1) oder windows-1252 muss ihre Kodierung in der XML-Deklaration nennen, z. B. <?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>",
		"not well-formed XML: invalid UTF-8 at line %d, column %d: the file declares no encoding, so it is read as UTF-8; a file in ISO-8859-1 (Latin-1) or windows-1252 needs that encoding in its XML declaration, e.g. <?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>")
	msgFailInvalidUTF8Declared = finding.Register("fim.read.invalid-utf8-declared",
		"kein wohlgeformtes XML: ungültiges UTF-8 in Zeile %d, Spalte %d: die Datei ist laut XML-Deklaration UTF-8; eine Datei in ISO-8859-1 (Latin-1) oder windows-1252 muss diese Kodierung in der XML-Deklaration nennen, z. B. <?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>",
		"not well-formed XML: invalid UTF-8 at line %d, column %d: the file declares UTF-8; a file in ISO-8859-1 (Latin-1) or windows-1252 needs that encoding in its XML declaration, e.g. <?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>")
	msgFailHasNoIdentifikationId = finding.Register("fim.read.has-no-identifikation-id",
		"<%s> hat keine identifikation/id; jedes Element braucht eine ID (und eine Version)",
		"<%s> has no identifikation/id; every element needs an id (and a version)")
	msgFailEnthaeltHoldsASecond = finding.Register("fim.read.enthaelt-holds-a-second",
		"<enthaelt> enthält ein zweites Element <%s>; es enthält genau ein datenfeld oder eine datenfeldgruppe",
		"<enthaelt> holds a second element <%s>; it holds exactly one datenfeld or datenfeldgruppe")
	msgFailGroupsAreNestedMore = finding.Register("fim.read.groups-are-nested-more",
		"Gruppen sind tiefer als %d Ebenen verschachtelt",
		"groups are nested more than %d levels deep")
)
