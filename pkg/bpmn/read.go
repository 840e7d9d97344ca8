package bpmn

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/ozgctl/ozgctl/internal/lazy"
	"github.com/ozgctl/ozgctl/internal/xmltree"
	"github.com/ozgctl/ozgctl/pkg/finding"
)

// findingSource is the Source of the reader's and the linter's findings.
const findingSource = "bpmn"

// ReadOptions tune [Read].
type ReadOptions struct {
	// Lang selects the language of finding messages: "de" (default) or "en".
	Lang string
	// MaxBytes bounds the input (default 256 MiB).
	MaxBytes int64
	// MaxDepth bounds the XML nesting, and so the nesting of
	// sub-processes (default 512).
	MaxDepth int
}

// ReadError says why a file could not be read as BPMN at all.
type ReadError struct {
	File         string
	Line, Column int
	Msg          string
	// NotWellFormed is true for a syntax error (or a broken limit) in
	// the XML; NotBPMN for well-formed XML that is no BPMN document.
	NotWellFormed bool
	NotBPMN       bool
	Err           error
}

// Error implements error: "file:line:col: msg".
func (e *ReadError) Error() string {
	return finding.ErrorText(finding.Position{File: e.File, Line: e.Line, Column: e.Column}, e.Msg, nil)
}

// Unwrap returns the underlying error.
func (e *ReadError) Unwrap() error { return e.Err }

// modelNS are the namespaces accepted for the BPMN model.
var modelNS = lazy.Value[map[string]bool]{F: func() map[string]bool { return map[string]bool{NSModel: true} }}

// ReadFile reads the BPMN document in the named file.
func ReadFile(name string, opts ReadOptions) (*Definitions, []finding.Finding, error) {
	f, err := os.Open(name)
	if err != nil {
		var pe *os.PathError
		msg := err.Error()
		if errors.As(err, &pe) {
			msg = pe.Err.Error()
		}
		return nil, nil, &ReadError{File: name, Msg: "cannot open file: " + msg, Err: err}
	}
	defer f.Close()
	return Read(f, name, opts)
}

// Read reads a BPMN 2.0 document. It returns an error (a *ReadError) only
// when the input is not well-formed XML or not a BPMN document; what is
// wrong inside a BPMN document is reported as findings. It never panics.
func Read(r io.Reader, name string, opts ReadOptions) (*Definitions, []finding.Finding, error) {
	root, err := xmltree.Parse(r, xmltree.Limits{MaxBytes: opts.MaxBytes, MaxDepth: opts.MaxDepth})
	if err != nil {
		return nil, nil, treeError(name, err)
	}
	return fromTree(root, name, opts)
}

// ReadBytes is [Read] on a byte slice.
func ReadBytes(data []byte, name string, opts ReadOptions) (*Definitions, []finding.Finding, error) {
	root, err := xmltree.ParseBytes(data, xmltree.Limits{MaxBytes: opts.MaxBytes, MaxDepth: opts.MaxDepth})
	if err != nil {
		return nil, nil, treeError(name, err)
	}
	return fromTree(root, name, opts)
}

func treeError(name string, err error) error {
	var xe *xmltree.Error
	if errors.As(err, &xe) {
		return &ReadError{File: name, Line: xe.Line, Column: xe.Column, Msg: xe.Msg, NotWellFormed: true, Err: err}
	}
	if errors.Is(err, xmltree.ErrEmpty) {
		return &ReadError{File: name, Msg: err.Error(), NotWellFormed: true, Err: err}
	}
	return &ReadError{File: name, Msg: err.Error(), Err: err}
}

// fromTree builds the model from a parsed document.
func fromTree(root *xmltree.Node, name string, opts ReadOptions) (*Definitions, []finding.Finding, error) {
	if root.Local != "definitions" || !modelNS.Get()[root.Space] {
		ns := root.Space
		if ns == "" {
			ns = "no namespace"
		}
		return nil, nil, &ReadError{File: name, Line: root.Line, Column: root.Column, NotBPMN: true,
			Msg: fmt.Sprintf("not a BPMN 2.0 document: root element %s (%s), want definitions in %s", root.Local, ns, NSModel)}
	}
	rd := &reader{lang: opts.Lang, d: &Definitions{File: name}}
	rd.definitions(root)
	rd.link()
	return rd.d, rd.findings, nil
}

