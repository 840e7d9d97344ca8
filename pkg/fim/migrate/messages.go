package migrate

import (
	"fmt"
	"sort"
	"strings"

	"github.com/ozgctl/ozgctl/internal/lazy"
)

// The message keys of [Note]. Each has a German and an English text in
// [messages]; %[1]s is Note.What, %[2]s Note.Old, %[3]s Note.New.
const (
	keyIDWidened         = "id-widened"
	keyIDNotWidened      = "id-not-widened"
	keyIDNarrowed        = "id-narrowed"
	keyIDNotNarrowed     = "id-not-narrowed"
	keyVersionMapped     = "version-mapped"
	keyVersionAssumed    = "version-assumed"
	keyVersionKept       = "version-kept"
	keyStatusMapped      = "status-mapped"
	keyStatusCoarsened   = "status-coarsened"
	keyStatusUnknown     = "status-unknown"
	keyMoved             = "moved"
	keyDropped           = "dropped"
	keyDroppedContract   = "dropped-contract"
	keyDroppedUnmapped   = "dropped-unmapped"
	keyFeldartMapped     = "feldart-mapped"
	keyDatentypMapped    = "datentyp-mapped"
	keyBezugJoined       = "bezug-joined"
	keyPraezisierungText = "praezisierung-text"
	keyPraezisierungKey  = "praezisierung-key"
	keyCodelisteID       = "codeliste-id-dropped"
	keyCodelisteNoID     = "codeliste-no-id"
	keyInlined           = "codeliste-inlined"
	keyNotInlined        = "codeliste-not-inlined"
	keySteckbriefAssumed = "steckbrief-assumed"
	keyRuleTypMissing    = "regel-typ-missing"
	keyRuleRefs          = "regel-refs"
	keySameVersion       = "same-version"
	keyStatusDateAssumed = "status-date-assumed"
	keyAusgabeAssumed    = "ausgabe-assumed"
	keyBezugSplit        = "bezug-split"
	keyAusgabeMissing    = "ausgabe-missing"
	keyVorbefuellung     = "vorbefuellung-set"
)

