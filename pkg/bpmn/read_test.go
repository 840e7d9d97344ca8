package bpmn

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/ozgctl/ozgctl/pkg/finding"
)

func readFixture(t testing.TB, name string) *Definitions {
	t.Helper()
	d, fs, err := ReadFile(filepath.Join("testdata", name), ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fs {
		if f.Severity >= finding.Warning {
			t.Errorf("%s: reader finding %s:%d %s %s", name, f.Path, f.Line, f.Rule, f.Message)
		}
	}
	return d
}

func TestReadAllElements(t *testing.T) {
	d := readFixture(t, "fixtures/all-elements.bpmn")
	kinds := map[string]int{}
	defs := map[string]bool{}
	d.WalkNodes(func(n *Node) {
		kinds[n.Kind]++
		for _, e := range n.EventDefinitions {
			defs[e] = true
		}
	})
	for k := range nodeKinds.Get() {
		if k == "implicitThrowEvent" {
			continue
		}
		if kinds[k] == 0 {
			t.Errorf("fixture has no %s", k)
		}
	}
	for _, k := range eventDefinitionKinds.Get() {
		if k != "cancel" && !defs[k] {
			t.Errorf("fixture has no %s event definition", k)
		}
	}
	if len(d.Processes) != 1 || len(d.Collaborations) != 1 {
		t.Fatalf("processes %d, collaborations %d", len(d.Processes), len(d.Collaborations))
	}
	p := d.Processes[0]
	if p.ID != "Process_Behoerde" || !p.IsExecutable {
		t.Errorf("process %+v", p)
	}
	if len(p.Lanes) != 2 || len(p.Lanes[1].Children) != 2 {
		t.Fatalf("lanes: %+v", p.Lanes)
	}
	if n := d.Node("T3"); n.Lane != "Lane_SB" || n.Parent != "Process_Behoerde" || n.Process != "Process_Behoerde" {
		t.Errorf("T3 lane %q parent %q", n.Lane, n.Parent)
	}
	if n := d.Node("SP1_T2"); n.Parent != "SP1" || n.Kind != "scriptTask" || n.ScriptFormat != "groovy" {
		t.Errorf("script task in sub-process: %+v", n)
	}
	if n := d.Node("SP1"); n.Loop != "sequential" || len(n.Children.Nodes) != 4 || len(n.Children.Flows) != 3 {
		t.Errorf("sub-process: loop %q, %d nodes", n.Loop, len(n.Children.Nodes))
	}
	if n := d.Node("B1"); n.AttachedTo != "SP1" || n.CancelActivity || !slices.Equal(n.EventDefinitions, []string{"timer"}) {
		t.Errorf("boundary: %+v", n)
	}
	if n := d.Node("B2"); !n.CancelActivity {
		t.Errorf("B2 should interrupt")
	}
	if n := d.Node("ESP1"); !n.TriggeredByEvent {
		t.Errorf("event sub-process not recognised")
	}
	if n := d.Node("G1"); n.Default != "F_G1_nein" || len(n.Outgoing) != 2 || len(n.Incoming) != 1 {
		t.Errorf("gateway: %+v", n)
	}
	f, _ := d.Lookup("F_G1_ja").(*SequenceFlow)
	if f == nil || f.Condition != "${vollstaendig}" || f.Name != "ja" {
		t.Errorf("flow: %+v", f)
	}
	if n := d.Node("CA1"); n.CalledElement != "Gutachten" || n.Loop != "standard" {
		t.Errorf("call activity: %+v", n)
	}
	if len(d.MessageFlows()) != 4 || len(d.Participants()) != 2 {
		t.Errorf("message flows %d, participants %d", len(d.MessageFlows()), len(d.Participants()))
	}
	var dataKinds []string
	for _, x := range p.Data {
		dataKinds = append(dataKinds, x.Kind)
	}
	slices.Sort(dataKinds)
	if want := []string{"dataInput", "dataObject", "dataObjectReference", "dataStoreReference"}; !slices.Equal(dataKinds, want) {
		t.Errorf("data %v, want %v", dataKinds, want)
	}
	if len(p.DataAssociations) != 2 || len(p.Artifacts.Annotations) != 1 || len(p.Artifacts.Groups) != 1 {
		t.Errorf("data associations %d, artifacts %+v", len(p.DataAssociations), p.Artifacts)
	}
	if d.Extensions == 0 {
		t.Error("vendor extensions not counted")
	}
	if len(d.Diagrams) != 1 {
		t.Fatal("no diagram")
	}
	pl := d.Diagrams[0].Plane
	if pl.Element != "Collab_1" || len(pl.Shapes) < 40 || len(pl.Edges) < 30 {
		t.Errorf("plane %s: %d shapes, %d edges", pl.Element, len(pl.Shapes), len(pl.Edges))
	}
	if s := d.shapeOf("SP1"); s == nil || s.Expanded == nil || !*s.Expanded || s.Bounds.Width != 400 {
		t.Errorf("SP1 shape: %+v", s)
	}
	if n := d.Node("T1"); n.Pos.Line == 0 {
		t.Error("no line")
	}
}

func TestLintClean(t *testing.T) {
	files, _ := filepath.Glob("testdata/camunda/*.bpmn")
	files = append(files, "testdata/fixtures/all-elements.bpmn")
	for _, f := range files {
		d := readFixture(t, strings.TrimPrefix(f, "testdata/"))
		for _, fd := range Lint(d, LintOptions{}) {
			t.Errorf("%s:%d: %s %s", f, fd.Line, fd.Rule, fd.Message)
		}
	}
}

// TestLintRealADONIS pins the findings on the BPMN of the real XProzess
// export: FIM models label gateway exits instead of giving conditions, and
// ADONIS draws shapes for objects it does not export.
func TestLintRealADONIS(t *testing.T) {
	d := readFixture(t, "adonis/mutterschutz-anzeige.bpmn")
	got := map[string]int{}
	for _, f := range Lint(d, LintOptions{Lang: "en"}) {
		got[f.Rule]++
	}
	want := map[string]int{ruleGatewayCond: 5, ruleDanglingRef: 4, ruleEmptyProcess: 1}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("findings %v, want %v", got, want)
	}
	if len(d.Processes) != 3 || len(d.MessageFlows()) != 9 {
		t.Errorf("processes %d, message flows %d", len(d.Processes), len(d.MessageFlows()))
	}
}

