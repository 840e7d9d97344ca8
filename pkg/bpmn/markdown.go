package bpmn

import (
	"fmt"
	"slices"
	"strings"

	"github.com/ozgctl/ozgctl/internal/lazy"
)

// kindLabels name node kinds in German and English.
var kindLabels = lazy.Value[map[string]Text]{F: func() map[string]Text {
	return map[string]Text{
		"task": {"Aufgabe", "task"}, "userTask": {"Benutzeraufgabe", "user task"}, "serviceTask": {"Serviceaufgabe", "service task"},
		"sendTask": {"Sendeaufgabe", "send task"}, "receiveTask": {"Empfangsaufgabe", "receive task"},
		"manualTask": {"manuelle Aufgabe", "manual task"}, "businessRuleTask": {"Geschäftsregelaufgabe", "business rule task"},
		"scriptTask": {"Skriptaufgabe", "script task"}, "subProcess": {"Teilprozess", "sub-process"},
		"adHocSubProcess": {"Ad-hoc-Teilprozess", "ad-hoc sub-process"}, "transaction": {"Transaktion", "transaction"},
		"callActivity": {"Aufrufaktivität", "call activity"}, "startEvent": {"Startereignis", "start event"},
		"endEvent": {"Endereignis", "end event"}, "intermediateCatchEvent": {"Zwischenereignis (empfangend)", "intermediate catch event"},
		"intermediateThrowEvent": {"Zwischenereignis (auslösend)", "intermediate throw event"},
		"boundaryEvent":          {"angeheftetes Ereignis", "boundary event"}, "implicitThrowEvent": {"Ereignis", "event"},
		"exclusiveGateway": {"exklusives Gateway", "exclusive gateway"}, "inclusiveGateway": {"inklusives Gateway", "inclusive gateway"},
		"parallelGateway": {"paralleles Gateway", "parallel gateway"}, "eventBasedGateway": {"ereignisbasiertes Gateway", "event-based gateway"},
		"complexGateway": {"komplexes Gateway", "complex gateway"},
	}
}}

var defLabels = lazy.Value[map[string]Text]{F: func() map[string]Text {
	return map[string]Text{
		"message": {"Nachricht", "message"}, "timer": {"Zeit", "timer"}, "signal": {"Signal", "signal"}, "error": {"Fehler", "error"},
		"escalation": {"Eskalation", "escalation"}, "conditional": {"Bedingung", "conditional"}, "link": {"Link", "link"},
		"compensate": {"Kompensation", "compensation"}, "cancel": {"Abbruch", "cancel"}, "terminate": {"Terminierung", "terminate"},
	}
}}

// KindLabel names a node kind in lang.
func KindLabel(kind, lang string) string {
	if t, ok := kindLabels.Get()[kind]; ok {
		return t.In(lang)
	}
	return kind
}

// FlowOrder returns the nodes of a scope in flow order: breadth-first from
// the start events (then from nodes without incoming flow), following
// outgoing flows in document order; nodes no path reaches come last in
// document order. Boundary events follow their host.
func FlowOrder(d *Definitions, s *Scope) []*Node {
	inScope := map[string]*Node{}
	for _, n := range s.Nodes {
		inScope[n.ID] = n
	}
	attached := map[string][]*Node{}
	for _, n := range s.Nodes {
		if n.Kind == "boundaryEvent" {
			attached[n.AttachedTo] = append(attached[n.AttachedTo], n)
		}
	}
	// link catch events continue their throw events of the same name
	links := map[string][]*Node{}
	for _, n := range s.Nodes {
		if n.Kind == "intermediateCatchEvent" && slices.Contains(n.EventDefinitions, "link") {
			links[n.Name] = append(links[n.Name], n)
		}
	}
	var queue, later []*Node
	for _, n := range s.Nodes {
		switch {
		case n.Kind == "startEvent":
			queue = append(queue, n)
		case n.Kind != "boundaryEvent" && len(n.Incoming) == 0:
			later = append(later, n)
		}
	}
	seen := map[string]bool{}
	var out []*Node
	for len(queue) > 0 || len(later) > 0 {
		if len(queue) == 0 {
			queue, later = later[:1], later[1:]
		}
		n := queue[0]
		queue = queue[1:]
		if seen[n.ID] {
			continue
		}
		seen[n.ID] = true
		out = append(out, n)
		queue = append(queue, attached[n.ID]...)
		for _, fid := range n.Outgoing {
			if f, ok := d.Lookup(fid).(*SequenceFlow); ok {
				if t := inScope[f.Target]; t != nil && !seen[t.ID] {
					queue = append(queue, t)
				}
			}
		}
		if n.Kind == "intermediateThrowEvent" && slices.Contains(n.EventDefinitions, "link") {
			queue = append(queue, links[n.Name]...)
		}
	}
	for _, n := range s.Nodes {
		if !seen[n.ID] {
			seen[n.ID] = true
			out = append(out, n)
		}
	}
	return out
}

