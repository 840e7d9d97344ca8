// Package serve is the HTTP machinery of "ozgctl serve", free of any
// standard's logic: routes registered by Go 1.22 patterns, a bearer token,
// a request body limit, a per-request timeout, a limit of concurrent work
// answered with 429 and Retry-After, a graceful shutdown that lets
// in-flight requests finish and answers new ones with 503, errors as RFC
// 9457 problem details in German or English, and metrics in the
// Prometheus text exposition format.
//
// The routes of ozgctl's API (check, FIM lint and convert, profiles) live
// in package [github.com/ozgctl/ozgctl/pkg/serve/api]; this package knows
// nothing of them.
package serve
