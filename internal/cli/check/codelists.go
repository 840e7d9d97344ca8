package check

import (
	"fmt"

	"github.com/ozgctl/ozgctl/internal/cli/cmdutil"
	"github.com/ozgctl/ozgctl/pkg/codelist"
	"github.com/ozgctl/ozgctl/pkg/conformance"
	"github.com/ozgctl/ozgctl/pkg/xoev"
)

func codeListStage(opts *CheckOptions) (conformance.Stage, error) {
	if err := cmdutil.CheckDirs("--codelists", opts.CodeLists); err != nil {
		return nil, err
	}
	res := codelist.NewDirResolver(opts.CodeLists...)
	if len(res.All()) == 0 {
		return nil, fmt.Errorf("--codelists: no genericode code list found in %v", opts.CodeLists)
	}
	for _, p := range res.Problems() {
		if !opts.IO.Quiet() {
			fmt.Fprintf(opts.IO.ErrOut, "warning: code list skipped: %v\n", p)
		}
	}
	return conformance.CodeListStage{Options: xoev.CodeCheckOptions{Resolver: res, Strict: opts.StrictCodeLists}, Lang: opts.Output.Lang}, nil
}
