package schematron

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/lestrrat-go/helium"
)

func TestScratch(t *testing.T) {
	sch := os.Getenv("SCH")
	if sch == "" {
		t.Skip()
	}
	t0 := time.Now()
	r, err := Compile(sch, Options{Phase: os.Getenv("PHASE")})
	if err != nil {
		t.Fatal(err)
	}
	fmt.Println("compile", time.Since(t0), len(r.checks), "checks")
	for _, f := range []string{os.Getenv("XML")} {
		data, _ := os.ReadFile(f)
		doc, err := helium.NewParser().Parse(context.Background(), data)
		if err != nil {
			t.Fatal(err)
		}
		t1 := time.Now()
		res, err := r.Evaluate(context.Background(), doc)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Println("eval", time.Since(t1))
		for _, f := range res.Fired {
			fmt.Printf("%s %s %s line=%d err=%v %.100s\n", f.ID, f.Severity, f.Location, f.Line, f.Err, f.Message)
		}
	}
}
