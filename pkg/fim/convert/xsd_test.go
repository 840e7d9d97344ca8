package convert

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/jacoelho/xsd"
)

func TestXSDCorpus(t *testing.T) {
	for _, in := range corpusInputs(t) {
		t.Run(in.name, func(t *testing.T) {
			for _, keys := range []KeyStyle{KeysID, KeysName} {
				c, ok := load(t, in, Options{Keys: keys})
				if !ok {
					t.Skip("not a convertible document")
				}
				out, err := c.Convert("xsd")
				if err != nil {
					t.Fatal(err)
				}
				eng, err := xsd.Compile(xsd.Bytes("schema.xsd", out))
				if err != nil {
					t.Fatalf("generated XSD does not compile: %v\n%s", err, out)
				}
				for _, mode := range []SampleMode{SampleMinimal, SampleDefault, SampleFull} {
					inst, err := c.Sample("xml", mode)
					if want := unsatisfiable[filepath.Base(in.path)]; want != "" {
						var se *SampleError
						if !errors.As(err, &se) {
							t.Fatalf("sample: got %v, want a SampleError", err)
						}
						continue
					}
					if err != nil {
						t.Fatalf("sample %s: %v", mode, err)
					}
					if err := eng.Validate(bytes.NewReader(inst)); err != nil {
						t.Errorf("%s sample does not validate: %v\n%s", mode, err, inst)
					}
				}
			}
		})
	}
}

// TestXSDXmllint checks the XSDs and XML samples with libxml2 as a second,
// independent XSD processor.
func TestXSDXmllint(t *testing.T) {
	xmllint := lookTool(t, "xmllint", "apt-get install libxml2-utils")
	dir := t.TempDir()
	for _, in := range corpusInputs(t) {
		c, ok := load(t, in, Options{})
		if !ok {
			continue
		}
		t.Run(in.name, func(t *testing.T) {
			out, err := c.Convert("xsd")
			if err != nil {
				t.Fatal(err)
			}
			xsdPath := filepath.Join(dir, "schema.xsd")
			os.WriteFile(xsdPath, out, 0o644)
			inst, err := c.Sample("xml", SampleFull)
			if err != nil {
				var se *SampleError
				if errors.As(err, &se) && unsatisfiable[filepath.Base(in.path)] != "" {
					inst = []byte("<x/>") // still compiles the schema below
				} else {
					t.Fatal(err)
				}
			}
			instPath := filepath.Join(dir, "sample.xml")
			os.WriteFile(instPath, inst, 0o644)
			cmd := exec.Command(xmllint, "--noout", "--schema", xsdPath, instPath)
			msg, err := cmd.CombinedOutput()
			if unsatisfiable[filepath.Base(in.path)] != "" {
				if bytes.Contains(msg, []byte("failed to compile")) || bytes.Contains(msg, []byte("parser error")) {
					t.Errorf("xmllint: schema does not compile: %s", msg)
				}
				return
			}
			if err != nil {
				t.Errorf("xmllint: %v\n%s", err, msg)
			}
		})
	}
}
