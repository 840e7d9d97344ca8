package diff_test

import (
	"context"
	"fmt"

	"github.com/ozgctl/ozgctl/pkg/fim"
	"github.com/ozgctl/ozgctl/pkg/fim/diff"
)

// Compare the 2022 and 2023 exports of S00000094 V1.0.
func ExampleCompare() {
	old, _, err := fim.ReadFile("../testdata/xdf2/S00000094V1.0_xdf2.xml", fim.ReadOptions{})
	if err != nil {
		panic(err)
	}
	nw, _, err := fim.ReadFile("testdata/S00000094V1.0_xdf2_2023.xml", fim.ReadOptions{})
	if err != nil {
		panic(err)
	}
	res := diff.Compare(context.Background(), old, nw, diff.Options{})
	fmt.Println(res.SameIdentity, res.Summary.Breaking, res.Summary.Compatible, res.Summary.Editorial)
	// Output: true 13 7 0
}
