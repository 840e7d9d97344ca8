package migrate_test

import (
	"context"
	"fmt"

	"github.com/ozgctl/ozgctl/pkg/fim"
	"github.com/ozgctl/ozgctl/pkg/fim/migrate"
)

// Migrate a real XDatenfelder 2.0 schema to 3.0.0 and write it.
func ExampleMigrate() {
	doc, _, err := fim.ReadFile("../testdata/xdf2/S00000094V1.0_xdf2.xml", fim.ReadOptions{})
	if err != nil {
		panic(err)
	}
	res, err := migrate.Migrate(context.Background(), doc, migrate.Options{To: fim.XDF3})
	if err != nil {
		panic(err)
	}
	out, err := fim.Marshal(res.Doc, fim.WriteOptions{Version: fim.XDF3})
	if err != nil {
		panic(err)
	}
	fmt.Println(res.Doc.RootIdent, len(out) > 0)
	fmt.Println(res.Notes[0].Message("en"))
	// Output:
	// S00000000094 V1.0.0 true
	// id S00000094 is widened to S00000000094 by the Nummernkreis rule
}