// MarkdownOptions tune [Markdown].
type MarkdownOptions struct {
	Lang string
	// Level is the heading level of the title (default 1).
	Level int
	// Title overrides the document title.
	Title string
}

var md = struct {
	participants, steps, messages, data, lane, from, to, message, pool, lanes, next, none, end, within, attachedTo, dflt, otherwise, process Text
}{
	participants: Text{"Beteiligte", "Participants"}, steps: Text{"Ablauf", "Steps"},
	messages: Text{"Nachrichtenflüsse", "Message flows"}, data: Text{"Daten", "Data"},
	lane: Text{"Bahn", "lane"}, from: Text{"Von", "From"}, to: Text{"An", "To"}, message: Text{"Nachricht", "Message"},
	pool: Text{"Pool", "Pool"}, lanes: Text{"Bahnen", "Lanes"}, next: Text{"weiter mit", "then"},
	none: Text{"keine", "none"}, end: Text{"Ende", "end"}, within: Text{"in", "in"}, attachedTo: Text{"angeheftet an", "attached to"},
	dflt: Text{"Standard", "default"}, otherwise: Text{"sonst", "otherwise"}, process: Text{"Prozess", "Process"},
}

// Markdown describes the document: participants, the steps of each
// process in flow order with their branches, message flows and data.
func Markdown(d *Definitions, opts MarkdownOptions) []byte {
	var b strings.Builder
	level := max(opts.Level, 1)
	title := opts.Title
	if title == "" {
		title = d.Name
	}
	if title == "" && len(d.Processes) > 0 {
		title = orID(d.Processes[0].Name, d.Processes[0].ID)
	}
	fmt.Fprintf(&b, "%s %s\n\n", strings.Repeat("#", level), mdEsc(title))
	WriteMarkdownBody(&b, d, opts.Lang, level+1)
	return []byte(b.String())
}

