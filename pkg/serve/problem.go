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
var (
	msgUnauthorized  = finding.Register("serve.unauthorized", "Nicht angemeldet", "Unauthorized")
	msgUnauthorizedD = finding.Register("serve.unauthorized.detail", "Die Anfrage braucht den Header \"Authorization: Bearer TOKEN\" mit dem Token des Dienstes.", "The request needs the header \"Authorization: Bearer TOKEN\" with the service's token.")
	msgTooLarge      = finding.Register("serve.body-too-large", "Anfrage zu groß", "Request body too large")
	msgTooLargeD     = finding.Register("serve.body-too-large.detail", "Der Inhalt der Anfrage ist größer als %d Bytes (serve.max-body); teilen Sie den Stapel auf oder erhöhen Sie die Grenze.", "The request body is larger than %d bytes (serve.max-body); split the batch or raise the limit.")
	msgBusy          = finding.Register("serve.busy", "Zu viele Anfragen", "Too many requests")
	msgBusyD         = finding.Register("serve.busy.detail", "Es laufen schon %d Prüfungen (serve.max-inflight); versuchen Sie es nach Retry-After Sekunden wieder.", "%d checks are already running (serve.max-inflight); try again after Retry-After seconds.")
	msgDraining      = finding.Register("serve.shutting-down", "Dienst fährt herunter", "Service shutting down")
	msgDrainingD     = finding.Register("serve.shutting-down.detail", "Diese Instanz nimmt keine neuen Anfragen an; senden Sie die Anfrage an eine andere Instanz.", "This instance takes no new requests; send the request to another instance.")
	msgTimeout       = finding.Register("serve.timeout", "Zeitlimit überschritten", "Request timed out")
	msgTimeoutD      = finding.Register("serve.timeout.detail", "Die Anfrage brauchte länger als %s (serve.timeout); prüfen Sie weniger Nachrichten auf einmal.", "The request took longer than %s (serve.timeout); check fewer messages at once.")
	msgInternal      = finding.Register("serve.internal", "Interner Fehler", "Internal error")
	msgInternalD     = finding.Register("serve.internal.detail", "Ein interner Fehler ist aufgetreten; bitte melden Sie ihn mit der Anfrage.", "An internal error occurred; please report it with the request.")
	msgNotFound      = finding.Register("serve.not-found", "Nicht gefunden", "Not found")
	msgNotFoundD     = finding.Register("serve.not-found.detail", "Es gibt keinen Endpunkt %s; die API beschreibt schemas/serve.openapi.yaml.", "There is no endpoint %s; the API is described in schemas/serve.openapi.yaml.")
	msgMethod        = finding.Register("serve.method-not-allowed", "Methode nicht erlaubt", "Method not allowed")
	msgMethodD       = finding.Register("serve.method-not-allowed.detail", "%s erlaubt die Methode %s nicht (erlaubt: %s).", "%s does not allow the method %s (allowed: %s).")
)
