package interop

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/ozgctl/ozgctl/internal/testenv"
	"github.com/ozgctl/ozgctl/pkg/batch"
	"github.com/ozgctl/ozgctl/pkg/conformance"
)

const exampleVendors = "../../examples/interop/vendors"

// run reads the groups through the check pipeline of cfg, as "report
// interop" does, optionally only one shard of it.
func run(t testing.TB, sources []Source, cfg conformance.Config, shard batch.Shard) *Result {
	t.Helper()
	ctx := context.Background()
	p, err := conformance.Build(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	res, results := Run(ctx, p.Stages, sources, RunOptions{Settings: DefaultSettings, Shard: shard, Batch: batch.Options{Workers: 2}})
	for _, fr := range results {
		if fr.Err != nil {
			t.Fatal(fr.Err)
		}
	}
	return res
}

// counted is what the independent counter finds in one group.
type counted struct {
	messages int
	paths    map[PathCount]bool
	codes    map[CodeCount]bool
}

// countGroup is the oracle: encoding/xml's namespace-aware Token, a tree
// of the message built in memory, and the usage rules of the issue
// applied to that tree, with none of the code of the stage.
func countGroup(t *testing.T, dir string) counted {
	t.Helper()
	type node struct {
		name     xml.Name
		attrs    []xml.Attr
		text     strings.Builder
		children []*node
	}
	pathCount := map[[2]string]int{}
	codeCount := map[[3]string]int{}
	msgs := 0
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.EqualFold(filepath.Ext(p), ".xml") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		msgs++
		dec := xml.NewDecoder(bytes.NewReader(data))
		var root *node
		var stack []*node
		for {
			tok, err := dec.Token()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				return nil // not well-formed: no usage, as in the stage
			}
			switch tk := tok.(type) {
			case xml.StartElement:
				n := &node{name: tk.Name, attrs: tk.Attr}
				if len(stack) == 0 {
					root = n
				} else {
					stack[len(stack)-1].children = append(stack[len(stack)-1].children, n)
				}
				stack = append(stack, n)
			case xml.EndElement:
				stack = stack[:len(stack)-1]
			case xml.CharData:
				if len(stack) > 0 {
					stack[len(stack)-1].text.Write(tk)
				}
			}
		}
		if root == nil {
			return nil
		}
		clark := "{" + root.name.Space + "}" + root.name.Local
		paths := map[string]bool{}
		codes := map[[2]string]bool{}
		var visit func(n *node, parent string, parentIsCode bool)
		visit = func(n *node, parent string, parentIsCode bool) {
			path := parent + "/" + n.name.Local
			paths[path] = true
			isCode := strings.HasSuffix(n.name.Local, "Code")
			for _, a := range n.attrs {
				if a.Name.Space == "xmlns" || (a.Name.Space == "" && a.Name.Local == "xmlns") {
					continue
				}
				paths[path+"/@"+a.Name.Local] = true
				if a.Name.Local == "listID" || a.Name.Local == "listURI" {
					isCode = true
				}
			}
			value := strings.Join(strings.Fields(n.text.String()), " ")
			if len(n.children) == 0 && value != "" && (isCode || (parentIsCode && n.name.Local == "code" && n.name.Space == "")) {
				codes[[2]string{path, value}] = true
			}
			for _, c := range n.children {
				visit(c, path, isCode)
			}
		}
		visit(root, "", false)
		for p := range paths {
			pathCount[[2]string{clark, p}]++
		}
		for c := range codes {
			codeCount[[3]string{clark, c[0], c[1]}]++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	out := counted{messages: msgs, paths: map[PathCount]bool{}, codes: map[CodeCount]bool{}}
	for k, n := range pathCount {
		out.paths[PathCount{Root: k[0], Path: k[1], Messages: n}] = true
	}
	for k, n := range codeCount {
		out.codes[CodeCount{Root: k[0], Path: k[1], Value: k[2], Messages: n}] = true
	}
	return out
}

func compareCounts(t *testing.T, g Group, want counted) {
	t.Helper()
	if g.Messages != want.messages {
		t.Errorf("%s: %d messages, counter %d", g.Name, g.Messages, want.messages)
	}
	got := map[PathCount]bool{}
	for _, u := range g.Usage {
		if u.Example == nil || u.Example.Line < 1 {
			t.Errorf("%s: usage %+v has no example", g.Name, u)
		}
		u.Example = nil
		got[u] = true
		if !want.paths[u] {
			t.Errorf("%s: usage %+v, counter disagrees", g.Name, u)
		}
	}
	for u := range want.paths {
		if !got[u] {
			t.Errorf("%s: counter has usage %+v, report not", g.Name, u)
		}
	}
	gotC := map[CodeCount]bool{}
	for _, c := range g.Codes {
		c.Example = nil
		gotC[c] = true
		if !want.codes[c] {
			t.Errorf("%s: code %+v, counter disagrees", g.Name, c)
		}
	}
	for c := range want.codes {
		if !gotC[c] {
			t.Errorf("%s: counter has code %+v, report not", g.Name, c)
		}
	}
	if len(g.Usage) == 0 || len(g.Codes) == 0 {
		t.Errorf("%s: %d paths, %d codes: nothing compared", g.Name, len(g.Usage), len(g.Codes))
	}
}

func TestUsageAgainstCounter(t *testing.T) {
	t.Run("example scenario", func(t *testing.T) {
		sources, err := DirSources([]string{exampleVendors})
		if err != nil {
			t.Fatal(err)
		}
		res := run(t, sources, conformance.Config{}, batch.Shard{})
		if len(res.Groups) != 3 {
			t.Fatalf("%d groups, want 3", len(res.Groups))
		}
		for _, g := range res.Groups {
			compareCounts(t, g, countGroup(t, filepath.Join(exampleVendors, g.Name)))
		}
	})
	t.Run("corpus XRechnung by folder", func(t *testing.T) {
		corpus := testenv.Corpus(t)
		base := filepath.Join(corpus, "xoev", "xrechnung")
		var sources []Source
		for _, d := range []string{"testsuite/business-cases/standard", "testsuite/technical-cases/cius",
			"en16931/ubl/examples", "en16931/cii/examples", "xrechnung-schematron/test-instances/ubl-inv",
			"xrechnung-schematron/test-instances/ubl-cn", "xrechnung-schematron/test-instances/cii"} {
			sources = append(sources, Source{GroupSpec: GroupSpec{Name: d}, Inputs: []string{filepath.Join(base, d)}})
		}
		res := run(t, sources, conformance.Config{}, batch.Shard{})
		if len(res.Groups) != len(sources) {
			t.Fatalf("%d groups, want %d", len(res.Groups), len(sources))
		}
		for _, g := range res.Groups {
			var dir string
			for _, s := range sources {
				if s.Name == g.Name {
					dir = s.Inputs[0]
				}
			}
			compareCounts(t, g, countGroup(t, dir))
		}
	})
}

func TestJSONAgainstSchema(t *testing.T) {
	sch, err := jsonschema.NewCompiler().Compile("../../schemas/interop.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	sources, err := DirSources([]string{exampleVendors})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := writeJSON(&buf, run(t, sources, conformance.Config{}, batch.Shard{})); err != nil {
		t.Fatal(err)
	}
	v, err := jsonschema.UnmarshalJSON(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(v); err != nil {
		t.Error(err)
	}
}

// TestMergeEqualsUnsharded cuts the example scenario into n shards, runs
// each, merges the JSON and compares it byte for byte with one run.
func TestMergeEqualsUnsharded(t *testing.T) {
	sources, err := DirSources([]string{exampleVendors})
	if err != nil {
		t.Fatal(err)
	}
	var whole bytes.Buffer
	if err := writeJSON(&whole, run(t, sources, conformance.Config{}, batch.Shard{})); err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{1, 3, 7} {
		var parts []*Result
		for i := 1; i <= n; i++ {
			var buf bytes.Buffer
			if err := writeJSON(&buf, run(t, sources, conformance.Config{}, batch.Shard{Index: i, Count: n})); err != nil {
				t.Fatal(err)
			}
			r, err := ReadResult(&buf)
			if err != nil {
				t.Fatal(err)
			}
			parts = append(parts, r)
		}
		merged, err := Merge(parts...)
		if err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		if err := writeJSON(&got, merged); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), whole.Bytes()) {
			t.Errorf("n=%d: merged JSON differs from the unsharded run", n)
		}
	}
}

func TestMergeRefusesOtherSettings(t *testing.T) {
	a := &Result{Settings: DefaultSettings}
	b := &Result{Settings: Settings{MinMessages: 5, MinDiff: 0.5}}
	var se *SettingsMismatchError
	if _, err := Merge(a, b); !errors.As(err, &se) {
		t.Errorf("err = %v, want a settings mismatch", err)
	}
}
