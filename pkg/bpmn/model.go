package bpmn

import "github.com/ozgctl/ozgctl/internal/lazy"

// Namespaces of BPMN 2.0 and its diagram interchange.
const (
	NSModel  = "http://www.omg.org/spec/BPMN/20100524/MODEL"
	nsBPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI"
	nsDC     = "http://www.omg.org/spec/DD/20100524/DC"
	nsDI     = "http://www.omg.org/spec/DD/20100524/DI"
)

// Pos is the place of an element in its file (1-based; 0 if unknown).
type Pos struct {
	Line   int `json:"line"`
	Column int `json:"column"`
}

// Category is the broad class of a flow node.
type Category string

// The categories.
const (
	Activity Category = "activity"
	Event    Category = "event"
	Gateway  Category = "gateway"
)

// Kinds of flow nodes are the BPMN element names: "task", "userTask",
// "subProcess", "startEvent", "exclusiveGateway" …; see nodeKinds.
var nodeKinds = lazy.Value[map[string]Category]{F: func() map[string]Category {
	return map[string]Category{
		"task": Activity, "userTask": Activity, "serviceTask": Activity, "sendTask": Activity,
		"receiveTask": Activity, "manualTask": Activity, "businessRuleTask": Activity, "scriptTask": Activity,
		"subProcess": Activity, "adHocSubProcess": Activity, "transaction": Activity, "callActivity": Activity,
		"startEvent": Event, "endEvent": Event, "intermediateCatchEvent": Event, "intermediateThrowEvent": Event,
		"boundaryEvent": Event, "implicitThrowEvent": Event,
		"exclusiveGateway": Gateway, "inclusiveGateway": Gateway, "parallelGateway": Gateway,
		"eventBasedGateway": Gateway, "complexGateway": Gateway,
	}
}}

// eventDefinitionKinds maps the BPMN event definition elements to short names.
var eventDefinitionKinds = lazy.Value[map[string]string]{F: func() map[string]string {
	return map[string]string{
		"messageEventDefinition": "message", "timerEventDefinition": "timer", "signalEventDefinition": "signal",
		"errorEventDefinition": "error", "escalationEventDefinition": "escalation",
		"conditionalEventDefinition": "conditional", "linkEventDefinition": "link",
		"compensateEventDefinition": "compensate", "cancelEventDefinition": "cancel",
		"terminateEventDefinition": "terminate",
	}
}}

// Definitions is a BPMN 2.0 document: the root "definitions" element.
type Definitions struct {
	// File is the name the document was read under.
	File            string `json:"file"`
	ID              string `json:"id,omitempty"`
	Name            string `json:"name,omitempty"`
	TargetNamespace string `json:"targetNamespace,omitempty"`
	Exporter        string `json:"exporter,omitempty"`
	ExporterVersion string `json:"exporterVersion,omitempty"`

	Processes      []*Process       `json:"processes"`
	Collaborations []*Collaboration `json:"collaborations,omitempty"`
	Messages       []*Message       `json:"messages,omitempty"`
	Diagrams       []*Diagram       `json:"diagrams,omitempty"`
	// Extensions counts the vendor extension elements kept opaque
	// (extensionElements and elements of foreign namespaces).
	Extensions int `json:"extensions,omitempty"`

	// IDs lists every id attribute of the document in document order,
	// duplicates included, with its place.
	IDs []IDUse `json:"-"`

	byID map[string]any
}

// IDUse is one id attribute.
type IDUse struct {
	ID      string
	Element string
	Pos     Pos
}

// Message is a message definition.
type Message struct {
	ID   string `json:"id"`
	Name string `json:"name,omitempty"`
	Pos  Pos    `json:"pos"`
}

// Collaboration holds the pools (participants) and the message flows between them.
type Collaboration struct {
	ID           string         `json:"id"`
	Name         string         `json:"name,omitempty"`
	Participants []*Participant `json:"participants"`
	MessageFlows []*MessageFlow `json:"messageFlows,omitempty"`
	Artifacts    Artifacts      `json:"artifacts"`
	Pos          Pos            `json:"pos"`
}