func lintString(t *testing.T, doc string) []finding.Finding {
	t.Helper()
	d, fs, err := ReadBytes([]byte(doc), "t.bpmn", ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return append(fs, Lint(d, LintOptions{})...)
}

const head = `<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" id="D">`

func TestLintRules(t *testing.T) {
	tests := []struct {
		name, doc string
		want      []string // "rule@line"
	}{
		{"duplicate id", head + `
<process id="P"><task id="A"/>
<task id="A"/></process></definitions>`,
			[]string{"bpmn:duplicate-id@3", "bpmn:no-di@1"}},
		{"dangling refs", head + `
<process id="P"><startEvent id="S"/><sequenceFlow id="F" sourceRef="S" targetRef="X"/>
<boundaryEvent id="B" attachedToRef="nope"/></process>
<collaboration id="C"><participant id="PP" processRef="Q"/></collaboration></definitions>`,
			[]string{"bpmn:dangling-ref@2", "bpmn:dangling-ref@3", "bpmn:dangling-ref@4", "bpmn:no-di@1"}},
		{"unreachable and end-less", head + `
<process id="P"><startEvent id="S"/><task id="A"/><task id="B"/><endEvent id="E"/>
<sequenceFlow id="F1" sourceRef="S" targetRef="A"/><sequenceFlow id="F2" sourceRef="A" targetRef="B"/>
<sequenceFlow id="F3" sourceRef="B" targetRef="A"/>
</process></definitions>`,
			[]string{"bpmn:no-di@1", "bpmn:no-end@2", "bpmn:unreachable@2"}},
		{"gateway conditions", head + `
<process id="P"><startEvent id="S"/><exclusiveGateway id="G" default="F3"/><endEvent id="E1"/><endEvent id="E2"/><endEvent id="E3"/>
<sequenceFlow id="F0" sourceRef="S" targetRef="G"/>
<sequenceFlow id="F1" name="ja" sourceRef="G" targetRef="E1"/>
<sequenceFlow id="F2" sourceRef="G" targetRef="E2"><conditionExpression>${x}</conditionExpression></sequenceFlow>
<sequenceFlow id="F3" sourceRef="G" targetRef="E3"/>
</process></definitions>`,
			[]string{"bpmn:gateway-condition@2", "bpmn:no-di@1"}},
		{"start incoming, end outgoing", head + `
<process id="P"><startEvent id="S"/><endEvent id="E"/>
<sequenceFlow id="F1" sourceRef="S" targetRef="E"/><sequenceFlow id="F2" sourceRef="E" targetRef="S"/>
</process></definitions>`,
			[]string{"bpmn:end-outgoing@2", "bpmn:no-di@1", "bpmn:no-end@2", "bpmn:start-incoming@2"}},
		{"message flow in one pool, flow across scope", head + `
<collaboration id="C"><participant id="PP" processRef="P"/>
<messageFlow id="M" sourceRef="A" targetRef="B"/></collaboration>
<process id="P"><task id="A"/><task id="B"/><subProcess id="SP"><task id="I"/></subProcess>
<sequenceFlow id="F1" sourceRef="A" targetRef="I"/></process></definitions>`,
			[]string{"bpmn:flow-across-scope@5", "bpmn:message-flow-same-pool@3", "bpmn:no-di@1"}},
		{"missing DI", head + `
<process id="P"><task id="A"/><task id="B"/><subProcess id="SP"><task id="I"/></subProcess></process>
<bpmndi:BPMNDiagram id="DG"><bpmndi:BPMNPlane id="PL" bpmnElement="P">
<bpmndi:BPMNShape id="A_di" bpmnElement="A"><dc:Bounds x="0" y="0" width="100" height="80"/></bpmndi:BPMNShape>
<bpmndi:BPMNShape id="SP_di" bpmnElement="SP" isExpanded="false"><dc:Bounds x="200" y="0" width="100" height="80"/></bpmndi:BPMNShape>
<bpmndi:BPMNShape id="Z_di" bpmnElement="Z"><dc:Bounds x="0" y="0" width="bad" height="80"/></bpmndi:BPMNShape>
</bpmndi:BPMNPlane></bpmndi:BPMNDiagram></definitions>`,
			[]string{"bpmn:dangling-ref@6", "bpmn:di-invalid@6", "bpmn:missing-di@2"}},
		{"empty process, unknown element, missing id", head + `
<process id="P"/><fancyThing id="X"/><process id="Q"><task/></process></definitions>`,
			[]string{"bpmn:empty-process@2", "bpmn:missing-id@2", "bpmn:no-di@1", "bpmn:unknown-element@2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, f := range lintString(t, tt.doc) {
				if LookupRule(f.Rule) == nil {
					t.Errorf("rule %s not in the registry", f.Rule)
				}
				got = append(got, fmt.Sprintf("%s@%d", f.Rule, f.Line))
			}
			slices.Sort(got)
			got = slices.Compact(got)
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %v\nwant %v", got, tt.want)
			}
		})
	}
}

