// Command ozgctl converts FIM definitions and checks XÖV messages.
package main

import (
	// It sets up the runtime before most other packages initialise.
	_ "github.com/ozgctl/ozgctl/internal/startup"

	"os"

	"github.com/ozgctl/ozgctl/internal/cli"
	"github.com/ozgctl/ozgctl/internal/cli/iostreams"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], iostreams.System()))
}
