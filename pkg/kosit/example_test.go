package kosit_test

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/ozgctl/ozgctl/pkg/batch"
	"github.com/ozgctl/ozgctl/pkg/kosit"
	"github.com/ozgctl/ozgctl/pkg/xoev"
)

// Load a source configuration, fill its placeholders, find the .sch
// source of its compiled Schematron, and give two orders their verdict.
func Example() {
	ctx := context.Background()
	props, err := kosit.ReadProperties("testdata/mini/mini.properties")
	if err != nil {
		panic(err)
	}
	cfg, err := kosit.Load(ctx, "testdata/mini", kosit.Options{Properties: props, Resources: []string{"testdata/mini/sch"}})
	if err != nil {
		panic(err)
	}
	stages := append([]batch.Stage{xoev.PrologStage{}, xoev.IdentifyStage{}}, kosit.Stages(cfg, kosit.StageOptions{})...)
	for _, name := range []string{"usd.xml", "nonote.xml"} {
		in, _ := batch.ExpandInputs([]string{filepath.Join("testdata/mini/messages", name)}, nil)
		res := batch.CheckOne(ctx, in[0], stages)
		fmt.Println(name, res.Assessment.Scenario, res.Assessment.Accept)
		for _, st := range res.Assessment.Steps {
			for _, m := range st.Messages {
				fmt.Printf("  %s %s: %s → %s\n", st.ID, m.Finding.Rule, m.Level, m.CustomLevel)
			}
		}
	}
	// Output:
	// usd.xml Order 1.0 true
	//   val-sch.1 ORD-2: error → warning
	// nonote.xml Order 1.0 false
	//   val-sch.1 ORD-3: warning → error
}
