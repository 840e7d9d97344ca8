package convert

import "testing"

func TestOptionsValidate(t *testing.T) {
	tests := []struct {
		name string
		opts Options
		ok   bool
	}{
		{"defaults", Options{BaseURI: DefaultBaseURI}, true},
		{"package", Options{Package: "antrag_v2"}, true},
		{"package with a space", Options{Package: "bad pkg"}, false},
		{"package starting with a digit", Options{Package: "123"}, false},
		{"package is a keyword", Options{Package: "func"}, false},
		{"urn namespace", Options{Namespace: "urn:example:antrag"}, true},
		{"namespace without scheme", Options{Namespace: "not a uri"}, false},
		{"base URI without a separator at the end", Options{BaseURI: "https://example.com/schemas"}, false},
		{"urn base URI", Options{BaseURI: "urn:example:"}, true},
	}
	for _, tt := range tests {
		if err := tt.opts.Validate(); (err == nil) != tt.ok {
			t.Errorf("%s: Validate() = %v, want ok=%v", tt.name, err, tt.ok)
		}
	}
}
