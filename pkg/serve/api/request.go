package api

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"path"
	"strings"

	"github.com/ozgctl/ozgctl/pkg/batch"
	"github.com/ozgctl/ozgctl/pkg/finding"
	"github.com/ozgctl/ozgctl/pkg/serve"
)

// options are a request's options: query parameters, or the JSON part
// "options" of a multipart batch (a query parameter wins).
type options struct {
	XSD     string `json:"xsd"`
	Profile string `json:"profile"`
	Output  string `json:"output"`
	FailOn  string `json:"failOn"`
	Lang    string `json:"lang"`
	Name    string `json:"name"`
	Strict  bool   `json:"strict"`
	// fim convert
	To        string `json:"to"`
	Keys      string `json:"keys"`
	BaseURI   string `json:"baseUri"`
	Namespace string `json:"namespace"`
	Package   string `json:"package"`
}

// knownParam reports whether k is a query parameter any route accepts; an
// unknown one is refused, so that a misspelt option is not silently
// ignored.
func knownParam(k string) bool {
	switch k {
	case "xsd", "profile", "output", "failOn", "lang", "name", "strict", "to", "keys", "baseUri", "namespace", "package":
		return true
	}
	return false
}

// fromQuery fills o from the query of r, over what o holds.
func (o *options) fromQuery(r *http.Request) error {
	q := r.URL.Query()
	for k := range q {
		if !knownParam(k) {
			return badRequest("bad-parameter", msgUnknownParam.With(k))
		}
	}
	set := func(dst *string, key string) {
		if v := q.Get(key); v != "" {
			*dst = v
		}
	}
	set(&o.XSD, "xsd")
	set(&o.Profile, "profile")
	set(&o.Output, "output")
	set(&o.FailOn, "failOn")
	set(&o.Lang, "lang")
	set(&o.Name, "name")
	set(&o.To, "to")
	set(&o.Keys, "keys")
	set(&o.BaseURI, "baseUri")
	set(&o.Namespace, "namespace")
	set(&o.Package, "package")
	switch q.Get("strict") {
	case "":
	case "true", "1":
		o.Strict = true
	case "false", "0":
		o.Strict = false
	default:
		return badRequest("bad-parameter", msgBadBool.With("strict", q.Get("strict")))
	}
	return nil
}

// lang returns the language of the answer: the option, else the request's.
func (o *options) lang(r *http.Request) string {
	if o.Lang == "de" || o.Lang == "en" {
		return o.Lang
	}
	return serve.Lang(r)
}

// readInputs reads the messages of a request: the body as one message,
// or each file part of a multipart/form-data body (and its "options"
// part). Names are labels in the report only, reduced to their base name.
func readInputs(r *http.Request, o *options) ([]batch.Input, error) {
	mt, params, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mt != "multipart/form-data" {
		if err := o.fromQuery(r); err != nil {
			return nil, err
		}
		data, err := io.ReadAll(r.Body)
		if err != nil {
			return nil, fmt.Errorf("read body: %w", err)
		}
		if len(data) == 0 {
			return nil, badRequest("empty-body", msgEmptyBody.With())
		}
		name := o.Name
		if name == "" {
			name = "message.xml"
		}
		return []batch.Input{batch.FromBytes(label(name), data)}, nil
	}
	mr := multipart.NewReader(r.Body, params["boundary"])
	var inputs []batch.Input
	seen := map[string]int{}
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var mbe *http.MaxBytesError
			if errors.As(err, &mbe) {
				return nil, err
			}
			return nil, badRequest("bad-multipart", msgBadMultipart.With(err.Error()))
		}
		data, err := io.ReadAll(part)
		part.Close()
		if err != nil {
			var mbe *http.MaxBytesError
			if errors.As(err, &mbe) {
				return nil, err
			}
			return nil, badRequest("bad-multipart", msgBadMultipart.With(err.Error()))
		}
		if part.FormName() == "options" && part.FileName() == "" {
			dec := json.NewDecoder(strings.NewReader(string(data)))
			dec.DisallowUnknownFields()
			if err := dec.Decode(o); err != nil {
				return nil, badRequest("bad-options", msgBadOptions.With(err.Error()))
			}
			continue
		}
		name := part.FileName()
		if name == "" {
			name = part.FormName()
		}
		name = label(name)
		// Two parts of the same name stay apart in the report.
		if n := seen[name]; n > 0 {
			seen[name]++
			name = fmt.Sprintf("%s#%d", name, n+1)
		} else {
			seen[name] = 1
		}
		inputs = append(inputs, batch.FromBytes(name, data))
	}
	if err := o.fromQuery(r); err != nil {
		return nil, err
	}
	if len(inputs) == 0 {
		return nil, badRequest("empty-body", msgEmptyBody.With())
	}
	return inputs, nil
}

