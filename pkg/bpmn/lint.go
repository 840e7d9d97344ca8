package bpmn

import (
	"slices"
	"strings"

	"github.com/ozgctl/ozgctl/pkg/finding"
)

// LintOptions tune [Lint].
type LintOptions struct {
	// Lang selects the language of messages: "de" (default) or "en".
	Lang string
}

type linter struct {
	d        *Definitions
	lang     string
	findings []finding.Finding
}

func (l *linter) report(rule string, p Pos, path string, args ...any) {
	r := byID.Get()[rule]
	l.findings = append(l.findings, finding.Finding{Rule: rule, Severity: r.Severity, Message: r.Message(l.lang, args...),
		Line: p.Line, Column: p.Column, Path: path, Source: findingSource})
}

// Lint runs the structural checks on a document read by [Read]. Findings
// are sorted; the reader's own findings are not repeated.
func Lint(d *Definitions, opts LintOptions) []finding.Finding {
	l := &linter{d: d, lang: opts.Lang}
	if d.byID == nil {
		d.index()
	}
	l.duplicateIDs()
	l.references()
	l.scopes()
	l.messageFlows()
	l.diagramInterchange()
	return finding.Normalize(l.findings)
}

func (l *linter) duplicateIDs() {
	first := map[string]IDUse{}
	for _, u := range l.d.IDs {
		if f, ok := first[u.ID]; ok {
			l.report(ruleDuplicateID, u.Pos, u.ID, u.ID, f.Pos.Line)
			continue
		}
		first[u.ID] = u
	}
}

// label names a node for messages: its name, or its id.
func label(n *Node) string {
	if s := strings.Join(strings.Fields(n.Name), " "); s != "" {
		return s
	}
	return n.ID
}

func (l *linter) references() {
	d := l.d
	isNode := func(id string) bool { return d.Node(id) != nil }
	d.walkScopes(func(owner string, s *Scope) {
		for _, f := range s.Flows {
			for _, ref := range [][2]string{{"sourceRef", f.Source}, {"targetRef", f.Target}} {
				if !isNode(ref[1]) {
					l.report(ruleDanglingRef, f.Pos, f.ID, ref[0], ref[1])
				}
			}
		}
		for _, n := range s.Nodes {
			if n.Kind == "boundaryEvent" {
				host := d.Node(n.AttachedTo)
				if host == nil || host.Category != Activity {
					l.report(ruleDanglingRef, n.Pos, n.ID, "attachedToRef", n.AttachedTo)
				}
			}
			if n.Default != "" {
				if f, ok := d.Lookup(n.Default).(*SequenceFlow); !ok || f.Source != n.ID {
					l.report(ruleDanglingRef, n.Pos, n.ID, "default", n.Default)
				}
			}
		}
		for _, a := range s.Artifacts.Associations {
			l.assocRefs(a)
		}
	})
	for _, c := range d.Collaborations {
		for _, p := range c.Participants {
			if p.ProcessRef != "" && d.Process(p.ProcessRef) == nil {
				l.report(ruleDanglingRef, p.Pos, p.ID, "processRef", p.ProcessRef)
			}
		}
		for _, m := range c.MessageFlows {
			for _, ref := range [][2]string{{"sourceRef", m.Source}, {"targetRef", m.Target}} {
				switch d.Lookup(ref[1]).(type) {
				case *Node, *Participant:
				default:
					l.report(ruleDanglingRef, m.Pos, m.ID, ref[0], ref[1])
				}
			}
		}
		for _, a := range c.Artifacts.Associations {
			l.assocRefs(a)
		}
	}
	var lanes func(ls []*Lane)
	lanes = func(ls []*Lane) {
		for _, ln := range ls {
			for _, ref := range ln.NodeRefs {
				if !isNode(ref) {
					l.report(ruleDanglingRef, ln.Pos, ln.ID, "flowNodeRef", ref)
				}
			}
			lanes(ln.Children)
		}
	}
	for _, p := range d.Processes {
		lanes(p.Lanes)
	}
}

