package report

import (
	"cmp"
	"encoding/json"
	"io"
	"net/url"
	"path/filepath"
	"slices"
	"strings"

	"github.com/ozgctl/ozgctl/pkg/finding"
)

// renderSARIF renders a SARIF 2.1.0 log with one run; the rules come from the
// report's rule list plus any rule id seen in a finding, sorted.
func renderSARIF(w io.Writer, r *finding.Report, opts Options) error {
	type message struct {
		Text string `json:"text"`
	}
	type artifactLocation struct {
		URI string `json:"uri"`
	}
	type region struct {
		StartLine   int `json:"startLine,omitempty"`
		StartColumn int `json:"startColumn,omitempty"`
	}
	type physicalLocation struct {
		ArtifactLocation artifactLocation `json:"artifactLocation"`
		Region           *region          `json:"region,omitempty"`
	}
	type logicalLocation struct {
		FullyQualifiedName string `json:"fullyQualifiedName"`
	}
	type location struct {
		PhysicalLocation physicalLocation  `json:"physicalLocation"`
		LogicalLocations []logicalLocation `json:"logicalLocations,omitempty"`
	}
	type relatedLocation struct {
		ID               int              `json:"id"`
		PhysicalLocation physicalLocation `json:"physicalLocation"`
	}
	type suppression struct {
		Kind          string `json:"kind"`
		Justification string `json:"justification,omitempty"`
	}
	type result struct {
		RuleID           string            `json:"ruleId"`
		RuleIndex        int               `json:"ruleIndex"`
		Level            string            `json:"level"`
		Message          message           `json:"message"`
		Locations        []location        `json:"locations"`
		RelatedLocations []relatedLocation `json:"relatedLocations,omitempty"`
		// Suppressions is present, with kind external, when a baseline or
		// an ignore entry of the configuration accepts the result.
		Suppressions []suppression `json:"suppressions,omitempty"`
	}
	type config struct {
		Level string `json:"level"`
	}
	type rule struct {
		ID                   string   `json:"id"`
		ShortDescription     *message `json:"shortDescription,omitempty"`
		Help                 *message `json:"help,omitempty"`
		HelpURI              string   `json:"helpUri,omitempty"`
		DefaultConfiguration *config  `json:"defaultConfiguration,omitempty"`
	}
	type driver struct {
		Name           string `json:"name"`
		Version        string `json:"version,omitempty"`
		InformationURI string `json:"informationUri,omitempty"`
		Rules          []rule `json:"rules"`
	}
	type invocation struct {
		ExecutionSuccessful bool             `json:"executionSuccessful"`
		ExitCode            int              `json:"exitCode"`
		CommandLine         string           `json:"commandLine,omitempty"`
		Notifications       []map[string]any `json:"toolExecutionNotifications,omitempty"`
	}
	type run struct {
		Tool struct {
			Driver driver `json:"driver"`
		} `json:"tool"`
		Invocations []invocation `json:"invocations"`
		Results     []result     `json:"results"`
	}
	type log struct {
		Schema  string `json:"$schema"`
		Version string `json:"version"`
		Runs    []run  `json:"runs"`
	}

	rules := map[string]finding.RuleInfo{}
	for _, ri := range r.Rules {
		rules[ri.ID] = ri
	}
	for i := range r.Files {
		for _, f := range r.Files[i].Findings {
			if _, ok := rules[f.Rule]; !ok {
				rules[f.Rule] = finding.RuleInfo{ID: f.Rule, URL: f.URL}
			}
		}
	}
	ids := make([]string, 0, len(rules))
	for id := range rules {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	index := make(map[string]int, len(ids))
	var ru run
	ru.Tool.Driver = driver{Name: toolName(r), Version: r.Version, InformationURI: "https://github.com/ozgctl/ozgctl", Rules: []rule{}}
	for i, id := range ids {
		index[id] = i
		ri := rules[id]
		x := rule{ID: id, HelpURI: ri.URL}
		if ri.Title != "" {
			x.ShortDescription = &message{Text: ri.Title}
		}
		if ri.Help != "" {
			x.Help = &message{Text: ri.Help}
		}
		if ri.Severity.Valid() {
			x.DefaultConfiguration = &config{Level: sarifLevel(ri.Severity)}
		}
		ru.Tool.Driver.Rules = append(ru.Tool.Driver.Rules, x)
	}
	inv := invocation{ExecutionSuccessful: opts.ExitCode < 2 && !r.Interrupted, ExitCode: opts.ExitCode, CommandLine: r.Command}
	if r.Interrupted {
		s := finding.Summarize(r)
		inv.Notifications = append(inv.Notifications, map[string]any{
			"level": "error", "descriptor": map[string]string{"id": "interrupted"},
			"message": message{Text: msgInterrupted.With(s.NotChecked, s.Files).Text(opts.Lang)},
		})
	}
	ru.Results = []result{}
	for i := range r.Files {
		fr := &r.Files[i]
		if fr.Err != nil {
			text := inputErrorText(fr, opts.Lang)
			inv.Notifications = append(inv.Notifications, map[string]any{
				"level":   "error",
				"message": message{Text: text},
				"locations": []location{{PhysicalLocation: physicalLocation{
					ArtifactLocation: artifactLocation{URI: sarifURI(fr.File)}}}},
			})
		}
		for _, f := range fr.Findings {
			loc := location{PhysicalLocation: physicalLocation{ArtifactLocation: artifactLocation{URI: sarifURI(findingFile(fr, &f))}}}
			if f.Line > 0 {
				loc.PhysicalLocation.Region = &region{StartLine: f.Line, StartColumn: f.Column}
			}
			if f.Path != "" {
				loc.LogicalLocations = []logicalLocation{{FullyQualifiedName: f.Path}}
			}
			res := result{RuleID: f.Rule, RuleIndex: index[f.Rule], Level: sarifLevel(f.Severity),
				Message: message{Text: f.Text(opts.Lang)}, Locations: []location{loc}}
			for i, p := range f.Related {
				rel := relatedLocation{ID: i + 1, PhysicalLocation: physicalLocation{ArtifactLocation: artifactLocation{URI: sarifURI(cmp.Or(p.File, findingFile(fr, &f)))}}}
				if p.Line > 0 {
					rel.PhysicalLocation.Region = &region{StartLine: p.Line, StartColumn: p.Column}
				}
				res.RelatedLocations = append(res.RelatedLocations, rel)
			}
			if f.Suppressed != nil {
				res.Suppressions = []suppression{{Kind: "external", Justification: suppressionMarker(f.Suppressed, opts.Lang)}}
			}
			ru.Results = append(ru.Results, res)
		}
	}
	ru.Invocations = []invocation{inv}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(log{Schema: "https://json.schemastore.org/sarif-2.1.0.json", Version: "2.1.0", Runs: []run{ru}})
}

func sarifLevel(s finding.Severity) string {
	switch s {
	case finding.Error:
		return "error"
	case finding.Warning:
		return "warning"
	}
	return "note"
}

// sarifURI turns a path as given into a URI reference: a relative path
// becomes a relative reference with forward slashes, an absolute one a
// file URI, both percent-encoded (spaces, "#", "?", "%", non-ASCII), so
// that SARIF viewers resolve it against the checkout.
func sarifURI(p string) string {
	if p == "-" {
		return "stdin"
	}
	p = filepath.ToSlash(p)
	if filepath.IsAbs(filepath.FromSlash(p)) || strings.HasPrefix(p, "/") {
		if !strings.HasPrefix(p, "/") {
			p = "/" + p // C:/x → /C:/x
		}
		return (&url.URL{Scheme: "file", Path: p}).String()
	}
	p = strings.TrimPrefix(p, "./")
	u := (&url.URL{Path: p}).EscapedPath()
	if first, _, _ := strings.Cut(u, "/"); strings.Contains(first, ":") {
		// "a:b.xml" would read as a URI with scheme "a".
		u = "./" + u
	}
	return u
}
