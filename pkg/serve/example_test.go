package serve_test

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/ozgctl/ozgctl/pkg/serve"
)

// A server with one guarded route: without the token the answer is a
// problem in the language the client asked for.
func Example() {
	srv := serve.New(serve.Options{Token: "s3cret", Limits: serve.Limits{MaxBodyBytes: 1 << 20}})
	srv.Handle("POST /v1/echo", serve.Route{Limited: true}, func(w http.ResponseWriter, r *http.Request) error {
		_, err := io.Copy(w, r.Body)
		return err
	})

	req := httptest.NewRequest("POST", "/v1/echo", strings.NewReader("hallo"))
	req.Header.Set("Accept-Language", "en")
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, req)
	fmt.Println(rec.Code, rec.Header().Get("Content-Type"), rec.Header().Get("Content-Language"))

	req = httptest.NewRequest("POST", "/v1/echo", strings.NewReader("hallo"))
	req.Header.Set("Authorization", "Bearer s3cret")
	rec = httptest.NewRecorder()
	srv.ServeHTTP(rec, req)
	fmt.Println(rec.Code, rec.Body.String())
	// Output:
	// 401 application/problem+json en
	// 200 hallo
}