func TestLintMessagesInBothLanguages(t *testing.T) {
	for _, r := range Rules() {
		if r.Title.DE == "" || r.Title.EN == "" || r.Help.DE == "" || r.Help.EN == "" {
			t.Errorf("%s: texts missing", r.ID)
		}
		if (r.Detail.DE == "") != (r.Detail.EN == "") || strings.Count(r.Detail.DE, "%") != strings.Count(r.Detail.EN, "%") {
			t.Errorf("%s: details disagree", r.ID)
		}
	}
	d, _, err := ReadBytes([]byte(head+`<process id="P"><startEvent id="S"/><endEvent id="E"/><sequenceFlow id="F" sourceRef="E" targetRef="S"/></process></definitions>`), "x", ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	en := Lint(d, LintOptions{Lang: "en"})
	de := Lint(d, LintOptions{Lang: "de"})
	if len(en) == 0 || en[0].Message == de[0].Message {
		t.Errorf("en %v de %v", en, de)
	}
}

func TestReadErrors(t *testing.T) {
	tests := []struct {
		name, doc        string
		line             int
		wellFormed, bpmn bool
		msg              string
	}{
		{"broken", "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">\n<process id=\"P\">\n</definitions>", 3, false, true, "element <process> closed by </definitions>"},
		{"empty", "", 0, false, true, "empty"},
		{"not bpmn", "<?xml version=\"1.0\"?>\n<root xmlns=\"urn:x\"/>", 2, true, false, "not a BPMN 2.0 document"},
		{"wrong namespace", `<definitions xmlns="http://schema.omg.org/spec/BPMN/2.0"/>`, 1, true, false, "not a BPMN 2.0 document"},
		{"doctype", "<!DOCTYPE x [<!ENTITY a \"b\">]>\n<definitions/>", 1, false, true, "DOCTYPE"},
		{"deep", strings.Repeat("<a>", 600) + strings.Repeat("</a>", 600), 1, false, true, "nested deeper"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := ReadBytes([]byte(tt.doc), "in.bpmn", ReadOptions{})
			var re *ReadError
			if !errors.As(err, &re) {
				t.Fatalf("err %v, want *ReadError", err)
			}
			if re.Line != tt.line || re.NotWellFormed == tt.wellFormed || re.NotBPMN == tt.bpmn || !strings.Contains(re.Error(), tt.msg) {
				t.Errorf("got %+v (%v)", re, err)
			}
			if tt.line > 0 && !strings.HasPrefix(err.Error(), fmt.Sprintf("in.bpmn:%d", tt.line)) {
				t.Errorf("error %q does not start with file:line", err)
			}
		})
	}
}

