package xmlns

import (
	"encoding/xml"
	"fmt"
	"slices"
	"testing"

	"github.com/jacoelho/xsd/internal/stream"
	"github.com/jacoelho/xsd/internal/vocab"
)

func TestStartRollsBackBindingsOnError(t *testing.T) {
	var ns Stack
	frame, element, err := ns.StartXML(xml.StartElement{Attr: []xml.Attr{
		{Name: xml.Name{Space: vocab.XMLNSPrefix, Local: "a"}, Value: "urn:a"},
		{Name: xml.Name{Space: vocab.XMLNSPrefix, Local: vocab.XMLPrefix}, Value: "urn:not-xml"},
	}})
	if err == nil {
		t.Fatal("StartXML() error = nil")
	}
	if !frame.IsZero() || element != (Element{}) {
		t.Fatalf("failed StartXML() returned frame/element = %+v/%+v", frame, element)
	}
	if ns.FrameCapacity() != 0 {
		t.Fatalf("FrameCapacity() = %d, want 0", ns.FrameCapacity())
	}
	if got, ok := ns.Lookup("a"); ok || got != "" {
		t.Fatalf("Lookup(a) = %q, %v; want missing", got, ok)
	}
}

func TestStartStreamResolvesNamesInPlace(t *testing.T) {
	var ns Stack
	start := stream.OwnedStartElement(xml.Name{Local: "root"},
		stream.OwnedAttr(xml.Name{Local: vocab.XMLNSPrefix}, "urn:default"),
		stream.OwnedAttr(xml.Name{Local: "attr"}, "value"),
	)
	frame, element, err := ns.StartStream(&start, nil)
	if err != nil {
		t.Fatalf("StartStream() error = %v", err)
	}
	if element.Name != (xml.Name{Space: "urn:default", Local: "root"}) {
		t.Fatalf("element name = %+v, want default namespace", element.Name)
	}
	if got := start.Attr[1].Name; got != (xml.Name{Local: "attr"}) {
		t.Fatalf("attribute name = %+v, want no namespace", got)
	}
	if err := ns.Abort(frame); err != nil {
		t.Fatalf("Abort() error = %v", err)
	}
}

func TestStackResetDropsOversizedCapacity(t *testing.T) {
	ns := NewStackWithCapacity(4, 4)
	ns.Reset(3)
	if ns.FrameCapacity() != 0 || ns.BindingCapacity() != 0 {
		t.Fatalf("Reset retained oversized capacities %d/%d", ns.FrameCapacity(), ns.BindingCapacity())
	}
}

