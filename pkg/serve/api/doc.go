// Package api is ozgctl's HTTP API on the guards of package serve: checks
// through the one pipeline builder [conformance.Build], FIM lint and
// convert through package fim, and the health, readiness and metrics
// routes a platform needs.
//
// Requests name schema sets and profiles by the names the operator
// configured, never by a path: no request parameter reaches the file
// system. Each configured pipeline is compiled once ([API.Preload], or on
// the first request that combines a schema set with a profile) and shared
// by every request after.
package api
