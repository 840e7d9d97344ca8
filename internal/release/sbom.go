package release

import (
	"crypto/sha256"
	"debug/buildinfo"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/url"
	"runtime/debug"
	"slices"
	"strings"
	"time"
)

// SBOMOptions name what the SBOM describes beyond the build info.
type SBOMOptions struct {
	// Name and Version of the application (default: the main module's
	// last path element and version).
	Name, Version string
	// Timestamp is the SBOM's metadata timestamp; zero leaves it out, so
	// that the SBOM of the same binary is the same bytes.
	Timestamp time.Time
}

// ReadBuildInfo reads the build info of the Go binary at path.
func ReadBuildInfo(path string) (*debug.BuildInfo, error) {
	bi, err := buildinfo.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read build info of %s: %w", path, err)
	}
	return bi, nil
}

// The CycloneDX 1.5 JSON structures this package writes; field order is
// the schema's.
type (
	cdxBOM struct {
		BOMFormat    string          `json:"bomFormat"`
		SpecVersion  string          `json:"specVersion"`
		SerialNumber string          `json:"serialNumber"`
		Version      int             `json:"version"`
		Metadata     cdxMetadata     `json:"metadata"`
		Components   []cdxComponent  `json:"components"`
		Dependencies []cdxDependency `json:"dependencies"`
	}
	cdxMetadata struct {
		Timestamp string       `json:"timestamp,omitempty"`
		Tools     cdxTools     `json:"tools"`
		Component cdxComponent `json:"component"`
	}
	cdxTools struct {
		Components []cdxComponent `json:"components"`
	}
	cdxComponent struct {
		Type        string        `json:"type"`
		BOMRef      string        `json:"bom-ref,omitempty"`
		Name        string        `json:"name"`
		Version     string        `json:"version,omitempty"`
		Description string        `json:"description,omitempty"`
		PURL        string        `json:"purl,omitempty"`
		Properties  []cdxProperty `json:"properties,omitempty"`
	}
	cdxProperty struct {
		Name  string `json:"name"`
		Value string `json:"value"`
	}
	cdxDependency struct {
		Ref       string   `json:"ref"`
		DependsOn []string `json:"dependsOn"`
	}
)

// purl returns the package URL of a Go module (purl-spec, type golang:
// namespace and name lower-cased, version percent-encoded).
func purl(path, version string) string {
	p := "pkg:golang/" + strings.ToLower(path)
	if version != "" {
		p += "@" + strings.ReplaceAll(url.PathEscape(version), "+", "%2B")
	}
	return p
}

// CycloneDX returns the CycloneDX 1.5 JSON SBOM of the binary bi
// describes: the application, the Go standard library it was built with,
// and every module linked into it (a replaced module under the version it
// replaces, the replacement named in a property). The SBOM is a function
// of bi and opts only: its serial number is derived from its content.
func CycloneDX(bi *debug.BuildInfo, opts SBOMOptions) ([]byte, error) {
	name, version := opts.Name, opts.Version
	if name == "" {
		name = bi.Main.Path[strings.LastIndex(bi.Main.Path, "/")+1:]
	}
	if version == "" {
		version = bi.Main.Version
	}
	app := cdxComponent{Type: "application", BOMRef: purl(bi.Main.Path, version), Name: name, Version: version,
		PURL: purl(bi.Main.Path, version)}
	app.Properties = append(app.Properties, cdxProperty{"go:module", bi.Main.Path}, cdxProperty{"go:version", bi.GoVersion})
	for _, s := range bi.Settings {
		switch s.Key {
		case "GOOS", "GOARCH", "CGO_ENABLED", "-trimpath", "-ldflags", "vcs", "vcs.revision", "vcs.time", "vcs.modified":
			app.Properties = append(app.Properties, cdxProperty{"go:build:" + s.Key, s.Value})
		}
	}
	goVersion := strings.TrimPrefix(bi.GoVersion, "go")
	std := cdxComponent{Type: "library", BOMRef: purl("stdlib", "go"+goVersion), Name: "stdlib", Version: "go" + goVersion,
		Description: "the Go standard library and runtime", PURL: purl("stdlib", "go"+goVersion)}
	var comps []cdxComponent
	var deps []string
	if goVersion != "" {
		comps, deps = append(comps, std), append(deps, std.BOMRef)
	}
	for _, d := range bi.Deps {
		c := cdxComponent{Type: "library", Name: d.Path, Version: d.Version}
		if d.Replace != nil {
			if local := d.Replace.Version == "" || d.Replace.Version == "(devel)" || strings.HasPrefix(d.Replace.Path, ".") || strings.HasPrefix(d.Replace.Path, "/"); !local {
				// Replaced by another module version: that one is linked.
				c.Name, c.Version = d.Replace.Path, d.Replace.Version
				c.Properties = append(c.Properties, cdxProperty{"go:replaces", d.Path + "@" + d.Version})
			} else {
				// Replaced by a directory of this repository (a carried copy).
				c.Properties = append(c.Properties, cdxProperty{"go:replaced-by", d.Replace.Path})
			}
			if d.Replace.Sum != "" {
				c.Properties = append(c.Properties, cdxProperty{"go:sum", d.Replace.Sum})
			}
		} else if d.Sum != "" {
			c.Properties = append(c.Properties, cdxProperty{"go:sum", d.Sum})
		}
		c.PURL = purl(c.Name, c.Version)
		c.BOMRef = c.PURL
		comps = append(comps, c)
		deps = append(deps, c.BOMRef)
	}
	slices.SortFunc(comps, func(a, b cdxComponent) int { return strings.Compare(a.BOMRef, b.BOMRef) })
	slices.Sort(deps)
	deps = slices.Compact(deps)
	bom := cdxBOM{
		BOMFormat:   "CycloneDX",
		SpecVersion: "1.5",
		Version:     1,
		Metadata: cdxMetadata{
			Tools:     cdxTools{Components: []cdxComponent{{Type: "application", Name: "ozgctl scripts/release", Version: version}}},
			Component: app,
		},
		Components:   comps,
		Dependencies: []cdxDependency{{Ref: app.BOMRef, DependsOn: deps}},
	}
	for _, c := range comps {
		bom.Dependencies = append(bom.Dependencies, cdxDependency{Ref: c.BOMRef, DependsOn: []string{}})
	}
	if !opts.Timestamp.IsZero() {
		bom.Metadata.Timestamp = opts.Timestamp.UTC().Format(time.RFC3339)
	}
	body, err := json.Marshal(bom)
	if err != nil {
		return nil, err
	}
	bom.SerialNumber = serial(body)
	out, err := json.MarshalIndent(bom, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(out, '\n'), nil
}

// serial returns a name-based UUID (version 5 layout, SHA-256 instead of
// SHA-1) of data, as a URN: the same SBOM gets the same serial number.
func serial(data []byte) string {
	h := sha256.Sum256(data)
	u := h[:16]
	u[6] = u[6]&0x0f | 0x50
	u[8] = u[8]&0x3f | 0x80
	x := hex.EncodeToString(u)
	return "urn:uuid:" + x[0:8] + "-" + x[8:12] + "-" + x[12:16] + "-" + x[16:20] + "-" + x[20:32]
}