type reader struct {
	lang     string
	d        *Definitions
	findings []finding.Finding
}

func pos(n *xmltree.Node) Pos { return Pos{Line: n.Line, Column: n.Column} }

func (r *reader) add(rule string, sev finding.Severity, n *xmltree.Node, de, en string) {
	msg := de
	if r.lang == "en" {
		msg = en
	}
	f := finding.Finding{Rule: rule, Severity: sev, Message: msg, Source: findingSource}
	if n != nil {
		f.Line, f.Column = n.Line, n.Column
		if id := n.A("id"); id != "" {
			f.Path = id
		}
	}
	r.findings = append(r.findings, f)
}

func (r *reader) id(n *xmltree.Node) string {
	id := strings.TrimSpace(n.A("id"))
	if id != "" {
		r.d.IDs = append(r.d.IDs, IDUse{ID: id, Element: n.Local, Pos: pos(n)})
	}
	return id
}

func isModel(n *xmltree.Node) bool { return modelNS.Get()[n.Space] }

func boolAttr(n *xmltree.Node, name string, def bool) bool {
	v, ok := n.Attr(name)
	if !ok {
		return def
	}
	b, err := strconv.ParseBool(strings.TrimSpace(v))
	if err != nil {
		return def
	}
	return b
}

func (r *reader) definitions(root *xmltree.Node) {
	d := r.d
	d.ID = r.id(root)
	d.Name = root.A("name")
	d.TargetNamespace = root.A("targetNamespace")
	d.Exporter = root.A("exporter")
	d.ExporterVersion = root.A("exporterVersion")
	for _, c := range root.Children {
		if !isModel(c) {
			if c.Space == nsBPMNDI && c.Local == "BPMNDiagram" {
				d.Diagrams = append(d.Diagrams, r.diagram(c))
				continue
			}
			d.Extensions++
			continue
		}
		switch c.Local {
		case "process":
			d.Processes = append(d.Processes, r.process(c))
		case "collaboration", "choreography":
			d.Collaborations = append(d.Collaborations, r.collaboration(c))
		case "message":
			d.Messages = append(d.Messages, &Message{ID: r.id(c), Name: c.A("name"), Pos: pos(c)})
		case "extensionElements":
			d.Extensions++
		case "documentation", "import", "itemDefinition", "error", "escalation", "signal", "dataStore",
			"resource", "interface", "category", "correlationProperty", "eventDefinition", "partnerRole",
			"partnerEntity", "globalTask", "globalUserTask", "globalScriptTask", "globalManualTask",
			"globalBusinessRuleTask", "endPoint", "relationship", "extension":
			// root elements the model does not represent
			r.collectIDs(c)
		default:
			r.collectIDs(c)
			if strings.HasSuffix(c.Local, "EventDefinition") {
				continue
			}
			r.add("bpmn:unknown-element", finding.Info, c,
				fmt.Sprintf("unbekanntes BPMN-Element %s wird übergangen", c.Local),
				fmt.Sprintf("unknown BPMN element %s is skipped", c.Local))
		}
	}
}

// collectIDs records the ids of an element kept opaque and its descendants.
func (r *reader) collectIDs(n *xmltree.Node) {
	r.id(n)
	for _, c := range n.Children {
		if isModel(c) {
			r.collectIDs(c)
		}
	}
}

func (r *reader) collaboration(n *xmltree.Node) *Collaboration {
	c := &Collaboration{ID: r.id(n), Name: n.A("name"), Pos: pos(n)}
	for _, ch := range n.Children {
		if !isModel(ch) {
			r.d.Extensions++
			continue
		}
		switch ch.Local {
		case "participant":
			c.Participants = append(c.Participants, &Participant{ID: r.id(ch), Name: ch.A("name"),
				ProcessRef: strings.TrimSpace(ch.A("processRef")), Pos: pos(ch)})
			r.idsBelow(ch)
		case "messageFlow":
			c.MessageFlows = append(c.MessageFlows, &MessageFlow{ID: r.id(ch), Name: ch.A("name"),
				Source: strings.TrimSpace(ch.A("sourceRef")), Target: strings.TrimSpace(ch.A("targetRef")),
				MessageRef: strings.TrimSpace(ch.A("messageRef")), Pos: pos(ch)})
			r.idsBelow(ch)
		case "textAnnotation", "association", "group":
			r.artifact(&c.Artifacts, ch)
		case "extensionElements":
			r.d.Extensions++
		default:
			r.collectIDs(ch)
		}
	}
	return c
}

