package codelist_test

import (
	"context"
	"fmt"

	"github.com/ozgctl/ozgctl/pkg/codelist"
)

func ExampleDirResolver() {
	r := codelist.NewDirResolver("testdata")
	cl, err := r.Resolve(context.Background(), "urn:de:fim:codeliste:statusfrauschwangerstillend", "2020-02-06")
	if err != nil {
		fmt.Println(err)
		return
	}
	row, _ := cl.Lookup("001")
	fmt.Println(cl.KeyColumn, cl.Value(row, "name"))
	// Output: code ist schwanger
}
