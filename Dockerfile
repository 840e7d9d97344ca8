# ozgctl as a container image: a static binary on distroless/static,
# running as a non-root user. Build: make docker (or docker build .).
# Serve: docker run -p 8080:8080 -v $PWD:/work -w /work IMAGE serve

FROM golang:1.26 AS build
WORKDIR /src
# Module downloads first, so that a source change keeps this layer; the
# replaced modules live in third_party/.
COPY go.mod go.sum ./
COPY third_party/ third_party/
RUN go mod download
COPY . .
ARG VERSION=dev
ARG COMMIT=
RUN CGO_ENABLED=0 go build -trimpath \
      -ldflags "-s -w -X github.com/ozgctl/ozgctl/internal/cli.version=${VERSION} -X github.com/ozgctl/ozgctl/internal/cli.commit=${COMMIT}" \
      -o /out/ozgctl ./cmd/ozgctl

# distroless/static: CA certificates, tzdata and /etc/passwd with the
# nonroot user (65532), nothing else: no shell, no package manager.
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/ozgctl /usr/local/bin/ozgctl
USER 65532:65532
WORKDIR /work
EXPOSE 8080
ENTRYPOINT ["ozgctl"]
CMD ["--help"]
