package check

import (
	"github.com/ozgctl/ozgctl/internal/cli/cmdutil"
	"github.com/ozgctl/ozgctl/pkg/conformance"
)

func codeListStage(opts *CheckOptions) (conformance.Stage, error) {
	return nil, cmdutil.FlagErrorf("--codelists: not implemented yet")
}