func TestStackResetDropsAttributeMapAfterOversizedHighWater(t *testing.T) {
	const maxRetained = 32
	attrs := make([]xml.Attr, maxRetained+1)
	for i := range attrs {
		attrs[i] = xml.Attr{Name: xml.Name{Local: fmt.Sprintf("a%d", i)}, Value: "v"}
	}

	var ns Stack
	large, _, err := ns.StartXML(xml.StartElement{Name: xml.Name{Local: "large"}, Attr: attrs})
	if err != nil {
		t.Fatal(err)
	}
	if abortErr := ns.Abort(large); abortErr != nil {
		t.Fatal(abortErr)
	}
	small, _, err := ns.StartXML(xml.StartElement{
		Name: xml.Name{Local: "small"},
		Attr: []xml.Attr{{Name: xml.Name{Local: "a"}, Value: "v"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if abortErr := ns.Abort(small); abortErr != nil {
		t.Fatal(abortErr)
	}

	ns.Reset(maxRetained)
	if ns.seen.index != nil {
		t.Fatal("Reset() retained an attribute map whose document high-water exceeded the bound")
	}
}

func TestStackLifecycleZeroesReleasedStorage(t *testing.T) {
	var ns Stack
	frames := make([]Frame, 0, 32)
	for i := range 32 {
		prefix := fmt.Sprintf("p%d", i)
		frame, _, err := ns.StartXML(xml.StartElement{Attr: []xml.Attr{{Name: xml.Name{Space: vocab.XMLNSPrefix, Local: prefix}, Value: "urn:" + prefix}}})
		if err != nil {
			t.Fatal(err)
		}
		frames = append(frames, frame)
	}
	for _, frame := range slices.Backward(frames) {
		if err := ns.Abort(frame); err != nil {
			t.Fatal(err)
		}
	}
	for i, frame := range ns.frames[:cap(ns.frames)] {
		if frame != (stackFrame{}) {
			t.Fatalf("frame tail %d retains state: %+v", i, frame)
		}
	}
	for i, got := range ns.store.bindings[:cap(ns.store.bindings)] {
		if got != (binding{}) {
			t.Fatalf("binding tail %d retains references: %+v", i, got)
		}
	}

	frame, _, err := ns.StartXML(xml.StartElement{Attr: []xml.Attr{{Name: xml.Name{Space: vocab.XMLNSPrefix, Local: "active"}, Value: "urn:active"}}})
	if err != nil {
		t.Fatal(err)
	}
	_ = frame
	ns.Reset(64)
	for i, got := range ns.store.bindings[:cap(ns.store.bindings)] {
		if got != (binding{}) {
			t.Fatalf("reset binding tail %d retains references: %+v", i, got)
		}
	}
}

func TestStartAdmissionIsAtomic(t *testing.T) {
	t.Parallel()
	var ns Stack
	failed := stream.OwnedStartElement(xml.Name{Space: "p", Local: "root"},
		stream.OwnedAttr(xml.Name{Space: vocab.XMLNSPrefix, Local: "p"}, "urn:p"),
		stream.OwnedAttr(xml.Name{Space: "p", Local: "id"}, "1"),
		stream.OwnedAttr(xml.Name{Space: "p", Local: "id"}, "2"),
	)
	if _, _, err := ns.StartStream(&failed, nil); err == nil {
		t.Fatal("StartStream() accepted duplicate expanded attributes")
	}
	if _, ok := ns.Lookup("p"); ok {
		t.Fatal("failed StartStream() retained a namespace binding")
	}

	start := stream.OwnedStartElement(xml.Name{Space: "p", Local: "root"},
		stream.OwnedAttr(xml.Name{Space: vocab.XMLNSPrefix, Local: "p"}, "urn:p"),
		stream.OwnedAttr(xml.Name{Space: "p", Local: "id"}, "1"),
	)
	_, element, err := ns.StartStream(&start, nil)
	if err != nil {
		t.Fatal(err)
	}
	if element.Name != (xml.Name{Space: "urn:p", Local: "root"}) || start.Attr[1].Name != (xml.Name{Space: "urn:p", Local: "id"}) {
		t.Fatalf("StartStream() element/attribute = %+v/%+v", element, start.Attr[1].Name)
	}
}

func TestEndFailureLeavesOwnedFrameIntact(t *testing.T) {
	t.Parallel()
	var ns Stack
	frame, _, err := ns.StartXML(xml.StartElement{Name: xml.Name{Local: "root"}})
	if err != nil {
		t.Fatal(err)
	}
	if err := ns.End(frame, LexicalName{Local: "other"}); err == nil {
		t.Fatal("End() accepted a mismatched name")
	}
	if err := ns.End(frame, LexicalName{Local: "root"}); err != nil {
		t.Fatalf("End() after mismatch: %v", err)
	}
}

func TestFrameCannotCloseAnotherStackOrNonTopFrame(t *testing.T) {
	t.Parallel()
	var first, second Stack
	parent, _, err := first.StartXML(xml.StartElement{Name: xml.Name{Local: "parent"}})
	if err != nil {
		t.Fatal(err)
	}
	child, _, err := first.StartXML(xml.StartElement{Name: xml.Name{Local: "child"}})
	if err != nil {
		t.Fatal(err)
	}
	if err := first.Abort(parent); err == nil {
		t.Fatal("Abort() accepted a non-top frame")
	}
	if err := second.Abort(child); err == nil {
		t.Fatal("Abort() accepted another stack's frame")
	}
}

func TestContextIsImmutableAcrossStackChangesAndReset(t *testing.T) {
	var ns Stack
	frame, _, err := ns.StartXML(xml.StartElement{Attr: []xml.Attr{{Name: xml.Name{Space: vocab.XMLNSPrefix, Local: "p"}, Value: "urn:first"}}})
	if err != nil {
		t.Fatal(err)
	}
	context := ns.Context()
	if err := ns.Abort(frame); err != nil {
		t.Fatal(err)
	}
	ns.Reset(64)
	if got, ok := context.Lookup("p"); !ok || got != "urn:first" {
		t.Fatalf("Context.Lookup(p) = %q, %v", got, ok)
	}
	if got := testing.AllocsPerRun(100, func() {
		view := ns.Context()
		_, _ = view.Lookup("")
	}); got != 0 {
		t.Fatalf("Context allocations = %g, want 0", got)
	}
}

func TestStackActiveBindingsTrackShadowRollbackAndPersistentPop(t *testing.T) {
	t.Parallel()
	var ns Stack
	parent, _, err := ns.StartXML(xml.StartElement{
		Name: xml.Name{Local: "parent"},
		Attr: []xml.Attr{{Name: xml.Name{Space: vocab.XMLNSPrefix, Local: "p"}, Value: "urn:parent"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	context := ns.Context()
	child, _, err := ns.StartXML(xml.StartElement{
		Name: xml.Name{Local: "child"},
		Attr: []xml.Attr{
			{Name: xml.Name{Space: vocab.XMLNSPrefix, Local: "p"}, Value: "urn:child"},
			{Name: xml.Name{Space: vocab.XMLNSPrefix, Local: "q"}, Value: "urn:q"},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	childRecord := ns.frames[len(ns.frames)-1]
	if childRecord.bindingEnd-childRecord.bindingMark != 2 {
		t.Fatalf("child binding range = [%d:%d], want exactly two bindings", childRecord.bindingMark, childRecord.bindingEnd)
	}
	if got, ok := ns.Lookup("p"); !ok || got != "urn:child" {
		t.Fatalf("Lookup(p) in child = %q, %v", got, ok)
	}
	if _, _, err := ns.StartXML(xml.StartElement{Attr: []xml.Attr{
		{Name: xml.Name{Space: vocab.XMLNSPrefix, Local: "p"}, Value: "urn:failed"},
		{Name: xml.Name{Space: vocab.XMLNSPrefix, Local: vocab.XMLPrefix}, Value: "urn:not-xml"},
	}}); err == nil {
		t.Fatal("StartXML() accepted invalid binding after a shadow")
	}
	if got, ok := ns.Lookup("p"); !ok || got != "urn:child" {
		t.Fatalf("Lookup(p) after rollback = %q, %v", got, ok)
	}
	if err := ns.End(child, LexicalName{Local: "child"}); err != nil {
		t.Fatal(err)
	}
	if got, ok := ns.Lookup("p"); !ok || got != "urn:parent" {
		t.Fatalf("Lookup(p) after child pop = %q, %v", got, ok)
	}
	if _, ok := ns.Lookup("q"); ok {
		t.Fatal("Lookup(q) retained a popped child binding")
	}
	sibling, _, siblingErr := ns.StartXML(xml.StartElement{
		Name: xml.Name{Local: "sibling"},
		Attr: []xml.Attr{{Name: xml.Name{Space: vocab.XMLNSPrefix, Local: "p"}, Value: "urn:sibling"}},
	})
	if siblingErr != nil {
		t.Fatal(siblingErr)
	}
	grandchild, _, grandchildErr := ns.StartXML(xml.StartElement{
		Name: xml.Name{Local: "grandchild"},
		Attr: []xml.Attr{{Name: xml.Name{Space: vocab.XMLNSPrefix, Local: "p"}, Value: "urn:grandchild"}},
	})
	if grandchildErr != nil {
		t.Fatal(grandchildErr)
	}
	_ = ns.Context()
	if err := ns.End(grandchild, LexicalName{Local: "grandchild"}); err != nil {
		t.Fatal(err)
	}
	if got, ok := ns.Lookup("p"); !ok || got != "urn:sibling" {
		t.Fatalf("Lookup(p) after persistent grandchild pop = %q, %v", got, ok)
	}
	if err := ns.End(sibling, LexicalName{Local: "sibling"}); err != nil {
		t.Fatal(err)
	}
	if got, ok := ns.Lookup("p"); !ok || got != "urn:parent" {
		t.Fatalf("Lookup(p) after persistent sibling pop = %q, %v", got, ok)
	}
	if got, ok := context.Lookup("p"); !ok || got != "urn:parent" {
		t.Fatalf("Context.Lookup(p) = %q, %v", got, ok)
	}
	if err := ns.End(parent, LexicalName{Local: "parent"}); err != nil {
		t.Fatal(err)
	}
	if _, ok := ns.Lookup("p"); ok {
		t.Fatal("Lookup(p) retained a popped parent binding")
	}
	ns.Reset(1)
	if ns.active != nil {
		t.Fatal("Reset() retained an active-prefix index beyond its bound")
	}
}

// TestLookupRememberedAnswersFollowBindings: Lookup remembers recent
// answers; with more prefixes than it remembers, looked up again and again
// across shadowing, popping and Reset, it answers as the bindings say.
func TestLookupRememberedAnswersFollowBindings(t *testing.T) {
	t.Parallel()
	prefixes := []string{"a", "b", "c", "d", "e", "f", ""}
	var attrs []xml.Attr
	for _, p := range prefixes[:6] {
		attrs = append(attrs, xml.Attr{Name: xml.Name{Space: vocab.XMLNSPrefix, Local: p}, Value: "urn:outer:" + p})
	}
	var ns Stack
	check := func(when string, want map[string]string) {
		t.Helper()
		for range 3 {
			for _, p := range append(prefixes, "zz") {
				got, ok := ns.Lookup(p)
				w, bound := want[p]
				if p == "" && !bound {
					w, bound = "", true // the empty prefix is always bound
				}
				if ok != bound || got != w {
					t.Fatalf("%s: Lookup(%q) = %q, %v; want %q, %v", when, p, got, ok, w, bound)
				}
			}
		}
	}
	outer, _, err := ns.StartXML(xml.StartElement{Name: xml.Name{Local: "outer"}, Attr: attrs})
	if err != nil {
		t.Fatal(err)
	}
	outerWant := map[string]string{}
	for _, p := range prefixes[:6] {
		outerWant[p] = "urn:outer:" + p
	}
	check("outer", outerWant)
	inner, _, err := ns.StartXML(xml.StartElement{Name: xml.Name{Local: "inner"}, Attr: []xml.Attr{
		{Name: xml.Name{Space: vocab.XMLNSPrefix, Local: "c"}, Value: "urn:inner:c"},
		{Name: xml.Name{Local: vocab.XMLNSPrefix}, Value: "urn:inner:default"},
	}})
	if err != nil {
		t.Fatal(err)
	}
	innerWant := map[string]string{"": "urn:inner:default"}
	for p, u := range outerWant {
		innerWant[p] = u
	}
	innerWant["c"] = "urn:inner:c"
	check("inner", innerWant)
	if err := ns.End(inner, LexicalName{Local: "inner"}); err != nil {
		t.Fatal(err)
	}
	check("outer again", outerWant)
	if err := ns.End(outer, LexicalName{Local: "outer"}); err != nil {
		t.Fatal(err)
	}
	check("after the root", nil)
	ns.Reset(64)
	check("after Reset", nil)
}