// messages holds the German and English text of every key.
var messages = lazy.Value[map[string][2]string]{F: func() map[string][2]string {
	return map[string][2]string{
		keyIDWidened: {"Id %[2]s wird nach der Nummernkreis-Regel zu %[3]s erweitert",
			"id %[2]s is widened to %[3]s by the Nummernkreis rule"},
		keyIDNotWidened: {"Id %[2]s hat nicht die Form eines XDatenfelder-2.0-Ids (Buchstabe + 8 Ziffern) und bleibt unverändert",
			"id %[2]s is not shaped like an XDatenfelder 2.0 id (letter + 8 digits) and is kept as is"},
		keyIDNarrowed: {"Id %[2]s wird zu %[3]s gekürzt (Unternummernkreis %[1]s entfernt)",
			"id %[2]s is narrowed to %[3]s (sub-Nummernkreis %[1]s removed)"},
		keyIDNotNarrowed: {"Id %[2]s lässt sich nicht auf 9 Zeichen kürzen (Unternummernkreis ist nicht %[1]s); sie bleibt unverändert und passt nicht in XDatenfelder 2.0",
			"id %[2]s cannot be narrowed to 9 characters (its sub-Nummernkreis is not %[1]s); it is kept and does not fit XDatenfelder 2.0"},
		keyVersionMapped: {"Version %[2]s wird zu %[3]s", "version %[2]s becomes %[3]s"},
		keyVersionAssumed: {"keine Version angegeben; %[3]s wird angenommen",
			"no version given; %[3]s is assumed"},
		keyVersionKept: {"Version %[2]s lässt sich nicht abbilden und bleibt unverändert",
			"version %[2]s cannot be mapped and is kept as is"},
		keyStatusMapped: {"%[1]s %[2]s wird zu %[3]s", "%[1]s %[2]s becomes %[3]s"},
		keyStatusCoarsened: {"%[1]s %[2]s wird zu %[3]s; die feinere Stufe geht verloren",
			"%[1]s %[2]s becomes %[3]s; the finer level is lost"},
		keyStatusUnknown: {"%[1]s %[2]s ist unbekannt und entfällt", "%[1]s %[2]s is unknown and dropped"},
		keyMoved:         {"%[1]s %[2]q wird nach %[3]s übernommen", "%[1]s %[2]q is carried over into %[3]s"},
		keyDropped: {"%[1]s %[2]q entfällt (in der Zielversion nicht vorhanden)",
			"%[1]s %[2]q is dropped (the target version has no place for it)"},
		keyDroppedContract: {"%[1]s %[2]q entfällt; das ändert, welche Daten angenommen werden",
			"%[1]s %[2]q is dropped; this changes which data is accepted"},
		keyDroppedUnmapped: {"unbekanntes Element <%[1]s> (%[2]q) entfällt",
			"unknown element <%[1]s> (%[2]q) is dropped"},
		keyFeldartMapped: {"feldart %[2]s gibt es in XDatenfelder 2.0 nicht; sie wird zu %[3]s (das Verhalten im Formular ändert sich)",
			"feldart %[2]s does not exist in XDatenfelder 2.0; it becomes %[3]s (the form behaves differently)"},
		keyDatentypMapped: {"datentyp %[2]s gibt es in XDatenfelder 2.0 nicht; er wird zu %[3]s (der Wertebereich wird weiter)",
			"datentyp %[2]s does not exist in XDatenfelder 2.0; it becomes %[3]s (the value space gets wider)"},
		keyBezugJoined: {"%[2]s Bezüge werden zu einem zusammengefasst (XDatenfelder 2.0 hat einen)",
			"%[2]s bezug entries are joined into one (XDatenfelder 2.0 has one)"},
		keyPraezisierungText: {"praezisierung %[2]q ist kein JSON-Objekt und lässt sich nicht als Attribute schreiben; sie entfällt",
			"praezisierung %[2]q is not a JSON object and cannot be written as attributes; it is dropped"},
		keyPraezisierungKey: {"praezisierung-Schlüssel %[1]q (Wert %[2]q) ist unbekannt und entfällt",
			"praezisierung key %[1]q (value %[2]q) is unknown and dropped"},
		keyCodelisteID: {"die FIM-Id %[2]s der Codeliste entfällt; XDatenfelder 3.0.0 verweist nur über die URN %[3]s",
			"the code list's FIM id %[2]s is dropped; XDatenfelder 3.0.0 refers by the URN %[3]s only"},
		keyCodelisteNoID: {"die Codelisten-Referenz %[3]s hat keine FIM-Id (C…), die XDatenfelder 2.0 verlangt",
			"code list reference %[3]s has no FIM id (C…), which XDatenfelder 2.0 requires"},
		keyInlined: {"Codeliste %[2]s (%[1]s Werte) wird als werte eingebettet",
			"code list %[2]s (%[1]s values) is inlined as werte"},
		keyNotInlined: {"Codeliste %[2]s wird nicht eingebettet: %[3]s",
			"code list %[2]s is not inlined: %[3]s"},
		keySteckbriefAssumed: {"XDatenfelder 3.0.0 verlangt einen Dokumentsteckbrief; %[3]s wird aus der Schema-Id abgeleitet (prüfen)",
			"XDatenfelder 3.0.0 requires a Dokumentsteckbrief; %[3]s is derived from the schema id (check it)"},
		keyRuleTypMissing: {"XDatenfelder 2.0 kennt keinen Regeltyp; typ bleibt leer und ist nachzutragen",
			"XDatenfelder 2.0 has no rule type; typ stays empty and must be set by hand"},
		keyRuleRefs: {"die Ids im Regeltext werden umgeschrieben: %[2]s → %[3]s",
			"the ids in the rule text are rewritten: %[2]s → %[3]s"},
		keyStatusDateAssumed: {"kein Datum der Statusänderung; %[2]s wird als %[1]s angenommen",
			"no date of the status change; %[2]s is assumed as %[1]s"},
		keyAusgabeAssumed: {"keine Bezeichnung Ausgabe; die Bezeichnung Eingabe %[3]q wird übernommen",
			"no output label; the input label %[3]q is used"},
		keyAusgabeMissing: {"weder Bezeichnung Eingabe noch Ausgabe; XDatenfelder 3.0.0 verlangt eine Bezeichnung Ausgabe (nachtragen)",
			"neither input nor output label; XDatenfelder 3.0.0 requires an output label (add one)"},
		keyBezugSplit: {"der Bezug %[2]q wird an den Semikolons in %[3]s Bezüge geteilt",
			"bezug %[2]q is split at its semicolons into %[3]s entries"},
		keyVorbefuellung: {"XDatenfelder 2.0 kennt keine Vorbefüllung; vorbefuellung wird %[3]s",
			"XDatenfelder 2.0 has no prefilling; vorbefuellung becomes %[3]s"},
		keySameVersion: {"die Datei ist bereits XDatenfelder %[2]s; sie wird nur neu geschrieben",
			"the file already is XDatenfelder %[2]s; it is only written again"},
	}
}}

// Message returns the note's text in lang ("de" or "en").
func (n Note) Message(lang string) string {
	m, ok := messages.Get()[n.Key]
	if !ok {
		return n.Key
	}
	f := m[0]
	if lang == "en" {
		f = m[1]
	}
	if !strings.Contains(f, "%[") {
		return f
	}
	return fmt.Sprintf(f, n.What, n.Old, n.New)
}

// keys returns every message key, sorted (for tests and documentation).
func keys() []string {
	out := make([]string, 0, len(messages.Get()))
	for k := range messages.Get() {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
