package cli

import (
	"github.com/ozgctl/ozgctl/internal/cli/check"
	profilecli "github.com/ozgctl/ozgctl/internal/cli/profile"
)

func init() {
	check.RegisterStageProvider(profilecli.CheckStages)
}
