package bpmn

import (
	"fmt"

	"github.com/ozgctl/ozgctl/internal/lazy"
	"github.com/ozgctl/ozgctl/pkg/finding"
)

// Text is a text in German and English.
type Text struct {
	DE, EN string
}

// In returns the text in lang ("de" or "en"); German is the default.
func (t Text) In(lang string) string {
	if lang == "en" && t.EN != "" {
		return t.EN
	}
	return t.DE
}

// Rule is one check of the reader or linter. Ids are stable: they are what
// CI configurations and SARIF viewers key on.
type Rule struct {
	ID       string
	Severity finding.Severity
	// Title says in one line what is wrong.
	Title Text
	// Help explains the rule and what to do.
	Help Text
	// Detail formats the details of a finding (verbs filled by the
	// check's arguments); the message is Title (Detail).
	Detail Text
}

// Message formats a finding message in lang.
func (r *Rule) Message(lang string, args ...any) string {
	t := r.Title.In(lang)
	if d := r.Detail.In(lang); d != "" && len(args) > 0 {
		return t + " (" + fmt.Sprintf(d, args...) + ")"
	}
	return t
}

// Rule ids.
const (
	RuleNotWellFormed   = "xml:not-well-formed"
	ruleMissingID       = "bpmn:missing-id"
	ruleUnknownElement  = "bpmn:unknown-element"
	ruleDIInvalid       = "bpmn:di-invalid"
	ruleDuplicateID     = "bpmn:duplicate-id"
	ruleDanglingRef     = "bpmn:dangling-ref"
	ruleUnreachable     = "bpmn:unreachable"
	ruleNoEnd           = "bpmn:no-end"
	ruleGatewayCond     = "bpmn:gateway-condition"
	ruleMsgFlowSamePool = "bpmn:message-flow-same-pool"
	ruleFlowAcrossScope = "bpmn:flow-across-scope"
	ruleMissingDI       = "bpmn:missing-di"
	ruleNoDI            = "bpmn:no-di"
	ruleStartIncoming   = "bpmn:start-incoming"
	ruleEndOutgoing     = "bpmn:end-outgoing"
	ruleEmptyProcess    = "bpmn:empty-process"
)