// label reduces a client's file name to a base name: it is shown in the
// report and never opened.
func label(name string) string {
	name = strings.ReplaceAll(name, `\`, "/")
	b := path.Base(name)
	if b == "." || b == "/" || b == ".." || b == "" {
		return "message.xml"
	}
	return b
}

func badRequest(kind string, detail finding.Msg) error {
	return &serve.Problem{Status: http.StatusBadRequest, Kind: kind, Title: msgBadRequest.With(), Detail: detail}
}

// The texts of the API's problems.
const (
	msgBadRequest      finding.Key = "serve.api.bad-request"
	msgUnprocessable   finding.Key = "serve.api.unprocessable"
	msgLoadFailedTitle finding.Key = "serve.api.load-failed.title"
	msgUnknownParam    finding.Key = "serve.api.unknown-parameter"
	msgBadBool         finding.Key = "serve.api.bad-bool"
	msgEmptyBody       finding.Key = "serve.api.empty-body"
	msgBadMultipart    finding.Key = "serve.api.bad-multipart"
	msgBadOptions      finding.Key = "serve.api.bad-options"
	msgUnknownName     finding.Key = "serve.api.unknown-name"
	msgNoPipeline      finding.Key = "serve.api.no-pipeline"
	msgBadFormat       finding.Key = "serve.api.bad-output"
	msgBadFailOn       finding.Key = "serve.api.bad-fail-on"
	msgLoadFailed      finding.Key = "serve.api.load-failed"
	msgNotReady        finding.Key = "serve.api.not-ready"
	msgNotReadyD       finding.Key = "serve.api.not-ready.detail"
	msgDrainingReady   finding.Key = "serve.api.draining"
	msgNoTarget        finding.Key = "serve.api.no-target"
	msgBadTarget       finding.Key = "serve.api.bad-target"
	msgBadConvert      finding.Key = "serve.api.bad-convert-options"
	msgUnreadable      finding.Key = "serve.api.unreadable"
	msgConvertFailed   finding.Key = "serve.api.convert-failed"
)

// requestForms holds the message forms of the keys above.
var requestForms = []finding.Form{
	{Key: msgBadBool, DE: "Parameter %s: %q ist kein Wahrheitswert (true oder false).", EN: "Parameter %s: %q is not a boolean (true or false)."},
	{Key: msgBadConvert, DE: "Die Optionen passen nicht: %s", EN: "The options do not fit: %s"},
	{Key: msgBadFailOn, DE: "failOn %q: erwartet error, warning oder info.", EN: "failOn %q: want error, warning or info."},
	{Key: msgBadMultipart, DE: "Der multipart/form-data-Inhalt ist fehlerhaft: %s", EN: "The multipart/form-data body is malformed: %s"},
	{Key: msgBadOptions, DE: "Der Teil \"options\" ist kein gültiges JSON der Optionen: %s", EN: "The part \"options\" is not valid JSON of the options: %s"},
	{Key: msgBadFormat, DE: "Ausgabeformat %q gibt es hier nicht; gültig: %s.", EN: "Output format %q is not offered here; valid: %s."},
	{Key: msgBadRequest, DE: "Ungültige Anfrage", EN: "Bad request"},
	{Key: msgBadTarget, DE: "Ziel %q gibt es nicht; gültig: %s.", EN: "Target %q does not exist; valid: %s."},
	{Key: msgConvertFailed, DE: "%s lässt sich nicht nach %s umwandeln: %s", EN: "%s cannot be converted to %s: %s"},
	{Key: msgDrainingReady, DE: "Diese Instanz fährt herunter und nimmt keine neuen Anfragen an.", EN: "This instance is shutting down and takes no new requests."},
	{Key: msgEmptyBody, DE: "Die Anfrage enthält keine Nachricht: senden Sie sie als Inhalt oder als Dateien eines multipart/form-data-Stapels.", EN: "The request holds no message: send it as the body or as the files of a multipart/form-data batch."},
	{Key: msgLoadFailed, DE: "Die Prüfung %s konnte nicht geladen werden: %s", EN: "The check %s could not be loaded: %s"},
	{Key: msgLoadFailedTitle, DE: "Prüfung nicht ladbar", EN: "Check could not be loaded"},
	{Key: msgNoPipeline, DE: "Geben Sie xsd (einen Schemasatz) oder profile an; konfiguriert sind die Schemasätze %s und die Profile %s.", EN: "Give xsd (a schema set) or profile; configured are the schema sets %s and the profiles %s."},
	{Key: msgNoTarget, DE: "Geben Sie das Ziel an: to=%s.", EN: "Give the target: to=%s."},
	{Key: msgNotReady, DE: "Nicht bereit", EN: "Not ready"},
	{Key: msgNotReadyD, DE: "Die konfigurierten Schemasätze und Profile werden noch geladen (oder eines ließ sich nicht laden, siehe GET /v1/profiles).", EN: "The configured schema sets and profiles are still loading (or one failed to load, see GET /v1/profiles)."},
	{Key: msgUnknownName, DE: "%s %q ist nicht konfiguriert; konfiguriert sind: %s. Schemasätze und Profile werden nur über ihre Namen aus ozgctl.yaml gewählt, nie über Pfade.", EN: "%s %q is not configured; configured are: %s. Schema sets and profiles are chosen by their names in ozgctl.yaml only, never by path."},
	{Key: msgUnknownParam, DE: "Unbekannter Parameter %q; erlaubt sind xsd, profile, output, failOn, lang, name, strict, to, keys, baseUri, namespace und package.", EN: "Unknown parameter %q; allowed are xsd, profile, output, failOn, lang, name, strict, to, keys, baseUri, namespace and package."},
	{Key: msgUnprocessable, DE: "Dokument nicht verarbeitbar", EN: "Unprocessable document"},
	{Key: msgUnreadable, DE: "%s ist kein lesbares XDatenfelder-Dokument: %s", EN: "%s is not a readable XDatenfelder document: %s"},
}

func init() { finding.Forms(requestForms) }
