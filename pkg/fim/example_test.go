package fim_test

import (
	"context"
	"fmt"

	"github.com/ozgctl/ozgctl/pkg/codelist"
	"github.com/ozgctl/ozgctl/pkg/fim"
)

func ExampleReadFile() {
	doc, findings, err := fim.ReadFile("testdata/xdf2/S00000094V1.0_xdf2.xml", fim.ReadOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(doc.SourceVersion, doc.Kind, doc.RootIdent, len(findings) > 0)
	doc.Walk(func(path []int, ref *fim.ElementRef) bool {
		if len(path) == 1 {
			fmt.Println(path, ref.Identifier(), ref.Anzahl, ref.Common().Label())
		}
		return true
	})
	// Output:
	// 2.0 datenschema S00000094 V1.0 true
	// [1] G00000253 V1.0 1:1 Informationen zum Arbeitgeber / zur Arbeitgeberin
	// [2] G00000255 V1.0 1:1 Persönliche Informationen zur schwangeren oder stillenden Frau
	// [3] F00000463 V1.0 1:1 Die Frau steht in folgendem Beschäftigungsverhältnis
	// [4] F00000601 V1.0 0:1 Sonstiges Beschäftigungsverhältnis
	// [5] G00000258 V1.0 1:1 Informationen zur beabsichtigten Beschäftigung der schwangeren oder stillenden Frau
}

func ExampleResolveCodelists() {
	doc, _, err := fim.ReadFile("testdata/xdf2/S00000094V1.0_xdf2.xml", fim.ReadOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	res := codelist.NewDirResolver("testdata/codelists/S00000094")
	lists, findings, err := fim.ResolveCodelists(context.Background(), doc, res)
	if err != nil {
		fmt.Println(err)
		return
	}
	f := doc.FieldByID[fim.Identifier{ID: "F00000462", Version: "1.0"}]
	cl := lists[f.Codeliste]
	row, _ := cl.Lookup("002")
	fmt.Println(len(lists), len(findings), cl.Value(row, "name"))
	// Output: 4 0 hat geboren / ist stillend
}

// Write a 3.0.0 group as XDatenfelder 2.0 and 3.0.0.
func ExampleMarshal() {
	doc, _, err := fim.ReadFile("testdata/xdf3/G60000000088-simple.xml", fim.ReadOptions{})
	if err != nil {
		panic(err)
	}
	out, err := fim.Marshal(doc, fim.WriteOptions{Version: fim.XDF3})
	if err != nil {
		panic(err)
	}
	back, _, err := fim.ReadBytes(out, "written.xml", fim.ReadOptions{})
	if err != nil {
		panic(err)
	}
	a, _ := fim.CanonicalJSON(doc)
	b, _ := fim.CanonicalJSON(back)
	fmt.Println(back.RootIdent, string(a) == string(b))
	// Output: G60000000088 V1.2.0 true
}
