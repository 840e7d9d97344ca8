package xprozess

import (
	"github.com/ozgctl/ozgctl/internal/lazy"
	"github.com/ozgctl/ozgctl/pkg/bpmn"
	"github.com/ozgctl/ozgctl/pkg/finding"
)

// findingSource is the Source of the reader's findings.
const findingSource = "xprozess"

// Rule ids of the reader's findings.
const (
	ruleIDProse        = "xprozess:id-prose"
	ruleInvalidKey     = "xprozess:invalid-key"
	ruleMissingElement = "xprozess:missing-element"
	ruleModelMissing   = "xprozess:model-missing"
	ruleNoBPMN         = "xprozess:no-bpmn"
	ruleBase64         = "xprozess:base64"
	ruleArchive        = "xprozess:archive"
	ruleArchiveLimit   = "xprozess:archive-limit"
	ruleZipSlip        = "xprozess:zip-slip"
	ruleNestedArchive  = "xprozess:nested-archive"
	ruleBPMNInvalid    = "xprozess:bpmn-invalid"
	ruleFormMissing    = "xprozess:form-missing"
	ruleFormMalformed  = "xprozess:form-malformed"
)

type text = bpmn.Text

var registry = []bpmn.Rule{
	{ID: ruleIDProse, Severity: finding.Warning,
		Title:  text{DE: "Text statt Kennung", EN: "prose where an id belongs"},
		Help:   text{DE: "Das Feld erwartet eine FIM-Kennung (z. B. D00000094), enthält aber einen Text. Der Text wird als Beschreibung übernommen.", EN: "The field expects a FIM id (such as D00000094) but holds prose. The text is kept as a description."},
		Detail: text{DE: "%s: %q", EN: "%s: %q"}},
	{ID: ruleInvalidKey, Severity: finding.Warning,
		Title:  text{DE: "Prozess-ID ist kein 14-stelliger LeiKa-Schlüssel", EN: "process id is not a 14-digit LeiKa key"},
		Help:   text{DE: "Prozessklassen und Prozesse werden mit dem 14-stelligen Schlüssel des Leistungskatalogs (LeiKa) bezeichnet.", EN: "Process classes and processes are identified by the 14-digit key of the service catalogue (LeiKa)."},
		Detail: text{DE: "%q", EN: "%q"}},
	{ID: ruleMissingElement, Severity: finding.Warning,
		Title:  text{DE: "Pflichtangabe fehlt", EN: "required element missing"},
		Help:   text{DE: "Ein Element, ohne das die Angabe nicht sinnvoll verwendet werden kann, fehlt oder ist leer.", EN: "An element without which the entry cannot be used sensibly is missing or empty."},
		Detail: text{DE: "%s", EN: "%s"}},
	{ID: ruleModelMissing, Severity: finding.Warning,
		Title:  text{DE: "Prozess ohne Prozessmodell", EN: "process without process model"},
		Help:   text{DE: "Der Prozess enthält kein (oder ein leeres) Prozessmodell; Diagramm, Ablauf und Schnittstellen lassen sich nicht ableiten.", EN: "The process contains no (or an empty) process model; diagram, steps and interfaces cannot be derived."},
		Detail: text{DE: "%s", EN: "%s"}},
	{ID: ruleNoBPMN, Severity: finding.Warning,
		Title:  text{DE: "Prozessmodelldatei enthält kein BPMN", EN: "process model file contains no BPMN"},
		Help:   text{DE: "Das Archiv der Prozessmodelldatei enthält kein BPMN-2.0-Dokument.", EN: "The archive of the process model file contains no BPMN 2.0 document."},
		Detail: text{DE: "%s", EN: "%s"}},
	{ID: ruleBase64, Severity: finding.Error,
		Title:  text{DE: "Inhalt ist kein gültiges Base64", EN: "content is not valid base64"},
		Help:   text{DE: "Eingebettete Dateien stehen base64-kodiert im Element inhalt.", EN: "Embedded files are base64-encoded in the element inhalt."},
		Detail: text{DE: "%s", EN: "%s"}},
	{ID: ruleArchive, Severity: finding.Error,
		Title:  text{DE: "Inhalt ist kein lesbares ZIP-Archiv", EN: "content is not a readable ZIP archive"},
		Help:   text{DE: "Eingebettete Modelle sind ZIP-Archive; dieses lässt sich nicht öffnen.", EN: "Embedded models are ZIP archives; this one cannot be opened."},
		Detail: text{DE: "%s", EN: "%s"}},
	{ID: ruleArchiveLimit, Severity: finding.Error,
		Title:  text{DE: "eingebettete Datei überschreitet eine Grenze", EN: "embedded file exceeds a limit"},
		Help:   text{DE: "Zum Schutz vor Zip-Bomben werden kodierte Größe, entpackte Größe und Zahl der Einträge begrenzt.", EN: "To guard against zip bombs, encoded size, unpacked size and number of entries are limited."},
		Detail: text{DE: "%s", EN: "%s"}},
	{ID: ruleZipSlip, Severity: finding.Error,
		Title:  text{DE: "Archiveintrag mit unzulässigem Pfad", EN: "archive entry with a forbidden path"},
		Help:   text{DE: "Ein Pfad, der absolut ist oder mit .. aus dem Zielordner führt (Zip-Slip), wird nicht entpackt.", EN: "A path that is absolute or leads out of the target folder with .. (zip-slip) is not unpacked."},
		Detail: text{DE: "%q", EN: "%q"}},
	{ID: ruleNestedArchive, Severity: finding.Error,
		Title:  text{DE: "verschachteltes Archiv", EN: "nested archive"},
		Help:   text{DE: "Archive in Archiven werden nicht entpackt.", EN: "Archives inside archives are not unpacked."},
		Detail: text{DE: "%q", EN: "%q"}},
	{ID: ruleBPMNInvalid, Severity: finding.Error,
		Title:  text{DE: "eingebettetes BPMN nicht lesbar", EN: "embedded BPMN cannot be read"},
		Help:   text{DE: "Das BPMN-Dokument im Archiv ist kein wohlgeformtes BPMN 2.0.", EN: "The BPMN document in the archive is not well-formed BPMN 2.0."},
		Detail: text{DE: "%s", EN: "%s"}},
	{ID: ruleFormMissing, Severity: finding.Warning,
		Title:  text{DE: "verknüpftes Formular nicht gefunden", EN: "linked form not found"},
		Help:   text{DE: "Zur formularID gibt es in den mit --forms angegebenen XDatenfelder-Dateien kein Datenschema.", EN: "The --forms XDatenfelder files have no schema for the formularID."},
		Detail: text{DE: "%s, gesucht %s", EN: "%s, looked for %s"}},
	{ID: ruleFormMalformed, Severity: finding.Warning,
		Title:  text{DE: "Formularverweis ist keine Kennung", EN: "form reference is not an id"},
		Help:   text{DE: "Der Formularverweis enthält keine FIM-Kennung und kann keinem Datenschema zugeordnet werden.", EN: "The form reference holds no FIM id and cannot be matched to a schema."},
		Detail: text{DE: "%q", EN: "%q"}},
}

// byID maps each rule's id to the rule, made on first use.
var byID = lazy.Value[map[string]*bpmn.Rule]{F: func() map[string]*bpmn.Rule {
	m := map[string]*bpmn.Rule{}
	for i := range registry {
		m[registry[i].ID] = &registry[i]
	}
	return m
}}

// RuleInfos returns the rules' metadata for reporters.
func RuleInfos(lang string) []finding.RuleInfo {
	out := make([]finding.RuleInfo, 0, len(registry))
	for _, r := range registry {
		out = append(out, finding.RuleInfo{ID: r.ID, Title: r.Title.In(lang), Help: r.Help.In(lang), Severity: r.Severity})
	}
	return out
}

// newFinding makes a finding of one of the reader's rules.
func newFinding(rule, lang string, line int, path string, args ...any) finding.Finding {
	r := byID.Get()[rule]
	return finding.Finding{Rule: rule, Severity: r.Severity, Message: r.Message(lang, args...), Line: line, Path: path, Source: findingSource}
}