// Participant is a pool; ProcessRef names the process it contains (empty
// for a black-box pool).
type Participant struct {
	ID         string `json:"id"`
	Name       string `json:"name,omitempty"`
	ProcessRef string `json:"processRef,omitempty"`
	Pos        Pos    `json:"pos"`
}

// MessageFlow connects two pools or nodes in different pools.
type MessageFlow struct {
	ID         string `json:"id"`
	Name       string `json:"name,omitempty"`
	Source     string `json:"sourceRef"`
	Target     string `json:"targetRef"`
	MessageRef string `json:"messageRef,omitempty"`
	Pos        Pos    `json:"pos"`
}

// Artifacts are the text annotations, associations and groups of a scope.
type Artifacts struct {
	Annotations  []*Annotation  `json:"annotations,omitempty"`
	Associations []*Association `json:"associations,omitempty"`
	Groups       []*Group       `json:"groups,omitempty"`
}

// Annotation is a text annotation.
type Annotation struct {
	ID   string `json:"id"`
	Text string `json:"text"`
	Pos  Pos    `json:"pos"`
}

// Association links an artifact to a flow element.
type Association struct {
	ID        string `json:"id"`
	Source    string `json:"sourceRef"`
	Target    string `json:"targetRef"`
	Direction string `json:"direction,omitempty"`
	Pos       Pos    `json:"pos"`
}

// Group is a visual grouping artifact.
type Group struct {
	ID          string `json:"id"`
	CategoryRef string `json:"categoryValueRef,omitempty"`
	Pos         Pos    `json:"pos"`
}

// Scope is what a process and a sub-process contain.
type Scope struct {
	Nodes []*Node         `json:"nodes"`
	Flows []*SequenceFlow `json:"sequenceFlows"`
	Data  []*DataNode     `json:"data,omitempty"`
	// DataAssociations are the data input and output associations of
	// the scope's activities and events.
	DataAssociations []*DataAssociation `json:"dataAssociations,omitempty"`
	Artifacts        Artifacts          `json:"artifacts"`
}

// Process is an executable or descriptive process.
type Process struct {
	ID           string  `json:"id"`
	Name         string  `json:"name,omitempty"`
	IsExecutable bool    `json:"isExecutable,omitempty"`
	ProcessType  string  `json:"processType,omitempty"`
	Lanes        []*Lane `json:"lanes,omitempty"`
	Scope
	Pos Pos `json:"pos"`
}

// Lane partitions the nodes of a process; lanes nest.
type Lane struct {
	ID       string   `json:"id"`
	Name     string   `json:"name,omitempty"`
	NodeRefs []string `json:"flowNodeRefs,omitempty"`
	Children []*Lane  `json:"lanes,omitempty"`
	Pos      Pos      `json:"pos"`
}

// Node is a flow node: an activity, an event or a gateway.
type Node struct {
	ID       string   `json:"id"`
	Name     string   `json:"name,omitempty"`
	Kind     string   `json:"kind"`
	Category Category `json:"category"`
	// EventDefinitions are the short names of the event's definitions
	// ("message", "timer" …), in document order; empty for a none event.
	EventDefinitions []string `json:"eventDefinitions,omitempty"`
	// AttachedTo is the activity a boundary event sits on.
	AttachedTo string `json:"attachedToRef,omitempty"`
	// CancelActivity is false for a non-interrupting boundary event.
	CancelActivity bool `json:"cancelActivity,omitempty"`
	// Interrupting is false for a non-interrupting event sub-process start.
	Interrupting bool `json:"isInterrupting,omitempty"`
	// Default names the default outgoing flow of a gateway or activity.
	Default string `json:"default,omitempty"`
	// Loop is "standard", "parallel" or "sequential" (multi-instance), or "".
	Loop string `json:"loop,omitempty"`
	// ForCompensation marks a compensation activity.
	ForCompensation bool `json:"isForCompensation,omitempty"`
	// CalledElement is the process a call activity calls.
	CalledElement string `json:"calledElement,omitempty"`
	// TriggeredByEvent marks an event sub-process.
	TriggeredByEvent bool `json:"triggeredByEvent,omitempty"`
	// EventGatewayType is "Exclusive" or "Parallel" for an event-based gateway.
	EventGatewayType string `json:"eventGatewayType,omitempty"`
	// Instantiate marks an instantiating event-based gateway or receive task.
	Instantiate bool `json:"instantiate,omitempty"`
	// Script is the script of a script task, as written (opaque).
	ScriptFormat string `json:"scriptFormat,omitempty"`
	// Children is the content of a sub-process, nil for other nodes.
	Children *Scope `json:"children,omitempty"`
	// Incoming and Outgoing are the sequence flows, filled from the
	// flows' source and target (the incoming/outgoing elements are
	// redundant and not trusted).
	Incoming []string `json:"-"`
	Outgoing []string `json:"-"`
	// Parent is the id of the process or sub-process holding the node.
	Parent string `json:"-"`
	// Process is the id of the top-level process holding the node.
	Process string `json:"-"`
	// Lane is the id of the innermost lane listing the node, if any.
	Lane string `json:"lane,omitempty"`
	Pos  Pos    `json:"pos"`
}

