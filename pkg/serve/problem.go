package serve

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"

	"github.com/ozgctl/ozgctl/pkg/finding"
)

// problemTypeBase prefixes the type URI of every problem this server
// answers with; the suffix is the problem's kind ("body-too-large").
const problemTypeBase = "https://github.com/ozgctl/ozgctl/blob/main/docs/serve.md#problem-"

// Problem is an error answered as an RFC 9457 problem details object. Its
// title and detail are message keys, rendered in the request's language.
type Problem struct {
	// Status is the HTTP status code.
	Status int
	// Kind names the problem; the type URI is problemTypeBase + Kind.
	Kind string
	// Title is the short summary, the same for every problem of a kind.
	Title finding.Msg
	// Detail says what went wrong in this request and what to do.
	Detail finding.Msg
	// RetryAfter, if positive, is sent as the Retry-After header in seconds.
	RetryAfter int
	// Err is the underlying error, for logs; it is never sent.
	Err error
}

// Error implements error.
func (p *Problem) Error() string {
	s := p.Kind + ": " + p.Detail.Text("en")
	if p.Err != nil {
		s += ": " + p.Err.Error()
	}
	return s
}

// Unwrap returns the underlying error.
func (p *Problem) Unwrap() error { return p.Err }

// problemJSON is the body of a problem answer (RFC 9457, section 3.1).
type problemJSON struct {
	Type     string `json:"type"`
	Title    string `json:"title"`
	Status   int    `json:"status"`
	Detail   string `json:"detail,omitempty"`
	Instance string `json:"instance,omitempty"`
}

// writeProblem answers r with p as application/problem+json in the
// request's language ([Lang]).
func writeProblem(w http.ResponseWriter, r *http.Request, p *Problem) {
	lang := Lang(r)
	body := problemJSON{
		Type:     problemTypeBase + p.Kind,
		Title:    p.Title.Text(lang),
		Status:   p.Status,
		Instance: r.URL.Path,
	}
	if !p.Detail.IsZero() {
		body.Detail = p.Detail.Text(lang)
	}
	data, _ := json.MarshalIndent(body, "", "  ")
	h := w.Header()
	h.Set("Content-Type", "application/problem+json")
	h.Set("Content-Language", lang)
	h.Set("X-Content-Type-Options", "nosniff")
	if p.RetryAfter > 0 {
		h.Set("Retry-After", strconv.Itoa(p.RetryAfter))
	}
	w.WriteHeader(p.Status)
	_, _ = w.Write(append(data, '\n'))
}

// Lang returns the language of a request's texts: the "lang" query
// parameter when it is "de" or "en", else the first of them that
// Accept-Language prefers, else German.
func Lang(r *http.Request) string {
	if l := r.URL.Query().Get("lang"); l == "de" || l == "en" {
		return l
	}
	best, bestQ := "de", -1.0
	for _, part := range strings.Split(r.Header.Get("Accept-Language"), ",") {
		tag, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		tag = strings.ToLower(strings.TrimSpace(tag))
		base, _, _ := strings.Cut(tag, "-")
		if base != "de" && base != "en" {
			continue
		}
		q := 1.0
		if v, ok := strings.CutPrefix(strings.TrimSpace(params), "q="); ok {
			f, err := strconv.ParseFloat(v, 64)
			if err != nil {
				continue
			}
			q = f
		}
		if q > bestQ && q > 0 {
			best, bestQ = base, q
		}
	}
	return best
}

// The titles and details of the problems this package answers with.
const (
	msgUnauthorized  finding.Key = "serve.unauthorized"
	msgUnauthorizedD finding.Key = "serve.unauthorized.detail"
	msgTooLarge      finding.Key = "serve.body-too-large"
	msgTooLargeD     finding.Key = "serve.body-too-large.detail"
	msgBusy          finding.Key = "serve.busy"
	msgBusyD         finding.Key = "serve.busy.detail"
	msgDraining      finding.Key = "serve.shutting-down"
	msgDrainingD     finding.Key = "serve.shutting-down.detail"
	msgTimeout       finding.Key = "serve.timeout"
	msgTimeoutD      finding.Key = "serve.timeout.detail"
	msgInternal      finding.Key = "serve.internal"
	msgInternalD     finding.Key = "serve.internal.detail"
	msgNotFound      finding.Key = "serve.not-found"
	msgNotFoundD     finding.Key = "serve.not-found.detail"
	msgMethod        finding.Key = "serve.method-not-allowed"
	msgMethodD       finding.Key = "serve.method-not-allowed.detail"
)

// problemForms holds the message forms of the keys above.
var problemForms = []finding.Form{
	{Key: msgTooLarge, DE: "Anfrage zu groß", EN: "Request body too large"},
	{Key: msgTooLargeD, DE: "Der Inhalt der Anfrage ist größer als %d Bytes (serve.max-body); teilen Sie den Stapel auf oder erhöhen Sie die Grenze.", EN: "The request body is larger than %d bytes (serve.max-body); split the batch or raise the limit."},
	{Key: msgBusy, DE: "Zu viele Anfragen", EN: "Too many requests"},
	{Key: msgBusyD, DE: "Es laufen schon %d Prüfungen (serve.max-inflight); versuchen Sie es nach Retry-After Sekunden wieder.", EN: "%d checks are already running (serve.max-inflight); try again after Retry-After seconds."},
	{Key: msgInternal, DE: "Interner Fehler", EN: "Internal error"},
	{Key: msgInternalD, DE: "Ein interner Fehler ist aufgetreten; bitte melden Sie ihn mit der Anfrage.", EN: "An internal error occurred; please report it with the request."},
	{Key: msgMethod, DE: "Methode nicht erlaubt", EN: "Method not allowed"},
	{Key: msgMethodD, DE: "%s erlaubt die Methode %s nicht (erlaubt: %s).", EN: "%s does not allow the method %s (allowed: %s)."},
	{Key: msgNotFound, DE: "Nicht gefunden", EN: "Not found"},
	{Key: msgNotFoundD, DE: "Es gibt keinen Endpunkt %s; die API beschreibt schemas/serve.openapi.yaml.", EN: "There is no endpoint %s; the API is described in schemas/serve.openapi.yaml."},
	{Key: msgDraining, DE: "Dienst fährt herunter", EN: "Service shutting down"},
	{Key: msgDrainingD, DE: "Diese Instanz nimmt keine neuen Anfragen an; senden Sie die Anfrage an eine andere Instanz.", EN: "This instance takes no new requests; send the request to another instance."},
	{Key: msgTimeout, DE: "Zeitlimit überschritten", EN: "Request timed out"},
	{Key: msgTimeoutD, DE: "Die Anfrage brauchte länger als %s (serve.timeout); prüfen Sie weniger Nachrichten auf einmal.", EN: "The request took longer than %s (serve.timeout); check fewer messages at once."},
	{Key: msgUnauthorized, DE: "Nicht angemeldet", EN: "Unauthorized"},
	{Key: msgUnauthorizedD, DE: "Die Anfrage braucht den Header \"Authorization: Bearer TOKEN\" mit dem Token des Dienstes.", EN: "The request needs the header \"Authorization: Bearer TOKEN\" with the service's token."},
}

func init() { finding.Forms(problemForms) }