var registry = []Rule{
	{ID: RuleNotWellFormed, Severity: finding.Error,
		Title: Text{"kein wohlgeformtes XML", "not well-formed XML"},
		Help:  Text{"Die Datei ist kein wohlgeformtes XML und kann nicht gelesen werden.", "The file is not well-formed XML and cannot be read."}},
	{ID: ruleMissingID, Severity: finding.Error,
		Title: Text{"Element ohne id", "element without id"},
		Help:  Text{"Flussknoten und Flüsse brauchen eine id, damit Flüsse und Diagramm sie referenzieren können.", "Flow nodes and flows need an id so that flows and the diagram can refer to them."}},
	{ID: ruleUnknownElement, Severity: finding.Info,
		Title: Text{"unbekanntes BPMN-Element", "unknown BPMN element"},
		Help:  Text{"Ein Element im BPMN-Namensraum, das ozgctl nicht kennt, wird übergangen.", "An element in the BPMN namespace that ozgctl does not know is skipped."}},
	{ID: ruleDIInvalid, Severity: finding.Warning,
		Title: Text{"fehlerhafte Diagrammangabe", "broken diagram interchange"},
		Help:  Text{"Eine BPMNShape oder BPMNEdge hat fehlende oder ungültige Koordinaten; sie wird so gut wie möglich gezeichnet.", "A BPMNShape or BPMNEdge has missing or invalid coordinates; it is drawn as well as possible."}},
	{ID: ruleDuplicateID, Severity: finding.Error,
		Title:  Text{"id mehrfach vergeben", "duplicate id"},
		Help:   Text{"Jede id darf im Dokument nur einmal vorkommen; sonst ist unklar, worauf Flüsse und Diagramm verweisen.", "Every id must occur once in the document; otherwise it is unclear what flows and the diagram refer to."},
		Detail: Text{"%q, zuerst in Zeile %d", "%q, first on line %d"}},
	{ID: ruleDanglingRef, Severity: finding.Error,
		Title:  Text{"Verweis auf ein nicht vorhandenes Element", "reference to a missing element"},
		Help:   Text{"Ein Fluss, Pool, Randereignis, eine Bahn oder eine Diagrammform verweist auf eine id, die es nicht (oder nicht in passender Art) gibt.", "A flow, pool, boundary event, lane or diagram shape refers to an id that does not exist (or is of the wrong kind)."},
		Detail: Text{"%s=%q", "%s=%q"}},
	{ID: ruleUnreachable, Severity: finding.Warning,
		Title:  Text{"Knoten ist nicht erreichbar", "node is unreachable"},
		Help:   Text{"Von keinem Startereignis führt ein Sequenzfluss zu diesem Knoten; er wird nie ausgeführt.", "No sequence flow path leads from a start event to this node; it is never executed."},
		Detail: Text{"%s %q", "%s %q"}},
	{ID: ruleNoEnd, Severity: finding.Warning,
		Title:  Text{"Pfad ohne Ende", "path without end"},
		Help:   Text{"Von diesem Knoten aus wird kein Endereignis (und kein Knoten ohne ausgehenden Fluss) erreicht: der Prozess kreist endlos.", "From this node no end event (nor any node without outgoing flow) can be reached: the process loops forever."},
		Detail: Text{"%s %q", "%s %q"}},
	{ID: ruleGatewayCond, Severity: finding.Warning,
		Title:  Text{"verzweigendes Gateway mit Ausgang ohne Bedingung", "diverging gateway has an outgoing flow without condition"},
		Help:   Text{"Jeder ausgehende Fluss eines exklusiven, inklusiven oder komplexen Gateways braucht eine Bedingung, außer dem Standardfluss (default). Eine Beschriftung allein ist keine Bedingung.", "Every outgoing flow of an exclusive, inclusive or complex gateway needs a condition, except the default flow. A label alone is not a condition."},
		Detail: Text{"%s %q: %s", "%s %q: %s"}},
	{ID: ruleMsgFlowSamePool, Severity: finding.Error,
		Title:  Text{"Nachrichtenfluss innerhalb eines Pools", "message flow within one pool"},
		Help:   Text{"Nachrichtenflüsse verbinden verschiedene Pools; innerhalb eines Pools wird ein Sequenzfluss verwendet.", "Message flows connect different pools; within one pool, use a sequence flow."},
		Detail: Text{"Pool %q", "pool %q"}},
	{ID: ruleFlowAcrossScope, Severity: finding.Error,
		Title:  Text{"Sequenzfluss verlässt seinen Prozess oder Teilprozess", "sequence flow leaves its process or sub-process"},
		Help:   Text{"Quelle und Ziel eines Sequenzflusses müssen im selben Prozess bzw. Teilprozess liegen wie der Fluss.", "A sequence flow's source and target must lie in the same process or sub-process as the flow."},
		Detail: Text{"%s %q liegt in %q", "%s %q is in %q"}},
	{ID: ruleMissingDI, Severity: finding.Warning,
		Title:  Text{"Flussknoten ohne Diagrammform", "flow node has no diagram shape"},
		Help:   Text{"Das Dokument hat ein Diagramm, aber dieser Knoten hat keine BPMNShape und wird nicht gezeichnet.", "The document has a diagram but this node has no BPMNShape and is not drawn."},
		Detail: Text{"%s %q", "%s %q"}},
	{ID: ruleNoDI, Severity: finding.Info,
		Title: Text{"Dokument ohne Diagramm (BPMNDI)", "document without diagram (BPMNDI)"},
		Help:  Text{"Ohne Diagrammangaben ordnet ozgctl die Knoten beim Zeichnen automatisch an.", "Without diagram interchange ozgctl lays out the nodes automatically when drawing."}},
	{ID: ruleStartIncoming, Severity: finding.Error,
		Title: Text{"Startereignis mit eingehendem Sequenzfluss", "start event has an incoming sequence flow"},
		Help:  Text{"Ein Startereignis beginnt den Prozess und darf keinen eingehenden Sequenzfluss haben.", "A start event begins the process and must not have an incoming sequence flow."}},
	{ID: ruleEndOutgoing, Severity: finding.Error,
		Title: Text{"Endereignis mit ausgehendem Sequenzfluss", "end event has an outgoing sequence flow"},
		Help:  Text{"Ein Endereignis beendet einen Pfad und darf keinen ausgehenden Sequenzfluss haben.", "An end event ends a path and must not have an outgoing sequence flow."}},
	{ID: ruleEmptyProcess, Severity: finding.Info,
		Title: Text{"Prozess ohne Flussknoten", "process without flow nodes"},
		Help:  Text{"Der Prozess enthält keine Aktivität, kein Ereignis und kein Gateway.", "The process contains no activity, event or gateway."}},
}

// byID maps each rule's id to the rule, made on first use.
var byID = lazy.Value[map[string]*Rule]{F: func() map[string]*Rule {
	m := map[string]*Rule{}
	for i := range registry {
		if _, dup := m[registry[i].ID]; dup {
			panic("bpmn: duplicate rule " + registry[i].ID)
		}
		m[registry[i].ID] = &registry[i]
	}
	return m
}}

// Rules returns every rule, in registry order.
func Rules() []*Rule {
	out := make([]*Rule, len(registry))
	for i := range registry {
		out[i] = &registry[i]
	}
	return out
}

// LookupRule returns the rule with the id, or nil.
func LookupRule(id string) *Rule { return byID.Get()[id] }

// RuleInfos returns the rules' metadata for reporters.
func RuleInfos(lang string) []finding.RuleInfo {
	out := make([]finding.RuleInfo, 0, len(registry))
	for _, r := range registry {
		out = append(out, finding.RuleInfo{ID: r.ID, Title: r.Title.In(lang), Help: r.Help.In(lang), Severity: r.Severity})
	}
	return out
}
