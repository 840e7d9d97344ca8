package release

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/ozgctl/ozgctl/internal/testenv"
)

// cdxSchema compiles the CycloneDX 1.5 JSON schema (testdata/cyclonedx,
// Apache-2.0).
func cdxSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	for _, name := range []string{"bom-1.5.schema.json", "spdx.schema.json", "jsf-0.82.schema.json"} {
		testenv.AddSchemaFile(t, c, filepath.Join("testdata/cyclonedx", name), "http://cyclonedx.org/schema/"+name)
	}
	s, err := c.Compile("http://cyclonedx.org/schema/bom-1.5.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func validSBOM(t *testing.T, s *jsonschema.Schema, data []byte) {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("SBOM is not JSON: %v", err)
	}
	if err := s.Validate(v); err != nil {
		t.Fatalf("SBOM not valid CycloneDX 1.5: %v", err)
	}
}

// testBuildInfo is the build info of an ozgctl binary as "go version -m"
// prints it, shortened: a module replaced by a directory among its
// dependencies.
const testBuildInfo = `go	go1.26.8
path	github.com/ozgctl/ozgctl/cmd/ozgctl
mod	github.com/ozgctl/ozgctl	(devel)	
dep	github.com/spf13/cobra	v1.10.2	h1:9Dzo3ZpHgzy6Ubg2a8yRkg+Qs6cEtA4b4MFw+zLrkvU=
dep	github.com/santhosh-tekuri/jsonschema/v6	v6.0.3	
=>	./third_party/jsonschema	(devel)	
dep	golang.org/x/text	v0.44.0	h1:abc=
build	-trimpath=true
build	CGO_ENABLED=0
build	GOOS=linux
build	GOARCH=amd64
`

// TestSBOM: the SBOM of a binary is valid CycloneDX 1.5 and the same
// bytes every time.
func TestSBOM(t *testing.T) {
	bi, err := debug.ParseBuildInfo(testBuildInfo)
	if err != nil {
		t.Fatal(err)
	}
	bi.GoVersion = "go1.26.8" // ParseBuildInfo leaves it to the binary's header
	opts := SBOMOptions{Name: "ozgctl", Version: "v1.2.3", Timestamp: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}
	out, err := CycloneDX(bi, opts)
	if err != nil {
		t.Fatal(err)
	}
	validSBOM(t, cdxSchema(t), out)
	again, _ := CycloneDX(bi, opts)
	if !bytes.Equal(out, again) {
		t.Error("two SBOMs of the same binary differ")
	}
	var bom struct {
		SerialNumber string
		Metadata     struct {
			Timestamp string
			Component struct{ Name, Version, PURL string }
		}
		Components []struct {
			Name, Version, PURL string
			Properties          []struct{ Name, Value string }
		}
	}
	if err := json.Unmarshal(out, &bom); err != nil {
		t.Fatal(err)
	}
	if bom.Metadata.Component.PURL != "pkg:golang/github.com/ozgctl/ozgctl@v1.2.3" || bom.Metadata.Timestamp != "2026-01-02T03:04:05Z" {
		t.Errorf("metadata %+v", bom.Metadata)
	}
	var sawStd, sawReplaced bool
	for _, c := range bom.Components {
		if c.Name == "stdlib" && strings.HasPrefix(c.Version, "go1.") {
			sawStd = true
		}
		if c.Name == "github.com/santhosh-tekuri/jsonschema/v6" {
			for _, p := range c.Properties {
				if p.Name == "go:replaced-by" && p.Value == "./third_party/jsonschema" {
					sawReplaced = true
				}
			}
		}
	}
	for _, c := range bom.Components {
		if strings.Contains(c.PURL, "third_party") || strings.Contains(c.Version, "devel") {
			t.Errorf("a carried copy is listed under its directory: %+v", c)
		}
	}
	if !sawStd || !sawReplaced {
		t.Errorf("stdlib %v, replaced jsonschema %v in %s", sawStd, sawReplaced, out)
	}
	// Another binary, another serial number.
	bi2 := *bi
	bi2.Deps = bi.Deps[:len(bi.Deps)-1]
	other, _ := CycloneDX(&bi2, opts)
	var bom2 struct{ SerialNumber string }
	_ = json.Unmarshal(other, &bom2)
	if bom2.SerialNumber == bom.SerialNumber {
		t.Error("different SBOMs share a serial number")
	}
}