// idsBelow records ids of the model children of n (not n itself).
func (r *reader) idsBelow(n *xmltree.Node) {
	for _, c := range n.Children {
		if isModel(c) {
			r.collectIDs(c)
		} else {
			r.d.Extensions++
		}
	}
}

func (r *reader) artifact(a *Artifacts, n *xmltree.Node) {
	switch n.Local {
	case "textAnnotation":
		a.Annotations = append(a.Annotations, &Annotation{ID: r.id(n), Text: strings.TrimSpace(n.ChildText("*", "text")), Pos: pos(n)})
	case "association":
		a.Associations = append(a.Associations, &Association{ID: r.id(n), Source: strings.TrimSpace(n.A("sourceRef")),
			Target: strings.TrimSpace(n.A("targetRef")), Direction: n.A("associationDirection"), Pos: pos(n)})
	case "group":
		a.Groups = append(a.Groups, &Group{ID: r.id(n), CategoryRef: n.A("categoryValueRef"), Pos: pos(n)})
	}
	r.idsBelow(n)
}

func (r *reader) process(n *xmltree.Node) *Process {
	p := &Process{ID: r.id(n), Name: n.A("name"), IsExecutable: boolAttr(n, "isExecutable", false),
		ProcessType: n.A("processType"), Pos: pos(n)}
	r.scope(&p.Scope, n, p, false)
	return p
}

func (r *reader) lanes(n *xmltree.Node) []*Lane {
	var out []*Lane
	for _, c := range n.Children {
		if !isModel(c) || c.Local != "lane" {
			if isModel(c) {
				r.collectIDs(c)
			}
			continue
		}
		l := &Lane{ID: r.id(c), Name: c.A("name"), Pos: pos(c)}
		for _, lc := range c.Children {
			if !isModel(lc) {
				continue
			}
			switch lc.Local {
			case "flowNodeRef":
				if s := strings.TrimSpace(lc.Text); s != "" {
					l.NodeRefs = append(l.NodeRefs, s)
				}
			case "childLaneSet":
				r.id(lc)
				l.Children = append(l.Children, r.lanes(lc)...)
			default:
				r.collectIDs(lc)
			}
		}
		out = append(out, l)
	}
	return out
}

// dataKinds are the data elements kept as DataNodes.
var dataKinds = lazy.Value[map[string]bool]{F: func() map[string]bool {
	return map[string]bool{
		"dataObject": true, "dataObjectReference": true, "dataStoreReference": true, "dataInput": true, "dataOutput": true,
	}
}}

