package convert_test

import (
	"fmt"
	"path/filepath"

	"github.com/ozgctl/ozgctl/pkg/fim"
	"github.com/ozgctl/ozgctl/pkg/fim/convert"
)

func Example() {
	doc, _, err := fim.ReadFile(filepath.Join("testdata", "xdf2", "S00000094V1.0_xdf2.xml"), fim.ReadOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	lists, _ := convert.CodelistDirs(filepath.Join("testdata", "codelists", "S00000094"))
	c, err := convert.New(doc, convert.Options{Codelists: lists})
	if err != nil {
		fmt.Println(err)
		return
	}
	schema, _ := c.Convert("jsonschema")
	sample, _ := c.Sample("json", convert.SampleMinimal)
	fmt.Println(len(schema) > 0, len(sample) > 0, len(c.Warnings()))
	fmt.Println(convert.TargetNames())
	// Output:
	// true true 2
	// [go html jsonschema markdown openapi typescript xsd]
}