func TestSBOMModuleReplacedByVersion(t *testing.T) {
	bi := &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Path: "example.org/App", Version: "v1.0.0"},
		Deps: []*debug.Module{{Path: "example.org/Lib", Version: "v1.0.0", Replace: &debug.Module{Path: "example.org/fork", Version: "v1.0.1+incompatible", Sum: "h1:x"}}}}
	out, err := CycloneDX(bi, SBOMOptions{})
	if err != nil {
		t.Fatal(err)
	}
	validSBOM(t, cdxSchema(t), out)
	for _, want := range []string{`"purl": "pkg:golang/example.org/fork@v1.0.1%2Bincompatible"`, `"value": "example.org/Lib@v1.0.0"`, `"name": "App"`} {
		if !bytes.Contains(out, []byte(want)) {
			t.Errorf("missing %s in\n%s", want, out)
		}
	}
}

func TestParseTargets(t *testing.T) {
	if got, err := ParseTargets("linux/amd64, windows/arm64"); err != nil || len(got) != 2 || got[1] != (Target{"windows", "arm64"}) {
		t.Errorf("%v %v", got, err)
	}
	for _, bad := range []string{"linux", "/amd64", "linux/", ""} {
		if _, err := ParseTargets(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
	if n := BinaryName("v1", Target{"windows", "amd64"}); n != "ozgctl_v1_windows_amd64.exe" {
		t.Error(n)
	}
}

// TestReproducible builds the linux/amd64 release twice into two
// directories: the binaries, their SBOMs and the checksums are the same
// bytes. It links ozgctl twice (about a minute on a cold cache), so
// -short skips it.
func TestReproducible(t *testing.T) {
	if testing.Short() {
		t.Skip("builds ozgctl twice; run without -short")
	}
	date := time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)
	var dirs [2]string
	var sums [2][]byte
	for i := range dirs {
		dirs[i] = t.TempDir()
		files, err := Build(context.Background(), Options{Root: "../..", Dist: dirs[i], Version: "v0.0.0-test", Commit: "abc", Date: date,
			Targets: []Target{{"linux", "amd64"}}})
		if err != nil {
			t.Fatal(err)
		}
		if len(files) != 2 {
			t.Fatalf("files %v", files)
		}
		if err := WriteChecksums(dirs[i], "SHA256SUMS", files); err != nil {
			t.Fatal(err)
		}
		sums[i], _ = os.ReadFile(filepath.Join(dirs[i], "SHA256SUMS"))
	}
	name := BinaryName("v0.0.0-test", Target{"linux", "amd64"})
	for _, f := range []string{name, name + ".cdx.json"} {
		a, _ := os.ReadFile(filepath.Join(dirs[0], f))
		b, _ := os.ReadFile(filepath.Join(dirs[1], f))
		if len(a) == 0 || !bytes.Equal(a, b) {
			t.Errorf("%s differs between two builds (%d and %d bytes)", f, len(a), len(b))
		}
	}
	if !bytes.Equal(sums[0], sums[1]) || !bytes.Contains(sums[0], []byte("  "+name+"\n")) {
		t.Errorf("checksums:\n%s\n%s", sums[0], sums[1])
	}
	sbom, _ := os.ReadFile(filepath.Join(dirs[0], name+".cdx.json"))
	validSBOM(t, cdxSchema(t), sbom)
	for _, want := range []string{`"name": "go:build:-trimpath",
          "value": "true"`, `"name": "go:build:CGO_ENABLED",
          "value": "0"`, `"name": "go:build:GOOS",
          "value": "linux"`, `pkg:golang/github.com/spf13/cobra@v1.10.2`, `"purl": "pkg:golang/github.com/jacoelho/xsd@v0.4.0"`, `"value": "./third_party/xsd"`} {
		if !bytes.Contains(sbom, []byte(want)) {
			t.Errorf("SBOM lacks %s", want)
		}
	}
	if runtime.GOOS == "linux" && runtime.GOARCH == "amd64" {
		out, err := exec.Command(filepath.Join(dirs[0], name), "version", "--output", "json").Output()
		if err != nil || !bytes.Contains(out, []byte(`"version": "v0.0.0-test"`)) || !bytes.Contains(out, []byte(`"commit": "abc"`)) {
			t.Errorf("version not stamped: %v\n%s", err, out)
		}
	}
}
