# ozgctl build, test and benchmark targets.
GO        ?= go
VERSION   ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
COMMIT    ?= $(shell git rev-parse HEAD 2>/dev/null)
LDFLAGS   := -s -w -X github.com/ozgctl/ozgctl/internal/cli.version=$(VERSION) -X github.com/ozgctl/ozgctl/internal/cli.commit=$(COMMIT)
BIN       ?= bin/ozgctl

.PHONY: build install release docker docs loadtest soak test test-race test-xsd test-xsd-full lint bench fuzz clean

build:
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/ozgctl

## install: the same static binary into $(go env GOBIN) or $(go env GOPATH)/bin
install:
	CGO_ENABLED=0 $(GO) install -trimpath -ldflags '$(LDFLAGS)' ./cmd/ozgctl

## release: cross-compiled static binaries (linux, darwin, windows ×
## amd64, arm64) with -trimpath and the version stamped, a CycloneDX SBOM
## of each (NAME.cdx.json) and SHA256SUMS, all in $(DIST); the same commit
## gives the same bytes (internal/release, TestReproducible)
DIST ?= dist
release:
	rm -rf $(DIST)
	$(GO) run ./scripts/release -dist $(DIST) -version $(VERSION) -commit $(COMMIT)

## docs: regenerate the Markdown CLI reference and the man pages in
## docs/cli from the command tree (TestCLIDocsInSync fails when stale)
docs:
	$(GO) test -count=1 -run TestCLIDocsInSync ./internal/cli -args -update

## loadtest: "ozgctl serve" on loopback under 1, 8 and 64 clients sending
## the XRechnung test-suite invoices (needs the corpus); soak: 8 clients for
## SOAK (default 10m), RSS logged every tenth
LOADTEST_DURATION ?= 10s
SOAK ?= 10m
loadtest:
	OZGCTL_LOADTEST=1 OZGCTL_LOADTEST_DURATION=$(LOADTEST_DURATION) $(GO) test -count=1 -run 'TestLoad$$' -v -timeout 0 ./pkg/serve/api
soak:
	OZGCTL_SOAK=$(SOAK) $(GO) test -count=1 -run 'TestSoak$$' -v -timeout 0 ./pkg/serve/api

## docker: the container image (Dockerfile: static binary, distroless, non-root)
IMAGE ?= ozgctl:$(VERSION)
docker:
	docker build --build-arg VERSION=$(VERSION) --build-arg COMMIT=$(COMMIT) -t $(IMAGE) .

## test: vet, format check, the whole test suite, and the race detector on
## the tests that run worker pools and shared compiled rules (what CI runs);
## ends with one line per kind of test that was skipped and how to enable it
SKIPLOG := $(CURDIR)/.cache/skipped.txt
test: lint
	@mkdir -p .cache && rm -f $(SKIPLOG)
	CGO_ENABLED=0 OZGCTL_SKIPLOG=$(SKIPLOG) $(GO) test -count=1 ./...
	$(MAKE) test-xsd
	$(MAKE) test-race
	@bash scripts/skipped.sh $(SKIPLOG)

# The race detector needs cgo (gcc is on the machine). It runs where
# goroutines share state: the pool and pipeline packages whole, and the
# concurrency tests of the packages whose other tests are single-threaded
# (under -race those would cost minutes and find nothing).
test-race:
	CGO_ENABLED=1 $(GO) test -race -count=1 ./pkg/batch/... ./pkg/conformance ./internal/membudget/... ./internal/cli/check/... ./pkg/serve/... ./internal/cli/serve/...
	CGO_ENABLED=1 $(GO) test -race -count=1 -run 'TestStageConcurrent' ./pkg/conformance/profile
	CGO_ENABLED=1 $(GO) test -race -count=1 -run 'TestConcurrentEvaluate' ./pkg/schematron
	CGO_ENABLED=1 $(GO) test -race -count=1 -run 'TestCheckCodesConcurrent|TestCacheConcurrentWriters' ./pkg/xoev
	CGO_ENABLED=1 $(GO) test -race -count=1 -run 'TestJobsSameOutput' ./internal/cli/fim/lint
	CGO_ENABLED=1 $(GO) test -race -count=1 -run 'TestLint' ./internal/cli/process
	cd $(XSD_DIR) && CGO_ENABLED=1 $(GO) test -race -count=1 -run 'Concurrent|PatternDFAFallsBack' ./internal/runtime

