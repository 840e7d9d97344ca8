// Command ozgctl converts FIM definitions and checks XÖV messages.
package main

import (
	"os"

	"github.com/ozgctl/ozgctl/internal/cli"
	"github.com/ozgctl/ozgctl/internal/cli/iostreams"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], iostreams.System()))
}
