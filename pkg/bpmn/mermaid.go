package bpmn

import (
	"fmt"
	"strings"

	"github.com/ozgctl/ozgctl/internal/lazy"
)

// Mermaid writes the document as a Mermaid flowchart: a subgraph per pool
// and lane (and per sub-process, for its content), one node per flow node
// shaped by its kind, one "-->" edge per sequence flow labelled with its
// name or condition, "-.->" edges for message flows (black-box pools
// become nodes of their own) and "-.-" links from hosts to boundary events.
// Node ids are derived from the BPMN ids; the output is deterministic.
func Mermaid(d *Definitions) []byte {
	m := &mermaid{d: d, ids: map[string]string{}, used: map[string]bool{}}
	return m.render()
}

type mermaid struct {
	d    *Definitions
	b    strings.Builder
	ids  map[string]string
	used map[string]bool
}

// id returns the Mermaid id of a BPMN element: letters, digits and "_",
// prefixed so that it never clashes with a keyword ("end", "graph" …).
func (m *mermaid) id(bpmnID string) string {
	if v, ok := m.ids[bpmnID]; ok {
		return v
	}
	var sb strings.Builder
	sb.WriteString("n_")
	for _, r := range bpmnID {
		if r < 128 && (r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			sb.WriteRune(r)
		} else {
			sb.WriteByte('_')
		}
	}
	v := sb.String()
	for i := 2; m.used[v]; i++ {
		v = fmt.Sprintf("%s_%d", sb.String(), i)
	}
	m.used[v] = true
	m.ids[bpmnID] = v
	return v
}

// quote makes a Mermaid string: quotes and line breaks replaced.
func quote(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	r := strings.NewReplacer("#", "#35;", `"`, "#34;", "\\", "#92;", "`", "#96;", "<", "#60;", ">", "#62;", "|", "#124;")
	return `"` + r.Replace(s) + `"`
}

func (m *mermaid) p(indent int, format string, args ...any) {
	m.b.WriteString(strings.Repeat("  ", indent))
	fmt.Fprintf(&m.b, format, args...)
	m.b.WriteByte('\n')
}

var gatewaySymbol = lazy.Value[map[string]string]{F: func() map[string]string {
	return map[string]string{
		"exclusiveGateway": "X", "parallelGateway": "+", "inclusiveGateway": "O", "complexGateway": "*", "eventBasedGateway": "◇",
	}
}}

func (m *mermaid) node(indent int, n *Node) {
	label := n.Name
	id := m.id(n.ID)
	switch n.Category {
	case Event:
		if label == "" {
			label = " "
		}
		if len(n.EventDefinitions) > 0 {
			label = strings.TrimSpace(label + " (" + strings.Join(n.EventDefinitions, ", ") + ")")
		}
		switch n.Kind {
		case "endEvent":
			m.p(indent, "%s(((%s)))", id, quote(label))
		default:
			m.p(indent, "%s((%s))", id, quote(label))
		}
	case Gateway:
		l := gatewaySymbol.Get()[n.Kind]
		if n.Name != "" {
			l += " " + n.Name
		}
		m.p(indent, "%s{%s}", id, quote(l))
	default:
		if label == "" {
			label = n.Kind
		}
		if n.Children != nil || n.Kind == "callActivity" {
			m.p(indent, "%s[[%s]]", id, quote(label))
		} else {
			m.p(indent, "%s[%s]", id, quote(label))
		}
	}
}

func (m *mermaid) scope(indent int, nodes []*Node) {
	for _, n := range nodes {
		m.node(indent, n)
	}
	for _, n := range nodes {
		if n.Children == nil || len(n.Children.Nodes) == 0 {
			continue
		}
		m.p(indent, "subgraph %s[%s]", m.id("sub:"+n.ID), quote(orID(n.Name, n.ID)))
		m.scope(indent+1, n.Children.Nodes)
		m.p(indent, "end")
	}
}

func orID(name, id string) string {
	if strings.TrimSpace(name) != "" {
		return name
	}
	return id
}

func (m *mermaid) lanes(indent int, ls []*Lane, byLane map[string][]*Node) {
	for _, l := range ls {
		m.p(indent, "subgraph %s[%s]", m.id(l.ID), quote(orID(l.Name, l.ID)))
		m.lanes(indent+1, l.Children, byLane)
		m.scope(indent+1, byLane[l.ID])
		m.p(indent, "end")
	}
}

func (m *mermaid) process(indent int, p *Process) {
	byLane := map[string][]*Node{}
	var free []*Node
	for _, n := range p.Nodes {
		if n.Lane != "" {
			byLane[n.Lane] = append(byLane[n.Lane], n)
		} else {
			free = append(free, n)
		}
	}
	m.lanes(indent, p.Lanes, byLane)
	m.scope(indent, free)
}

func (m *mermaid) render() []byte {
	m.p(0, "flowchart LR")
	d := m.d
	done := map[string]bool{}
	for _, part := range d.Participants() {
		if p := d.Process(part.ProcessRef); p != nil && !done[p.ID] {
			done[p.ID] = true
			m.p(1, "subgraph %s[%s]", m.id(part.ID), quote(orID(part.Name, part.ID)))
			m.p(2, "direction LR")
			m.process(2, p)
			m.p(1, "end")
		} else if part.ProcessRef == "" || p == nil {
			m.p(1, "%s[/%s/]", m.id(part.ID), quote(orID(part.Name, part.ID)))
		}
	}
	for _, p := range d.Processes {
		if done[p.ID] {
			continue
		}
		if len(d.Processes) > 1 {
			m.p(1, "subgraph %s[%s]", m.id(p.ID), quote(orID(p.Name, p.ID)))
			m.process(2, p)
			m.p(1, "end")
		} else {
			m.process(1, p)
		}
	}
	d.walkScopes(func(owner string, s *Scope) {
		for _, f := range s.Flows {
			if d.Node(f.Source) == nil || d.Node(f.Target) == nil {
				continue
			}
			label := f.Name
			if label == "" {
				label = f.Condition
			}
			if label != "" {
				m.p(1, "%s -->|%s| %s", m.id(f.Source), quote(label), m.id(f.Target))
			} else {
				m.p(1, "%s --> %s", m.id(f.Source), m.id(f.Target))
			}
		}
		for _, n := range s.Nodes {
			if n.Kind == "boundaryEvent" && d.Node(n.AttachedTo) != nil {
				m.p(1, "%s -.- %s", m.id(n.AttachedTo), m.id(n.ID))
			}
		}
	})
	for _, f := range d.MessageFlows() {
		src, dst := d.Lookup(f.Source), d.Lookup(f.Target)
		if !mermaidEnd(src) || !mermaidEnd(dst) {
			continue
		}
		if f.Name != "" {
			m.p(1, "%s -.->|%s| %s", m.id(f.Source), quote(f.Name), m.id(f.Target))
		} else {
			m.p(1, "%s -.-> %s", m.id(f.Source), m.id(f.Target))
		}
	}
	return []byte(m.b.String())
}

func mermaidEnd(v any) bool {
	switch v.(type) {
	case *Node, *Participant:
		return true
	}
	return false
}