## test-xsd: the unit tests of the carried jacoelho/xsd (third_party/xsd),
## santhosh-tekuri/jsonschema (third_party/jsonschema; its one example that
## needs the network is skipped), lestrrat-go/helium (third_party/helium;
## the tests of its left-out libxml2 corpus are skipped) and
## olekukonko/tablewriter (third_party/tablewriter), dlclark/regexp2
## (third_party/regexp2; its two tests that need a 2 ms and a 5 ms timer to
## hold, and flake on a loaded machine, are skipped), subosito/gotenv (third_party/gotenv; its TestScanner, which fails
## on the unmodified v1.6.0 as well, is skipped), go.yaml.in/yaml/v3
## (third_party/yaml), mattn/go-runewidth (third_party/runewidth), spf13/cast
## (third_party/cast; its six TestStringMap* tests, which fail on the unmodified
## v1.10.0 as well, are skipped) and Go 1.26.8's text/template and html/template
## (third_party/template), nested modules that `go test ./...` skips. test-xsd-full adds its
## architecture tests, its wasm build and, with XSD_HARNESS_DIR set to an
## upstream tests/ directory holding the W3C corpus, its conformance harness.
XSD_DIR      := third_party/xsd
# the tests of the carried helium that read its left-out libxml2 corpus
HELIUM_SKIP  := ^(TestConditionalSection|TestCopyDTDInfo|TestCopyDocWithDTD|TestDTDRemoveElement|TestDocumentFree|TestElementDeclAndAttrDeclAccessors|TestGoldenFiles|TestHeliumLintGolden|TestSAXEvents|TestWriterOptions|TestXMLToDOMToXMLString)$$
XSD_UNIT_PKGS := . ./internal/... ./xsderrors ./cmd/xmllint ./cmd/xsdweb
test-xsd:
	cd $(XSD_DIR) && CGO_ENABLED=0 $(GO) vet ./... && CGO_ENABLED=0 $(GO) test -count=1 $(XSD_UNIT_PKGS)
	cd third_party/jsonschema && CGO_ENABLED=0 $(GO) test -count=1 -skip 'Example_fromHTTPS' ./...
	cd third_party/helium && CGO_ENABLED=0 $(GO) vet ./... && CGO_ENABLED=0 $(GO) test -count=1 -skip '$(HELIUM_SKIP)' ./...
	cd third_party/tablewriter && CGO_ENABLED=0 $(GO) test -count=1 ./...
	cd third_party/regexp2 && CGO_ENABLED=0 $(GO) test -count=1 -skip '^(TestStopTimeoutClock|TestIncorrectTimeoutError)$$' ./...
	cd third_party/gotenv && CGO_ENABLED=0 $(GO) vet ./... && CGO_ENABLED=0 $(GO) test -count=1 -skip '^TestScanner$$' ./...
	cd third_party/yaml && CGO_ENABLED=0 $(GO) vet ./... && CGO_ENABLED=0 $(GO) test -count=1 ./...
	cd third_party/template && CGO_ENABLED=0 $(GO) vet ./... && CGO_ENABLED=0 $(GO) test -count=1 ./...
	cd third_party/runewidth && CGO_ENABLED=0 $(GO) vet ./... && CGO_ENABLED=0 $(GO) test -count=1 ./...
	cd third_party/cast && CGO_ENABLED=0 $(GO) vet ./... && CGO_ENABLED=0 $(GO) test -count=1 -skip '^TestStringMap(|Bool|Int|Int64|String|StringSlice)$$' ./...

test-xsd-full:
	cd $(XSD_DIR) && CGO_ENABLED=0 $(GO) test -count=1 ./...

# lint: gofmt on every Go file (the carried third_party copies included; test-xsd
# vets them) and go vet on ours
lint:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	CGO_ENABLED=0 $(GO) vet ./...

## bench: Go benchmarks plus the peer tools on the same inputs, ratios printed
bench: build
	bash scripts/bench.sh

## fuzz: run every reader fuzz target for FUZZTIME each
FUZZTIME ?= 60s
fuzz:
	bash scripts/fuzz.sh $(FUZZTIME)

clean:
	rm -rf bin $(DIST)