// scope reads the content of a process or (sub is true) a sub-process.
func (r *reader) scope(s *Scope, n *xmltree.Node, p *Process, sub bool) {
	for _, c := range n.Children {
		if !isModel(c) {
			r.d.Extensions++
			continue
		}
		if cat, ok := nodeKinds.Get()[c.Local]; ok {
			s.Nodes = append(s.Nodes, r.node(c, cat, p, s))
			continue
		}
		if sub && activityOwn.Get()[c.Local] {
			// read by node() for the sub-process holding them
			continue
		}
		switch {
		case c.Local == "sequenceFlow":
			f := &SequenceFlow{ID: r.id(c), Name: c.A("name"), Source: strings.TrimSpace(c.A("sourceRef")),
				Target: strings.TrimSpace(c.A("targetRef")), Pos: pos(c)}
			for _, fc := range c.Children {
				if isModel(fc) && fc.Local == "conditionExpression" {
					f.HasCondition = true
					f.Condition = strings.TrimSpace(fc.Text)
					r.id(fc)
				} else if !isModel(fc) {
					r.d.Extensions++
				} else {
					r.collectIDs(fc)
				}
			}
			if f.ID == "" {
				r.add("bpmn:missing-id", finding.Error, c, "Sequenzfluss ohne id", "sequence flow without id")
			}
			s.Flows = append(s.Flows, f)
		case dataKinds.Get()[c.Local]:
			s.Data = append(s.Data, &DataNode{ID: r.id(c), Name: c.A("name"), Kind: c.Local,
				Ref:        strings.TrimSpace(c.A("dataObjectRef") + c.A("dataStoreRef")),
				Collection: boolAttr(c, "isCollection", false), Pos: pos(c)})
			r.idsBelow(c)
		case c.Local == "textAnnotation" || c.Local == "association" || c.Local == "group":
			r.artifact(&s.Artifacts, c)
		case c.Local == "laneSet":
			r.id(c)
			p.Lanes = append(p.Lanes, r.lanes(c)...)
		case c.Local == "ioSpecification":
			r.ioSpecification(s, c)
		case c.Local == "extensionElements":
			r.d.Extensions++
		case knownIgnored.Get()[c.Local]:
			r.collectIDs(c)
		default:
			r.collectIDs(c)
			r.add("bpmn:unknown-element", finding.Info, c,
				fmt.Sprintf("unbekanntes BPMN-Element %s wird übergangen", c.Local),
				fmt.Sprintf("unknown BPMN element %s is skipped", c.Local))
		}
	}
}

// knownIgnored are BPMN elements of a scope or activity that the model does
// not represent.
var knownIgnored = lazy.Value[map[string]bool]{F: func() map[string]bool {
	return map[string]bool{
		"documentation": true, "property": true, "auditing": true, "monitoring": true, "performer": true,
		"humanPerformer": true, "potentialOwner": true, "resourceRole": true, "correlationSubscription": true,
		"supports": true, "incoming": true, "outgoing": true, "ioBinding": true, "dataState": true,
		"categoryValueRef": true, "lanes": true, "callConversation": true, "conversation": true,
		"rendering": true, "resourceParameterBinding": true, "resourceAssignmentExpression": true,
		"completionCondition": true, "loopCardinality": true, "inputDataItem": true, "outputDataItem": true,
		"complexBehaviorDefinition": true, "loopCondition": true, "activationCondition": true,
		"script": true, "ioSpecification": true, "eventDefinitionRef": true, "dataInput": true, "dataOutput": true,
		"inputSet": true, "outputSet": true, "multiInstanceLoopCharacteristics": true,
		"standardLoopCharacteristics": true,
	}
}}

// activityOwn are children of an activity that belong to it, not to the
// scope of a sub-process.
var activityOwn = lazy.Value[map[string]bool]{F: func() map[string]bool {
	return map[string]bool{
		"standardLoopCharacteristics": true, "multiInstanceLoopCharacteristics": true,
		"dataInputAssociation": true, "dataOutputAssociation": true, "ioSpecification": true,
	}
}}

