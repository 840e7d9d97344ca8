package api

import (
	"bytes"

	"errors"
	"maps"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/ozgctl/ozgctl/internal/lazy"
	"github.com/ozgctl/ozgctl/pkg/batch"
	"github.com/ozgctl/ozgctl/pkg/finding"
	"github.com/ozgctl/ozgctl/pkg/report"
	"github.com/ozgctl/ozgctl/pkg/serve"
)

const (
	msgKindSet     finding.Key = "serve.api.kind.schema-set"
	msgKindProfile finding.Key = "serve.api.kind.profile"
)

// checkForms holds the message forms of the keys above.
var checkForms = []finding.Form{
	{Key: msgKindProfile, DE: "Profil", EN: "Profile"},
	{Key: msgKindSet, DE: "Schemasatz", EN: "Schema set"},
}

func init() { finding.Forms(checkForms) }

// exitCodeHeader carries the exit code "ozgctl check" would have ended
// with on the same messages: 0, 1 (findings at or above failOn) or 2 (a
// message could not be checked).
const exitCodeHeader = "Ozgctl-Exit-Code"

// contentTypes are the media types of the report formats.
var contentTypes = lazy.Value[map[string]string]{F: func() map[string]string {
	return map[string]string{
		report.FormatText:  "text/plain; charset=utf-8",
		report.FormatJSON:  "application/json",
		report.FormatJUnit: "application/xml",
		report.FormatSARIF: "application/sarif+json",
		report.FormatHTML:  "text/html; charset=utf-8",
		report.FormatSVRL:  "application/xml",
	}
}}

// check answers POST /v1/check: the messages through the pipeline the
// options name, the report in the requested format.
func (a *API) check(w http.ResponseWriter, r *http.Request) error {
	var o options
	inputs, err := readInputs(r, &o)
	if err != nil {
		return err
	}
	key, err := a.pickPipeline(o)
	if err != nil {
		return err
	}
	render, failOn, err := reportOptions(o, report.Formats())
	if err != nil {
		return err
	}
	p, err := a.pipeline(r.Context(), key)
	if err != nil {
		return &serve.Problem{Status: http.StatusInternalServerError, Kind: "load-failed", Title: msgLoadFailedTitle.With(), Detail: msgLoadFailed.With(key.String(), err.Error()), Err: err}
	}
	ctx := r.Context()
	files := batch.Run(ctx, inputs, p.Stages, batch.Options{Workers: a.cfg.Jobs})
	if err := ctx.Err(); err != nil {
		return err
	}
	rep := &finding.Report{Tool: "ozgctl", Version: a.cfg.Version, Command: "ozgctl serve: POST " + r.URL.RequestURI(), Files: files, FailOn: failOn, Rules: p.Rules}
	rep.SortFiles()
	a.countFindings(files)
	return writeReport(w, rep, o.Output, render, o.lang(r))
}

// pickPipeline resolves the options' configured names; with neither
// given, the only configured pipeline is taken.
func (a *API) pickPipeline(o options) (pipeKey, error) {
	k := pipeKey{set: o.XSD, profile: o.Profile}
	if k.set == "" && k.profile == "" {
		switch {
		case len(a.cfg.SchemaSets) == 1 && len(a.cfg.Profiles) == 0:
			k.set = slices.Collect(maps.Keys(a.cfg.SchemaSets))[0]
		case len(a.cfg.Profiles) == 1 && len(a.cfg.SchemaSets) == 0:
			k.profile = slices.Collect(maps.Keys(a.cfg.Profiles))[0]
		default:
			return k, badRequest("no-pipeline", msgNoPipeline.With(names(a.cfg.SchemaSets), names(a.cfg.Profiles)))
		}
	}
	if _, ok := a.cfg.SchemaSets[k.set]; k.set != "" && !ok {
		return k, badRequest("unknown-name", msgUnknownName.With(msgKindSet.With(), k.set, names(a.cfg.SchemaSets)))
	}
	if _, ok := a.cfg.Profiles[k.profile]; k.profile != "" && !ok {
		return k, badRequest("unknown-name", msgUnknownName.With(msgKindProfile.With(), k.profile, names(a.cfg.Profiles)))
	}
	return k, nil
}

func names[V any](m map[string]V) string {
	if len(m) == 0 {
		return "–"
	}
	return strings.Join(slices.Sorted(maps.Keys(m)), ", ")
}

// reportOptions checks the output format (default json) and failOn
// (default error) of o against formats.
func reportOptions(o options, formats []string) (report.Func, finding.Severity, error) {
	if o.Output == "" {
		o.Output = report.FormatJSON
	}
	f, err := report.Lookup(o.Output, formats...)
	var ue *report.UnknownFormatError
	if errors.As(err, &ue) {
		return nil, 0, badRequest("bad-output", msgBadFormat.With(o.Output, strings.Join(ue.Valid, ", ")))
	}
	failOn := finding.Error
	if o.FailOn != "" {
		failOn, err = finding.ParseSeverity(o.FailOn)
		if err != nil {
			return nil, 0, badRequest("bad-fail-on", msgBadFailOn.With(o.FailOn))
		}
	}
	return f, failOn, nil
}

// writeReport renders rep into memory and answers it with its media type
// and the exit code header.
func writeReport(w http.ResponseWriter, rep *finding.Report, format string, f report.Func, lang string) error {
	if format == "" {
		format = report.FormatJSON
	}
	code := rep.ExitCode()
	var buf bytes.Buffer
	if err := f(&buf, rep, report.Options{ExitCode: code, Lang: lang}); err != nil {
		return err
	}
	h := w.Header()
	h.Set("Content-Type", contentTypes.Get()[format])
	h.Set("Content-Language", lang)
	h.Set(exitCodeHeader, strconv.Itoa(code))
	w.WriteHeader(http.StatusOK)
	_, err := w.Write(buf.Bytes())
	return err
}