// TestDeepSubProcesses: sub-processes nested as deep as the reader allows
// are read and linted without trouble; deeper is a clear error.
func TestDeepSubProcesses(t *testing.T) {
	build := func(depth int) string {
		var b strings.Builder
		b.WriteString(head + `<process id="P">`)
		for i := range depth {
			fmt.Fprintf(&b, `<subProcess id="S%d">`, i)
		}
		b.WriteString(`<task id="T"/>`)
		b.WriteString(strings.Repeat(`</subProcess>`, depth))
		b.WriteString(`</process></definitions>`)
		return b.String()
	}
	d, _, err := ReadBytes([]byte(build(400)), "deep", ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	Lint(d, LintOptions{})
	if _, _, err := ReadBytes([]byte(build(2000)), "deeper", ReadOptions{}); err == nil || !strings.Contains(err.Error(), "nested deeper") {
		t.Errorf("err %v", err)
	}
}

// synthetic writes a process of n tasks in a chain with DI.
func synthetic(n int, di bool) []byte {
	var b strings.Builder
	b.WriteString(head + "\n<process id=\"P\"><startEvent id=\"S\"/>\n")
	prev := "S"
	for i := range n {
		id := fmt.Sprintf("T%d", i)
		fmt.Fprintf(&b, "<task id=%q name=\"Aufgabe %d\"/><sequenceFlow id=\"F%d\" sourceRef=%q targetRef=%q/>\n", id, i, i, prev, id)
		prev = id
	}
	fmt.Fprintf(&b, "<endEvent id=\"E\"/><sequenceFlow id=\"FE\" sourceRef=%q targetRef=\"E\"/></process>\n", prev)
	if di {
		b.WriteString(`<bpmndi:BPMNDiagram id="DG"><bpmndi:BPMNPlane id="PL" bpmnElement="P">` + "\n")
		for i := range n {
			fmt.Fprintf(&b, `<bpmndi:BPMNShape id="T%d_di" bpmnElement="T%d"><dc:Bounds x="%d" y="%d" width="100" height="80"/></bpmndi:BPMNShape>`+"\n", i, i, (i%100)*150, (i/100)*120)
		}
		b.WriteString(`</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>`)
	}
	b.WriteString("</definitions>\n")
	return []byte(b.String())
}

func TestLargeModel(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	d, _, err := ReadBytes(synthetic(50_000, true), "big", ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	fs := Lint(d, LintOptions{})
	for _, f := range fs {
		if f.Rule != ruleMissingDI {
			t.Errorf("%s %s", f.Rule, f.Message)
		}
	}
	if len(fs) != 2 { // start and end event have no shape
		t.Errorf("%d findings", len(fs))
	}
}

func BenchmarkReadLint50k(b *testing.B) {
	data := synthetic(50_000, true)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		d, _, err := ReadBytes(data, "big", ReadOptions{})
		if err != nil {
			b.Fatal(err)
		}
		Lint(d, LintOptions{})
	}
}

func TestMain(m *testing.M) { os.Exit(m.Run()) }

// shapeOf returns the first shape drawing the element in any diagram, or nil.
func (d *Definitions) shapeOf(id string) *Shape {
	for _, dg := range d.Diagrams {
		if dg.Plane == nil {
			continue
		}
		for _, s := range dg.Plane.Shapes {
			if s.Element == id {
				return s
			}
		}
	}
	return nil
}