func (r *reader) node(c *xmltree.Node, cat Category, p *Process, s *Scope) *Node {
	nd := &Node{ID: r.id(c), Name: c.A("name"), Kind: c.Local, Category: cat, Pos: pos(c), Process: p.ID,
		AttachedTo: strings.TrimSpace(c.A("attachedToRef")), CancelActivity: boolAttr(c, "cancelActivity", true),
		Interrupting: boolAttr(c, "isInterrupting", true), Default: strings.TrimSpace(c.A("default")),
		ForCompensation: boolAttr(c, "isForCompensation", false), CalledElement: strings.TrimSpace(c.A("calledElement")),
		TriggeredByEvent: boolAttr(c, "triggeredByEvent", false), EventGatewayType: c.A("eventGatewayType"),
		Instantiate: boolAttr(c, "instantiate", false), ScriptFormat: c.A("scriptFormat")}
	if nd.ID == "" {
		r.add("bpmn:missing-id", finding.Error, c,
			fmt.Sprintf("%s ohne id", c.Local), fmt.Sprintf("%s without id", c.Local))
	}
	if cat != Event {
		nd.CancelActivity, nd.Interrupting = false, false
	} else if c.Local != "boundaryEvent" {
		nd.CancelActivity = false
		if c.Local != "startEvent" {
			nd.Interrupting = false
		}
	}
	switch c.Local {
	case "subProcess", "adHocSubProcess", "transaction":
		nd.Children = &Scope{}
		r.scope(nd.Children, c, p, true)
	}
	for _, ch := range c.Children {
		if !isModel(ch) {
			if nd.Children == nil {
				r.d.Extensions++
			}
			continue
		}
		if k, ok := eventDefinitionKinds.Get()[ch.Local]; ok {
			nd.EventDefinitions = append(nd.EventDefinitions, k)
			r.collectIDs(ch)
			continue
		}
		switch ch.Local {
		case "ioSpecification":
			r.ioSpecification(s, ch)
		case "eventDefinitionRef":
			nd.EventDefinitions = append(nd.EventDefinitions, "ref")
		case "standardLoopCharacteristics":
			nd.Loop = "standard"
			r.collectIDs(ch)
		case "multiInstanceLoopCharacteristics":
			nd.Loop = "parallel"
			if boolAttr(ch, "isSequential", false) {
				nd.Loop = "sequential"
			}
			r.collectIDs(ch)
		case "dataInputAssociation", "dataOutputAssociation":
			da := &DataAssociation{ID: r.id(ch), Kind: ch.Local, Owner: nd.ID, Pos: pos(ch)}
			for _, x := range ch.Children {
				if !isModel(x) {
					continue
				}
				switch x.Local {
				case "sourceRef":
					if v := strings.TrimSpace(x.Text); v != "" {
						da.Source = append(da.Source, v)
					}
				case "targetRef":
					da.Target = strings.TrimSpace(x.Text)
				default:
					r.collectIDs(x)
				}
			}
			s.DataAssociations = append(s.DataAssociations, da)
		default:
			if nd.Children == nil {
				if ch.Local == "extensionElements" {
					r.d.Extensions++
					continue
				}
				r.collectIDs(ch)
			}
		}
	}
	return nd
}

// ioSpecification adds the data inputs and outputs to the scope.
func (r *reader) ioSpecification(s *Scope, c *xmltree.Node) {
	r.id(c)
	for _, io := range c.Children {
		if isModel(io) && (io.Local == "dataInput" || io.Local == "dataOutput") {
			s.Data = append(s.Data, &DataNode{ID: r.id(io), Name: io.A("name"), Kind: io.Local,
				Collection: boolAttr(io, "isCollection", false), Pos: pos(io)})
			r.idsBelow(io)
		} else if isModel(io) {
			r.collectIDs(io)
		}
	}
}

func (r *reader) diagram(n *xmltree.Node) *Diagram {
	dg := &Diagram{ID: r.id(n), Name: n.A("name"), Pos: pos(n)}
	for _, c := range n.Children {
		if c.Space == nsBPMNDI && c.Local == "BPMNPlane" {
			if dg.Plane != nil {
				r.add("bpmn:di-invalid", finding.Warning, c, "BPMNDiagram mit mehr als einer Ebene; nur die erste wird gelesen",
					"BPMNDiagram with more than one plane; only the first is read")
				continue
			}
			dg.Plane = r.plane(c)
		}
	}
	if dg.Plane == nil {
		dg.Plane = &Plane{}
	}
	return dg
}

