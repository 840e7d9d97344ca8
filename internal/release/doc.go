// Package release builds ozgctl's release artefacts: the cross-compiled
// static binaries (reproducible: -trimpath, no build paths, the date of
// the commit instead of the clock), a CycloneDX 1.5 SBOM of each binary
// from the module graph recorded in its build info, and a SHA-256
// checksums file. "make release" runs it through scripts/release.
package release
