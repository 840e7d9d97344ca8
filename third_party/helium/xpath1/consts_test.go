package xpath1_test

const (
	nsPrefixExt = "ext"
	nsURIX      = "urn:x"
	nsURIExt    = "urn:test:ext"
)