func (r *reader) plane(n *xmltree.Node) *Plane {
	pl := &Plane{ID: r.id(n), Element: strings.TrimSpace(n.A("bpmnElement"))}
	for _, c := range n.Children {
		if c.Space != nsBPMNDI {
			continue
		}
		switch c.Local {
		case "BPMNShape":
			sh := &Shape{ID: r.id(c), Element: strings.TrimSpace(c.A("bpmnElement")), Pos: pos(c)}
			sh.Expanded = optBool(c, "isExpanded")
			sh.Horizontal = optBool(c, "isHorizontal")
			sh.MarkerVisible = optBool(c, "isMarkerVisible")
			if b := c.Child(nsDC, "Bounds"); b != nil {
				sh.Bounds = r.bounds(b)
			} else {
				r.add("bpmn:di-invalid", finding.Warning, c, "BPMNShape ohne Bounds", "BPMNShape without Bounds")
			}
			sh.Label = r.label(c)
			pl.Shapes = append(pl.Shapes, sh)
		case "BPMNEdge":
			e := &Edge{ID: r.id(c), Element: strings.TrimSpace(c.A("bpmnElement")), Pos: pos(c)}
			for _, w := range c.Children {
				if w.Local == "waypoint" && (w.Space == nsDI || w.Space == nsDC) {
					x, okx := r.num(w, "x")
					y, oky := r.num(w, "y")
					if okx && oky {
						e.Waypoints = append(e.Waypoints, Point{X: x, Y: y})
					}
				}
			}
			if len(e.Waypoints) < 2 {
				r.add("bpmn:di-invalid", finding.Warning, c, "BPMNEdge mit weniger als zwei Wegpunkten", "BPMNEdge with fewer than two waypoints")
			}
			e.Label = r.label(c)
			pl.Edges = append(pl.Edges, e)
		}
	}
	return pl
}

func (r *reader) label(n *xmltree.Node) *Bounds {
	l := n.Child(nsBPMNDI, "BPMNLabel")
	if l == nil {
		return nil
	}
	r.id(l)
	b := l.Child(nsDC, "Bounds")
	if b == nil {
		return nil
	}
	bb := r.bounds(b)
	return &bb
}

func optBool(n *xmltree.Node, name string) *bool {
	v, ok := n.Attr(name)
	if !ok {
		return nil
	}
	b, err := strconv.ParseBool(strings.TrimSpace(v))
	if err != nil {
		return nil
	}
	return &b
}

// maxCoord bounds coordinates: beyond it a drawing is broken, not big.
const maxCoord = 1e7

func (r *reader) num(n *xmltree.Node, name string) (float64, bool) {
	v, ok := n.Attr(name)
	if !ok {
		r.add("bpmn:di-invalid", finding.Warning, n, fmt.Sprintf("%s ohne Attribut %s", n.Local, name),
			fmt.Sprintf("%s without attribute %s", n.Local, name))
		return 0, false
	}
	f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
	if err != nil || f != f || f > maxCoord || f < -maxCoord {
		r.add("bpmn:di-invalid", finding.Warning, n, fmt.Sprintf("%s: %s=%q ist keine gültige Koordinate", n.Local, name, v),
			fmt.Sprintf("%s: %s=%q is not a valid coordinate", n.Local, name, v))
		return 0, false
	}
	return f, true
}

func (r *reader) bounds(n *xmltree.Node) Bounds {
	var b Bounds
	b.X, _ = r.num(n, "x")
	b.Y, _ = r.num(n, "y")
	b.Width, _ = r.num(n, "width")
	b.Height, _ = r.num(n, "height")
	if b.Width < 0 || b.Height < 0 {
		r.add("bpmn:di-invalid", finding.Warning, n, "Bounds mit negativer Breite oder Höhe", "Bounds with negative width or height")
		b.Width, b.Height = max(b.Width, 0), max(b.Height, 0)
	}
	return b
}

// link fills the derived fields: incoming and outgoing flows, parents, lanes.
func (r *reader) link() {
	d := r.d
	d.index()
	d.walkScopes(func(owner string, s *Scope) {
		for _, n := range s.Nodes {
			n.Parent = owner
		}
		for _, f := range s.Flows {
			f.Parent = owner
			if n, ok := d.byID[f.Source].(*Node); ok {
				n.Outgoing = append(n.Outgoing, f.ID)
			}
			if n, ok := d.byID[f.Target].(*Node); ok {
				n.Incoming = append(n.Incoming, f.ID)
			}
		}
	})
	var lanes func(ls []*Lane)
	lanes = func(ls []*Lane) {
		for _, l := range ls {
			for _, ref := range l.NodeRefs {
				if n, ok := d.byID[ref].(*Node); ok {
					n.Lane = l.ID
				}
			}
			lanes(l.Children) // inner lanes overwrite
		}
	}
	for _, p := range d.Processes {
		lanes(p.Lanes)
	}
}