// WriteMarkdownBody writes the sections of [Markdown] with headings at level.
func WriteMarkdownBody(b *strings.Builder, d *Definitions, lang string, level int) {
	h := strings.Repeat("#", level)
	parts := d.Participants()
	if len(parts) > 0 {
		fmt.Fprintf(b, "%s %s\n\n| %s | %s |\n| --- | --- |\n", h, md.participants.In(lang), md.pool.In(lang), md.lanes.In(lang))
		for _, p := range parts {
			var lanes []string
			if pr := d.Process(p.ProcessRef); pr != nil {
				var walk func(ls []*Lane, prefix string)
				walk = func(ls []*Lane, prefix string) {
					for _, l := range ls {
						lanes = append(lanes, prefix+oneLine(orID(l.Name, l.ID)))
						walk(l.Children, prefix+oneLine(orID(l.Name, l.ID))+" / ")
					}
				}
				walk(pr.Lanes, "")
			}
			fmt.Fprintf(b, "| %s | %s |\n", mdCell(orID(p.Name, p.ID)), mdCell(strings.Join(lanes, ", ")))
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(b, "%s %s\n\n", h, md.steps.In(lang))
	order := processOrder(d)
	for _, p := range order {
		if len(p.Nodes) == 0 {
			continue
		}
		if len(order) > 1 {
			fmt.Fprintf(b, "%s# %s\n\n", h, mdEsc(poolName(d, p)))
		}
		writeSteps(b, d, &p.Scope, lang, "")
		b.WriteString("\n")
	}
	if mfs := d.MessageFlows(); len(mfs) > 0 {
		fmt.Fprintf(b, "%s %s\n\n| %s | %s | %s |\n| --- | --- | --- |\n", h, md.messages.In(lang), md.from.In(lang), md.to.In(lang), md.message.In(lang))
		for _, m := range mfs {
			fmt.Fprintf(b, "| %s | %s | %s |\n", mdCell(endName(d, m.Source)), mdCell(endName(d, m.Target)), mdCell(m.Name))
		}
		b.WriteString("\n")
	}
	var data []string
	d.walkScopes(func(_ string, s *Scope) {
		for _, x := range s.Data {
			if x.Name != "" && x.Kind != "dataObject" {
				data = append(data, fmt.Sprintf("- %s (%s)", mdEsc(oneLine(x.Name)), x.Kind))
			}
		}
	})
	if len(data) > 0 {
		fmt.Fprintf(b, "%s %s\n\n%s\n\n", h, md.data.In(lang), strings.Join(data, "\n"))
	}
}

func processOrder(d *Definitions) []*Process {
	var out []*Process
	seen := map[string]bool{}
	for _, p := range d.Participants() {
		if pr := d.Process(p.ProcessRef); pr != nil && !seen[pr.ID] {
			seen[pr.ID] = true
			out = append(out, pr)
		}
	}
	for _, p := range d.Processes {
		if !seen[p.ID] {
			seen[p.ID] = true
			out = append(out, p)
		}
	}
	return out
}

func poolName(d *Definitions, p *Process) string {
	for _, part := range d.Participants() {
		if part.ProcessRef == p.ID && part.Name != "" {
			return oneLine(part.Name)
		}
	}
	return oneLine(orID(p.Name, p.ID))
}

func endName(d *Definitions, id string) string {
	switch v := d.Lookup(id).(type) {
	case *Participant:
		return oneLine(orID(v.Name, v.ID))
	case *Node:
		pool := ""
		for _, p := range d.Participants() {
			if p.ProcessRef == v.Process {
				pool = oneLine(orID(p.Name, p.ID)) + ": "
			}
		}
		return pool + oneLine(orID(v.Name, v.ID))
	}
	return id
}

func writeSteps(b *strings.Builder, d *Definitions, s *Scope, lang, indent string) {
	nodes := FlowOrder(d, s)
	num := map[string]int{}
	for i, n := range nodes {
		num[n.ID] = i + 1
	}
	laneName := func(id string) string {
		if l, ok := d.Lookup(id).(*Lane); ok {
			return oneLine(orID(l.Name, l.ID))
		}
		return ""
	}
	for i, n := range nodes {
		kind := KindLabel(n.Kind, lang)
		if len(n.EventDefinitions) > 0 {
			var defs []string
			for _, e := range n.EventDefinitions {
				if t, ok := defLabels.Get()[e]; ok {
					defs = append(defs, t.In(lang))
				} else {
					defs = append(defs, e)
				}
			}
			kind += ", " + strings.Join(defs, ", ")
		}
		name := oneLine(n.Name)
		if name == "" {
			name = n.ID
		}
		fmt.Fprintf(b, "%s%d. **%s** (%s)", indent, i+1, mdEsc(name), kind)
		if l := laneName(n.Lane); l != "" && indent == "" {
			fmt.Fprintf(b, " — %s: %s", md.lane.In(lang), mdEsc(l))
		}
		if n.Kind == "boundaryEvent" {
			if host := d.Node(n.AttachedTo); host != nil {
				fmt.Fprintf(b, " — %s %d", md.attachedTo.In(lang), num[host.ID])
			}
		}
		var next []string
		for _, fid := range n.Outgoing {
			f, ok := d.Lookup(fid).(*SequenceFlow)
			if !ok {
				continue
			}
			target := "?"
			if k, ok := num[f.Target]; ok {
				target = fmt.Sprint(k)
			}
			label := oneLine(f.Name)
			if f.Condition != "" && label == "" {
				label = "`" + strings.ReplaceAll(oneLine(f.Condition), "`", "'") + "`"
			} else {
				label = mdEsc(label)
			}
			if n.Default == f.ID {
				label = strings.TrimSpace(label + " (" + md.dflt.In(lang) + ")")
			}
			if label != "" {
				next = append(next, label+" → "+target)
			} else {
				next = append(next, target)
			}
		}
		slices.Sort(next)
		switch {
		case len(next) > 0:
			fmt.Fprintf(b, " — %s %s", md.next.In(lang), strings.Join(next, "; "))
		case n.Kind == "endEvent":
		default:
			fmt.Fprintf(b, " — %s", md.end.In(lang))
		}
		b.WriteString("\n")
		if n.Children != nil && len(n.Children.Nodes) > 0 {
			writeSteps(b, d, n.Children, lang, indent+"   ")
		}
	}
}

// mdEsc escapes Markdown inline syntax in plain text.
func mdEsc(s string) string {
	r := strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`, "<", "&lt;", ">", "&gt;", "|", `\|`)
	return r.Replace(s)
}

func mdCell(s string) string { return mdEsc(oneLine(s)) }
