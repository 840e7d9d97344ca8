package xoev_test

import (
	"context"
	"fmt"
	"os"

	"github.com/ozgctl/ozgctl/pkg/xoev"
)

func ExampleLoadSchemaSet() {
	ctx := context.Background()
	set, err := xoev.LoadSchemaSet(ctx, "../../examples/xoev/xsd/demo.xsd", xoev.LoadOptions{
		Catalogs: []string{"../../examples/xoev/catalog.xml"},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	f, err := os.Open("../../examples/xoev/messages/antrag-xsd-fehler.xml")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	findings, err := set.Validate(ctx, f.Name(), f)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(set.Engine, len(set.Docs), "documents")
	for _, x := range findings {
		fmt.Printf("%d:%d %s %s\n", x.Line, x.Column, x.Rule, x.Path)
	}
	// Output:
	// xsd:jacoelho 5 documents
	// 16:72 xsd:facet /demo.antrag.0101/antragsteller/anschrift/postleitzahl
	// 21:20 xsd:facet /demo.antrag.0101/betrag
}