func (l *linter) assocRefs(a *Association) {
	for _, ref := range [][2]string{{"sourceRef", a.Source}, {"targetRef", a.Target}} {
		if l.d.Lookup(ref[1]) == nil {
			l.report(ruleDanglingRef, a.Pos, a.ID, ref[0], ref[1])
		}
	}
}

func (l *linter) scopes() {
	d := l.d
	for _, p := range d.Processes {
		if len(p.Nodes) == 0 {
			l.report(ruleEmptyProcess, p.Pos, p.ID)
		}
	}
	d.walkScopes(func(owner string, s *Scope) {
		inScope := map[string]*Node{}
		for _, n := range s.Nodes {
			inScope[n.ID] = n
		}
		for _, f := range s.Flows {
			for _, end := range []string{f.Source, f.Target} {
				if n := d.Node(end); n != nil && inScope[end] != n {
					l.report(ruleFlowAcrossScope, f.Pos, f.ID, n.Kind, end, n.Parent)
				}
			}
		}
		for _, n := range s.Nodes {
			switch n.Kind {
			case "startEvent":
				if len(n.Incoming) > 0 {
					l.report(ruleStartIncoming, n.Pos, n.ID)
				}
			case "endEvent":
				if len(n.Outgoing) > 0 {
					l.report(ruleEndOutgoing, n.Pos, n.ID)
				}
			case "exclusiveGateway", "inclusiveGateway", "complexGateway":
				l.gatewayConditions(n)
			}
		}
		l.reachability(s, inScope)
	})
}

func (l *linter) gatewayConditions(n *Node) {
	if len(n.Outgoing) < 2 {
		return
	}
	var missing []string
	for _, id := range n.Outgoing {
		f, _ := l.d.Lookup(id).(*SequenceFlow)
		if f == nil || id == n.Default || (f.HasCondition && f.Condition != "") {
			continue
		}
		s := id
		if name := strings.Join(strings.Fields(f.Name), " "); name != "" {
			s += " „" + name + "“"
		}
		missing = append(missing, s)
	}
	if len(missing) == 0 {
		return
	}
	l.report(ruleGatewayCond, n.Pos, n.ID, n.Kind, label(n), strings.Join(missing, ", "))
}

// reachability reports nodes no start reaches, and nodes from which no end
// is reached, in one scope. Boundary events are reached through their host.
func (l *linter) reachability(s *Scope, inScope map[string]*Node) {
	succ := map[string][]string{}
	pred := map[string][]string{}
	link := func(a, b string) {
		succ[a] = append(succ[a], b)
		pred[b] = append(pred[b], a)
	}
	for _, f := range s.Flows {
		if inScope[f.Source] != nil && inScope[f.Target] != nil {
			link(f.Source, f.Target)
		}
	}
	hasStart := false
	for _, n := range s.Nodes {
		if n.Kind == "boundaryEvent" && inScope[n.AttachedTo] != nil {
			link(n.AttachedTo, n.ID)
		}
		if n.Kind == "startEvent" {
			hasStart = true
		}
	}
	// link events: a catch event is reached from a throw event of the same name
	throws := map[string][]string{}
	for _, n := range s.Nodes {
		if n.Kind == "intermediateThrowEvent" && slices.Contains(n.EventDefinitions, "link") {
			throws[n.Name] = append(throws[n.Name], n.ID)
		}
	}
	for _, n := range s.Nodes {
		if n.Kind == "intermediateCatchEvent" && slices.Contains(n.EventDefinitions, "link") {
			for _, t := range throws[n.Name] {
				link(t, n.ID)
			}
		}
	}
	var roots []string
	for _, n := range s.Nodes {
		switch {
		case n.Kind == "startEvent", n.TriggeredByEvent, n.ForCompensation:
			roots = append(roots, n.ID)
		case !hasStart && len(pred[n.ID]) == 0 && n.Kind != "boundaryEvent":
			// without a start event every node without incoming flow starts
			roots = append(roots, n.ID)
		case n.Kind == "boundaryEvent" && slices.Contains(n.EventDefinitions, "compensate"):
			roots = append(roots, n.ID)
		}
	}
	reached := walk(roots, succ)
	for _, n := range s.Nodes {
		if reached[n.ID] {
			continue
		}
		if n.Kind == "boundaryEvent" {
			if host := inScope[n.AttachedTo]; host == nil || !reached[host.ID] {
				continue // the host is reported, or the reference
			}
		}
		l.report(ruleUnreachable, n.Pos, n.ID, n.Kind, label(n))
	}
	// ends: nodes without outgoing flow (explicit or implicit ends)
	var sinks []string
	for _, n := range s.Nodes {
		if len(succ[n.ID]) == 0 {
			sinks = append(sinks, n.ID)
		}
	}
	ending := walk(sinks, pred)
	for _, n := range s.Nodes {
		if !reached[n.ID] || ending[n.ID] {
			continue
		}
		// report only where a path enters the trap
		entry := slices.Contains(roots, n.ID)
		for _, p := range pred[n.ID] {
			if ending[p] || !reached[p] {
				entry = true
			}
		}
		if entry || len(pred[n.ID]) == 0 {
			l.report(ruleNoEnd, n.Pos, n.ID, n.Kind, label(n))
		}
	}
}