// SequenceFlow connects two flow nodes of the same scope.
type SequenceFlow struct {
	ID        string `json:"id"`
	Name      string `json:"name,omitempty"`
	Source    string `json:"sourceRef"`
	Target    string `json:"targetRef"`
	Condition string `json:"condition,omitempty"`
	// HasCondition is true when a conditionExpression element is present
	// (it may be empty).
	HasCondition bool   `json:"-"`
	Parent       string `json:"-"`
	Pos          Pos    `json:"pos"`
}

// DataNode is a data object, data object reference, data store (reference),
// data input or output.
type DataNode struct {
	ID   string `json:"id"`
	Name string `json:"name,omitempty"`
	Kind string `json:"kind"`
	// Ref is the referenced data object or store.
	Ref        string `json:"ref,omitempty"`
	Collection bool   `json:"isCollection,omitempty"`
	Pos        Pos    `json:"pos"`
}

// DataAssociation moves data between a data node and an activity or event.
type DataAssociation struct {
	ID string `json:"id"`
	// Kind is "dataInputAssociation" or "dataOutputAssociation".
	Kind   string   `json:"kind"`
	Owner  string   `json:"owner"`
	Source []string `json:"sourceRef,omitempty"`
	Target string   `json:"targetRef,omitempty"`
	Pos    Pos      `json:"pos"`
}

// Diagram is a BPMNDiagram with its plane.
type Diagram struct {
	ID    string `json:"id,omitempty"`
	Name  string `json:"name,omitempty"`
	Plane *Plane `json:"plane"`
	Pos   Pos    `json:"pos"`
}

// Plane holds the shapes and edges of one diagram; Element is the process,
// collaboration or sub-process it draws.
type Plane struct {
	ID      string   `json:"id,omitempty"`
	Element string   `json:"bpmnElement,omitempty"`
	Shapes  []*Shape `json:"shapes"`
	Edges   []*Edge  `json:"edges"`
}

// Bounds is a rectangle.
type Bounds struct {
	X      float64 `json:"x"`
	Y      float64 `json:"y"`
	Width  float64 `json:"width"`
	Height float64 `json:"height"`
}

// Point is a waypoint.
type Point struct {
	X float64 `json:"x"`
	Y float64 `json:"y"`
}

// Shape is a BPMNShape.
type Shape struct {
	ID      string `json:"id,omitempty"`
	Element string `json:"bpmnElement"`
	Bounds  Bounds `json:"bounds"`
	// Expanded is the isExpanded attribute, nil when absent.
	Expanded *bool `json:"isExpanded,omitempty"`
	// Horizontal is the isHorizontal attribute of pools and lanes, nil when absent.
	Horizontal *bool `json:"isHorizontal,omitempty"`
	// MarkerVisible is the isMarkerVisible attribute of exclusive gateways.
	MarkerVisible *bool   `json:"isMarkerVisible,omitempty"`
	Label         *Bounds `json:"label,omitempty"`
	Pos           Pos     `json:"pos"`
}

// Edge is a BPMNEdge.
type Edge struct {
	ID        string  `json:"id,omitempty"`
	Element   string  `json:"bpmnElement"`
	Waypoints []Point `json:"waypoints"`
	Label     *Bounds `json:"label,omitempty"`
	Pos       Pos     `json:"pos"`
}

