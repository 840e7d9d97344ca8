package batch_test

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/ozgctl/ozgctl/pkg/batch"
	"github.com/ozgctl/ozgctl/pkg/finding"
)

// Run checks inputs with stages on several workers; the results come back
// in input order whatever the number of workers.
func ExampleRun() {
	inputs, _ := batch.ExpandInputs([]string{"-"}, strings.NewReader("<a/>"))
	size := batch.StageFunc{ID: "size", Fn: func(ctx context.Context, msg *batch.Message, res *finding.FileResult) error {
		rc, err := msg.Input.Open()
		if err != nil {
			return err
		}
		defer rc.Close()
		n, _ := io.Copy(io.Discard, rc)
		if n < 10 {
			res.Findings = append(res.Findings, finding.Finding{Rule: "demo:tiny", Severity: finding.Warning,
				Message: fmt.Sprintf("only %d bytes", n)})
		}
		return nil
	}}
	results := batch.Run(context.Background(), inputs, []batch.Stage{size}, batch.Options{Workers: 2})
	for _, r := range results {
		fmt.Println(r.File, r.Valid(), r.Findings[0].Rule, r.Findings[0].Message)
	}
	// Output:
	// - true demo:tiny only 4 bytes
}
