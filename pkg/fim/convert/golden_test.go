package convert

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/sebdah/goldie/v2"
)

// goldenInputs are the two real schemas whose output is kept verbatim
// under testdata/golden (go test -run Golden -update to refresh).
var goldenInputs = []input{
	{name: "S00000094", path: filepath.Join("testdata", "xdf2", "S00000094V1.0_xdf2.xml"), codelists: filepath.Join("testdata", "codelists", "S00000094")},
	{name: "BlaueKarte", path: filepath.Join("testdata", "xdf2", "BlaueKarte.xml")},
}

func TestGolden(t *testing.T) {
	g := goldie.New(t, goldie.WithFixtureDir(filepath.Join("testdata", "golden")), goldie.WithNameSuffix(""))
	for _, in := range goldenInputs {
		c, ok := load(t, in, Options{})
		if !ok {
			t.Fatalf("%s does not load", in.name)
		}
		for _, tg := range Targets() {
			t.Run(in.name+"/"+tg.Name, func(t *testing.T) {
				out, err := c.Convert(tg.Name)
				if err != nil {
					t.Fatal(err)
				}
				g.Assert(t, in.name+tg.Ext, out)
			})
		}
		for _, f := range []string{"json", "xml"} {
			t.Run(in.name+"/sample-"+f, func(t *testing.T) {
				out, err := c.Sample(f, SampleDefault)
				if err != nil {
					t.Fatal(err)
				}
				g.Assert(t, in.name+".sample."+f, out)
			})
		}
	}
}

// TestDeterministic converts twice from fresh reads and compares bytes.
func TestDeterministic(t *testing.T) {
	for _, in := range goldenInputs {
		a, _ := load(t, in, Options{})
		b, _ := load(t, in, Options{})
		for _, tg := range TargetNames() {
			x, _ := a.Convert(tg)
			y, _ := b.Convert(tg)
			if !bytes.Equal(x, y) {
				t.Errorf("%s %s: two runs differ", in.name, tg)
			}
		}
	}
}
