package diff_test

import (
	"context"
	"fmt"

	"github.com/ozgctl/ozgctl/pkg/xoev/diff"
)

// Compare two versions of a schema set given as directories.
func ExampleCompare() {
	old, err := diff.Load(context.Background(), "../../../examples/xoev/diff/v1", diff.LoadOptions{})
	if err != nil {
		panic(err)
	}
	nw, err := diff.Load(context.Background(), "../../../examples/xoev/diff/v2", diff.LoadOptions{})
	if err != nil {
		panic(err)
	}
	res := diff.Compare(old, nw)
	fmt.Println(res.Summary.MessagesAdded, res.Summary.BreakingSenders, res.Summary.BreakingReceivers)
	// Output: 1 5 5
}
