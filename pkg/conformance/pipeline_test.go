package conformance

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/ozgctl/ozgctl/pkg/codelist"
	"github.com/ozgctl/ozgctl/pkg/finding"
	"github.com/ozgctl/ozgctl/pkg/xoev"
)

func names(ins []Input) []string {
	var out []string
	for _, in := range ins {
		out = append(out, in.Name)
	}
	return out
}

func TestExpandInputs(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"b/2.xml", "b/1.xml", "a.xml", "c.txt", "b/sub/3.XML"} {
		p := filepath.Join(dir, f)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte("<x/>"), 0o644)
	}
	j := func(p string) string { return filepath.Join(dir, p) }
	ins, errs := ExpandInputs([]string{j("b"), j("*.xml"), j("a.xml"), "-", "-", j("c.txt"), j("missing.xml"), j("nomatch*.xml")}, strings.NewReader("<stdin/>"))
	want := []string{"-", j("a.xml"), j("b/1.xml"), j("b/2.xml"), j("b/sub/3.XML"), j("c.txt")}
	slices.Sort(want)
	if got := names(ins); !slices.Equal(got, want) {
		t.Errorf("inputs %v\nwant %v", got, want)
	}
	if len(errs) != 2 {
		t.Errorf("errors %v, want missing.xml and nomatch*", errs)
	}
	for _, in := range ins {
		if in.Name == "-" {
			rc, _ := in.Open()
			b := make([]byte, 20)
			n, _ := rc.Read(b)
			if string(b[:n]) != "<stdin/>" {
				t.Errorf("stdin = %q", b[:n])
			}
		}
	}
}

// TestRunDeterministic checks that the result order and content do not
// depend on the number of workers, and that a panicking stage becomes an
// input error for that file only.
func TestRunDeterministic(t *testing.T) {
	ex := "../../examples/xoev"
	set, err := xoev.LoadSchemaSet(context.Background(), filepath.Join(ex, "xsd/demo.xsd"), xoev.LoadOptions{Catalogs: []string{filepath.Join(ex, "catalog.xml")}})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	src, _ := os.ReadFile(filepath.Join(ex, "messages/antrag-gueltig.xml"))
	var args []string
	for i := range 40 {
		data := src
		switch i % 4 {
		case 1:
			data = []byte(strings.Replace(string(src), ">12345<", ">1<", 1))
		case 2:
			data = []byte(strings.Replace(string(src), "<code>01</code>", "<code>09</code>", 1))
		case 3:
			data = src[:len(src)/3]
		}
		p := filepath.Join(dir, "m"+string(rune('a'+i%26))+string(rune('a'+i/26))+".xml")
		os.WriteFile(p, data, 0o644)
		args = append(args, p)
	}
	args = append(args, filepath.Join(dir, "panic.xml"))
	os.WriteFile(filepath.Join(dir, "panic.xml"), src, 0o644)
	ins, errs := ExpandInputs(args, nil)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	panicker := StageFunc{ID: "boom", Fn: func(ctx context.Context, msg *Message, res *finding.FileResult) error {
		if strings.HasSuffix(msg.Input.Name, "panic.xml") {
			panic("boom")
		}
		return nil
	}}
	stages := []Stage{IdentifyStage{}, XSDStage{Set: set},
		CodeListStage{Options: xoev.CodeCheckOptions{Resolver: codelist.NewDirResolver(filepath.Join(ex, "codelists"))}}, panicker}
	render := func(workers int) string {
		res := Run(context.Background(), ins, stages, Options{Workers: workers})
		for i := range res {
			if res[i].Err != nil {
				res[i].Findings = append(res[i].Findings, finding.Finding{Rule: "input-error", Message: strings.SplitN(res[i].Err.Error(), "\n", 2)[0]})
			}
		}
		b, _ := json.Marshal(res)
		return string(b)
	}
	one := render(1)
	for _, w := range []int{2, 8} {
		if got := render(w); got != one {
			t.Errorf("-j %d output differs from -j 1", w)
		}
	}
	res := Run(context.Background(), ins, stages, Options{Workers: 4})
	var valid, invalid, inputErr int
	for _, r := range res {
		switch {
		case r.Err != nil:
			inputErr++
			if !strings.Contains(r.Err.Error(), "internal error") || !strings.HasSuffix(r.File, "panic.xml") {
				t.Errorf("%s: %v", r.File, r.Err)
			}
		case r.Valid():
			valid++
		default:
			invalid++
		}
	}
	if valid != 10 || invalid != 30 || inputErr != 1 {
		t.Errorf("valid %d invalid %d input errors %d", valid, invalid, inputErr)
	}
	if res[0].Identity == nil || res[0].Identity.Root != "demo.antrag.0101" || !slices.Contains(res[0].Engines, xoev.EngineJacoelho) {
		t.Errorf("first result identity %+v engines %v", res[0].Identity, res[0].Engines)
	}
}

func TestRunCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	res := Run(ctx, []Input{{Name: "a"}, {Name: "b"}}, []Stage{IdentifyStage{}}, Options{Workers: 1})
	for _, r := range res {
		if r.Err == nil || !errors.Is(r.Err, context.Canceled) {
			t.Errorf("%s: err %v, want canceled", r.File, r.Err)
		}
	}
}

type ruleStage struct{ StageFunc }

func (ruleStage) Rules() []finding.RuleInfo {
	return []finding.RuleInfo{{ID: "B-1"}, {ID: "xml:not-well-formed", Title: "ignored duplicate"}}
}

func TestCollectRules(t *testing.T) {
	rs := CollectRules([]Stage{IdentifyStage{}, ruleStage{}}, xoev.Rules()...)
	var ids []string
	for _, r := range rs {
		ids = append(ids, r.ID)
		if r.ID == "xml:not-well-formed" && r.Title == "ignored duplicate" {
			t.Error("later duplicate replaced the first definition")
		}
	}
	if !slices.IsSorted(ids) || !slices.Contains(ids, "B-1") || !slices.Contains(ids, "codelist:invalid-code") {
		t.Errorf("ids %v", ids)
	}
}

func TestOnDoneRunsAfterLastStage(t *testing.T) {
	tests := []struct {
		name string
		last func() error
	}{
		{"all stages ran", func() error { return nil }},
		{"a stage could not check", func() error { return errors.New("unreadable") }},
		{"a stage panicked", func() error { panic("boom") }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var events []string
			stages := []Stage{
				StageFunc{ID: "tree", Fn: func(_ context.Context, msg *Message, _ *finding.FileResult) error {
					events = append(events, "reserve")
					msg.OnDone(func() { events = append(events, "release") })
					return nil
				}},
				StageFunc{ID: "last", Fn: func(context.Context, *Message, *finding.FileResult) error {
					events = append(events, "last")
					return tt.last()
				}},
			}
			CheckOne(context.Background(), Input{Name: "m.xml"}, stages)
			if want := []string{"reserve", "last", "release"}; !slices.Equal(events, want) {
				t.Errorf("events %v, want %v", events, want)
			}
		})
	}
}

func TestUnresolvedResults(t *testing.T) {
	_, errs := ExpandInputs([]string{filepath.Join(t.TempDir(), "missing.xml"), filepath.Join(t.TempDir(), "*.nothing")}, nil)
	res := UnresolvedResults(errs)
	if len(res) != 2 {
		t.Fatalf("%d results for %d errors", len(res), len(errs))
	}
	for _, r := range res {
		if r.File == "" || r.Err == nil || strings.Contains(r.ErrText(), r.File) {
			t.Errorf("%+v: want the argument as file and the bare reason as error (%q)", r, r.ErrText())
		}
	}
}
