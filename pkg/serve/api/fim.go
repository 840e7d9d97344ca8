package api

import (
	"bytes"
	"fmt"
	"net/http"
	"strings"

	"github.com/ozgctl/ozgctl/pkg/fim"
	fimconvert "github.com/ozgctl/ozgctl/pkg/fim/convert"
	fimlint "github.com/ozgctl/ozgctl/pkg/fim/lint"
	"github.com/ozgctl/ozgctl/pkg/finding"
	"github.com/ozgctl/ozgctl/pkg/report"
	"github.com/ozgctl/ozgctl/pkg/serve"
)

// lintFormats are the formats of POST /v1/fim/lint, those of "fim lint".
var lintFormats = []string{report.FormatJSON, report.FormatJUnit, report.FormatSARIF, report.FormatText}

// lint answers POST /v1/fim/lint: the quality rules over each
// XDatenfelder document of the request.
func (a *API) lint(w http.ResponseWriter, r *http.Request) error {
	var o options
	inputs, err := readInputs(r, &o)
	if err != nil {
		return err
	}
	render, failOn, err := reportOptions(o, lintFormats)
	if err != nil {
		return err
	}
	fo := fimlint.FileOptions{Strict: o.Strict}
	ctx := r.Context()
	files := make([]finding.FileResult, 0, len(inputs))
	for _, in := range inputs {
		if err := ctx.Err(); err != nil {
			return err
		}
		rc, _ := in.Open() // in memory: cannot fail
		files = append(files, fimlint.CheckFile(ctx, rc, in.Name, fo))
		rc.Close()
	}
	lang := o.lang(r)
	rep := &finding.Report{Tool: "ozgctl", Version: a.cfg.Version, Command: "ozgctl serve: POST " + r.URL.RequestURI(), Files: files,
		FailOn: failOn, Rules: fimlint.FileRuleInfos(lang)}
	rep.SortFiles()
	a.countFindings(files)
	return writeReport(w, rep, o.Output, render, lang)
}

// convert answers POST /v1/fim/convert: one XDatenfelder document into
// the target "to".
func (a *API) convert(w http.ResponseWriter, r *http.Request) error {
	var o options
	inputs, err := readInputs(r, &o)
	if err != nil {
		return err
	}
	targets := strings.Join(fimconvert.TargetNames(), ", ")
	if len(inputs) != 1 {
		return badRequest("one-document", msgOneDocument.With(len(inputs)))
	}
	if o.To == "" {
		return badRequest("bad-target", msgNoTarget.With(targets))
	}
	t, ok := fimconvert.LookupTarget(o.To)
	if !ok {
		return badRequest("bad-target", msgBadTarget.With(o.To, targets))
	}
	opts := fimconvert.Options{BaseURI: o.BaseURI, Namespace: o.Namespace, Keys: fimconvert.KeyStyle(o.Keys), Package: o.Package}
	if err := opts.Validate(); err != nil {
		return badRequest("bad-convert-options", msgBadConvert.With(err.Error()))
	}
	in := inputs[0]
	rc, _ := in.Open()
	doc, _, err := fim.Read(rc, in.Name, fim.ReadOptions{})
	rc.Close()
	if err != nil {
		return &serve.Problem{Status: http.StatusUnprocessableEntity, Kind: "unreadable", Title: msgUnprocessable.With(), Detail: msgUnreadable.With(in.Name, err.Error()), Err: err}
	}
	c, err := fimconvert.New(doc, opts)
	if err == nil {
		var out []byte
		out, err = c.Convert(t.Name)
		if err == nil {
			w.Header().Set("Content-Type", targetType(t.Ext))
			w.Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", strings.TrimSuffix(in.Name, ".xml")+t.Ext))
			w.WriteHeader(http.StatusOK)
			_, err = bytes.NewReader(out).WriteTo(w)
			return err
		}
	}
	return &serve.Problem{Status: http.StatusUnprocessableEntity, Kind: "convert-failed", Title: msgUnprocessable.With(), Detail: msgConvertFailed.With(in.Name, t.Name, err.Error()), Err: err}
}

// targetType is the media type of a generated file by its extension.
func targetType(ext string) string {
	switch {
	case strings.HasSuffix(ext, ".json"):
		return "application/json"
	case ext == ".xsd":
		return "application/xml"
	case ext == ".html":
		return "text/html; charset=utf-8"
	case ext == ".md":
		return "text/markdown; charset=utf-8"
	}
	return "text/plain; charset=utf-8"
}

const msgOneDocument finding.Key = "serve.api.one-document"

// fimForms holds the message forms of the keys above.
var fimForms = []finding.Form{
	{Key: msgOneDocument, DE: "fim/convert wandelt genau ein Dokument um, die Anfrage enthält %d.", EN: "fim/convert converts exactly one document; the request holds %d."},
}

func init() { finding.Forms(fimForms) }