// Lookup returns the element with the id: *Process, *Node, *SequenceFlow,
// *MessageFlow, *Participant, *Lane, *DataNode, *Annotation, *Association,
// *Collaboration, *Message, *Group or *DataAssociation; nil if none.
func (d *Definitions) Lookup(id string) any {
	if d.byID == nil {
		d.index()
	}
	return d.byID[id]
}

// Node returns the flow node with the id, or nil.
func (d *Definitions) Node(id string) *Node {
	n, _ := d.Lookup(id).(*Node)
	return n
}

// index fills byID; the first element with an id wins.
func (d *Definitions) index() {
	d.byID = map[string]any{}
	put := func(id string, v any) {
		if id == "" {
			return
		}
		if _, dup := d.byID[id]; !dup {
			d.byID[id] = v
		}
	}
	var arts func(a *Artifacts)
	arts = func(a *Artifacts) {
		for _, x := range a.Annotations {
			put(x.ID, x)
		}
		for _, x := range a.Associations {
			put(x.ID, x)
		}
		for _, x := range a.Groups {
			put(x.ID, x)
		}
	}
	var scope func(s *Scope)
	scope = func(s *Scope) {
		for _, n := range s.Nodes {
			put(n.ID, n)
			if n.Children != nil {
				scope(n.Children)
			}
		}
		for _, f := range s.Flows {
			put(f.ID, f)
		}
		for _, x := range s.Data {
			put(x.ID, x)
		}
		for _, x := range s.DataAssociations {
			put(x.ID, x)
		}
		arts(&s.Artifacts)
	}
	var lanes func(ls []*Lane)
	lanes = func(ls []*Lane) {
		for _, l := range ls {
			put(l.ID, l)
			lanes(l.Children)
		}
	}
	for _, p := range d.Processes {
		put(p.ID, p)
		lanes(p.Lanes)
		scope(&p.Scope)
	}
	for _, c := range d.Collaborations {
		put(c.ID, c)
		for _, p := range c.Participants {
			put(p.ID, p)
		}
		for _, m := range c.MessageFlows {
			put(m.ID, m)
		}
		arts(&c.Artifacts)
	}
	for _, m := range d.Messages {
		put(m.ID, m)
	}
}

// Process returns the process with the id, or nil.
func (d *Definitions) Process(id string) *Process {
	p, _ := d.Lookup(id).(*Process)
	return p
}

// Participants returns every participant of every collaboration.
func (d *Definitions) Participants() []*Participant {
	var out []*Participant
	for _, c := range d.Collaborations {
		out = append(out, c.Participants...)
	}
	return out
}

// MessageFlows returns every message flow of every collaboration.
func (d *Definitions) MessageFlows() []*MessageFlow {
	var out []*MessageFlow
	for _, c := range d.Collaborations {
		out = append(out, c.MessageFlows...)
	}
	return out
}

// WalkNodes calls fn for every flow node, sub-process content included,
// in document order.
func (d *Definitions) WalkNodes(fn func(n *Node)) {
	var walk func(s *Scope)
	walk = func(s *Scope) {
		for _, n := range s.Nodes {
			fn(n)
			if n.Children != nil {
				walk(n.Children)
			}
		}
	}
	for _, p := range d.Processes {
		walk(&p.Scope)
	}
}

// walkScopes calls fn for every scope (processes and sub-processes) with
// the id of its owner.
func (d *Definitions) walkScopes(fn func(owner string, s *Scope)) {
	var walk func(owner string, s *Scope)
	walk = func(owner string, s *Scope) {
		fn(owner, s)
		for _, n := range s.Nodes {
			if n.Children != nil {
				walk(n.ID, n.Children)
			}
		}
	}
	for _, p := range d.Processes {
		walk(p.ID, &p.Scope)
	}
}

// hasDI reports whether the document has a diagram with at least one shape.
func (d *Definitions) hasDI() bool {
	for _, dg := range d.Diagrams {
		if dg.Plane != nil && len(dg.Plane.Shapes) > 0 {
			return true
		}
	}
	return false
}