// walk returns every id reachable from roots along next (roots included).
func walk(roots []string, next map[string][]string) map[string]bool {
	seen := map[string]bool{}
	stack := slices.Clone(roots)
	for len(stack) > 0 {
		id := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[id] {
			continue
		}
		seen[id] = true
		stack = append(stack, next[id]...)
	}
	return seen
}

// participantOf returns the pool an element of a message flow lies in.
func (l *linter) participantOf(id string) *Participant {
	switch v := l.d.Lookup(id).(type) {
	case *Participant:
		return v
	case *Node:
		for _, p := range l.d.Participants() {
			if p.ProcessRef != "" && p.ProcessRef == v.Process {
				return p
			}
		}
	}
	return nil
}

func (l *linter) messageFlows() {
	for _, m := range l.d.MessageFlows() {
		a, b := l.participantOf(m.Source), l.participantOf(m.Target)
		if a != nil && a == b {
			name := a.Name
			if name == "" {
				name = a.ID
			}
			l.report(ruleMsgFlowSamePool, m.Pos, m.ID, name)
		}
	}
}

func (l *linter) diagramInterchange() {
	d := l.d
	if !d.hasDI() {
		if len(d.Processes) > 0 {
			l.report(ruleNoDI, Pos{Line: 1}, d.ID)
		}
		return
	}
	drawn := map[string]*Shape{}
	planes := map[string]bool{}
	for _, dg := range d.Diagrams {
		if dg.Plane == nil {
			continue
		}
		planes[dg.Plane.Element] = true
		for _, s := range dg.Plane.Shapes {
			if _, ok := drawn[s.Element]; !ok {
				drawn[s.Element] = s
			}
			if s.Element != "" && d.Lookup(s.Element) == nil {
				l.report(ruleDanglingRef, s.Pos, s.ID, "bpmnElement", s.Element)
			}
		}
		for _, e := range dg.Plane.Edges {
			if e.Element != "" && d.Lookup(e.Element) == nil {
				l.report(ruleDanglingRef, e.Pos, e.ID, "bpmnElement", e.Element)
			}
		}
	}
	// A node needs a shape when its scope is drawn: a process, an
	// expanded sub-process, or a sub-process with a plane of its own.
	var check func(s *Scope)
	check = func(s *Scope) {
		for _, n := range s.Nodes {
			if drawn[n.ID] == nil {
				l.report(ruleMissingDI, n.Pos, n.ID, n.Kind, label(n))
			}
			if n.Children == nil {
				continue
			}
			sh := drawn[n.ID]
			if planes[n.ID] || (sh != nil && sh.Expanded != nil && *sh.Expanded) {
				check(n.Children)
			}
		}
	}
	for _, p := range d.Processes {
		check(&p.Scope)
	}
}
