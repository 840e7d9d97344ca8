package interop_test

import (
	"fmt"

	"github.com/ozgctl/ozgctl/pkg/interop"
)

// Merge adds up the results of two shards group by group and computes the
// differences from the sums: here the two vendors fill the invoice note
// differently.
func ExampleMerge() {
	const inv = "{urn:oasis:names:specification:ubl:schema:xsd:Invoice-2}Invoice"
	shard := func(notes int) *interop.Result {
		return &interop.Result{Settings: interop.DefaultSettings, Groups: []interop.Group{
			{Name: "vendor-a", Messages: 2, Valid: 2,
				MessageTypes: []interop.MessageType{{Root: inv, Messages: 2, Valid: 2}},
				Usage:        []interop.PathCount{{Root: inv, Path: "/Invoice/Note", Messages: notes}}},
			{Name: "vendor-b", Messages: 2, Valid: 2,
				MessageTypes: []interop.MessageType{{Root: inv, Messages: 2, Valid: 2}}},
		}}
	}
	r, err := interop.Merge(shard(2), shard(1))
	if err != nil {
		panic(err)
	}
	for _, d := range r.Differences {
		fmt.Println(d.Kind, d.Path, d.Groups[0].Messages, "of", d.Groups[0].Of, "/", d.Groups[1].Messages, "of", d.Groups[1].Of)
	}
	// Output:
	// path /Invoice/Note 3 of 4 / 0 of 4
}
