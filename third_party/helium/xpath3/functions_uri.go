package xpath3

import (
	"context"
	"fmt"
	"strings"

	"github.com/lestrrat-go/helium/internal/unparsedtext"
	"github.com/lestrrat-go/helium/internal/xmlchar"
)

// registerUri was an init function (ozgctl patch: see loadBuiltins).
func registerUri() {
	registerFn("encode-for-uri", 1, 1, fnEncodeForURI)
	registerFn("iri-to-uri", 1, 1, fnIRIToURI)
	registerFn("escape-html-uri", 1, 1, fnEscapeHTMLURI)
	registerFn("resolve-uri", 1, 2, fnResolveURI)
}

func fnEncodeForURI(ctx context.Context, args []Sequence) (Sequence, error) {
	s, err := coerceArgToString(ctx, args[0])
	if err != nil {
		return nil, err
	}
	return SingleString(encodeForURI(s)), nil
}

// encodeForURI percent-encodes all characters except unreserved characters
// as defined by RFC 3986: A-Z a-z 0-9 - _ . ~
func encodeForURI(s string) string {
	var b strings.Builder
	for i := range len(s) {
		c := s[i]
		if isUnreservedChar(c) {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

// isUnreservedChar returns true if the byte is an unreserved character per RFC 3986.
func isUnreservedChar(c byte) bool {
	return (c >= 'A' && c <= 'Z') ||
		(c >= 'a' && c <= 'z') ||
		(c >= '0' && c <= '9') ||
		c == '-' || c == '_' || c == '.' || c == '~'
}

func fnIRIToURI(ctx context.Context, args []Sequence) (Sequence, error) {
	s, err := coerceArgToString(ctx, args[0])
	if err != nil {
		return nil, err
	}
	// Per XPath F&O 3.0 §7.4.5: escape characters that are not allowed in URIs.
	// Keep: unreserved, reserved, and already percent-encoded sequences.
	// Escape: space, <, >, ", {, }, |, \, ^, `, non-ASCII (>0x7E), and control chars (<0x20).
	var b strings.Builder
	for i := range len(s) {
		c := s[i]
		if c == '%' && i+2 < len(s) && xmlchar.IsHexDigit(s[i+1]) && xmlchar.IsHexDigit(s[i+2]) {
			// Already percent-encoded: pass through
			b.WriteByte(c)
			continue
		}
		if c > 0x7E || c <= 0x20 || c == '"' || c == '<' || c == '>' ||
			c == '{' || c == '}' || c == '|' || c == '\\' || c == '^' || c == '`' {
			fmt.Fprintf(&b, "%%%02X", c)
		} else {
			b.WriteByte(c)
		}
	}
	return SingleString(b.String()), nil
}

func fnResolveURI(ctx context.Context, args []Sequence) (Sequence, error) {
	// fn:resolve-uri returns the empty sequence when the relative argument is
	// empty. Detect emptiness AFTER atomization so an empty array or a
	// nilled/empty-content typed node (which atomizes to the empty sequence, not
	// to "") also yields () rather than resolving an empty relative reference.
	relative, empty, err := coerceAtomizedString(ctx, args[0])
	if err != nil {
		return nil, err
	}
	if empty {
		return validNilSequence, nil
	}
	if relative == "" {
		if len(args) >= 2 {
			base, err := coerceArgToString(ctx, args[1])
			if err != nil {
				return nil, err
			}
			return SingleAtomic(AtomicValue{TypeName: TypeAnyURI, Value: base}), nil
		}
		// 1-arg with empty relative: return static base URI
		if ec := getFnContext(ctx); ec != nil && ec.baseURI != "" {
			return SingleAtomic(AtomicValue{TypeName: TypeAnyURI, Value: ec.baseURI}), nil
		}
		return SingleAtomic(AtomicValue{TypeName: TypeAnyURI, Value: ""}), nil
	}
	base := ""
	baseFromContext := false
	if len(args) >= 2 {
		base, err = coerceArgToString(ctx, args[1])
		if err != nil {
			return nil, err
		}
	}
	// 1-arg form: use static base URI from context
	if base == "" {
		if ec := getFnContext(ctx); ec != nil {
			base = ec.baseURI
			baseFromContext = true
		}
	}
	if base == "" {
		return SingleAtomic(AtomicValue{TypeName: TypeAnyURI, Value: relative}), nil
	}
	if err := validateIRI(base); err != nil {
		return nil, &XPathError{Code: errCodeFORG0002, Message: "invalid base URI: " + base}
	}
	if err := validateIRI(relative); err != nil {
		return nil, &XPathError{Code: errCodeFORG0002, Message: "invalid relative URI: " + relative}
	}

	// Check if relative URI is already absolute
	if idx := strings.Index(relative, ":"); idx > 0 && !strings.ContainsAny(relative[:idx], "/?#") {
		return SingleAtomic(AtomicValue{TypeName: TypeAnyURI, Value: relative}), nil
	}

	// Convert absolute file paths to file: URIs so that resolve-uri works
	// correctly with file system paths (e.g. from static-base-uri()).
	// Only apply this for context-derived bases; explicit arguments must
	// be proper absolute URIs per FO.E1 erratum (FORG0002 otherwise).
	if baseFromContext && strings.HasPrefix(base, "/") && !strings.Contains(base, "://") {
		base = "file://" + base
	}
	parsedBase, err := parseURIReference(base)
	if err != nil {
		return nil, &XPathError{Code: errCodeFORG0002, Message: "invalid base URI: " + base}
	}
	if parsedBase.Scheme == "" {
		return nil, &XPathError{Code: errCodeFORG0002, Message: "base URI is not absolute: " + base}
	}
	if parsedBase.Fragment != "" {
		return nil, &XPathError{Code: errCodeFORG0002, Message: "base URI must not contain a fragment: " + base}
	}
	_, err = parseURIReference(relative)
	if err != nil {
		return nil, &XPathError{Code: errCodeFORG0002, Message: "invalid relative URI: " + relative}
	}
	result, err := resolveURIReference(base, relative)
	if err != nil {
		return nil, &XPathError{Code: errCodeFORG0002, Message: "invalid relative URI: " + relative}
	}
	return SingleAtomic(AtomicValue{TypeName: TypeAnyURI, Value: result}), nil
}

// validateIRI checks that a string is a valid IRI reference.
// Rejects characters that are not allowed in IRIs (like raw spaces).
func validateIRI(s string) error {
	if err := unparsedtext.ValidatePercentEncoding(s); err != nil {
		return err
	}
	// A URI reference may contain at most one '#' (fragment separator).
	if _, after, ok := strings.Cut(s, "#"); ok {
		if strings.IndexByte(after, '#') >= 0 {
			return fmt.Errorf("invalid IRI: multiple '#' characters")
		}
	}
	for _, r := range s {
		if r < 0x20 || (r > 0x7E && r < 0xA0) {
			return fmt.Errorf("invalid IRI character U+%04X", r)
		}
	}
	return nil
}

// iriToURI percent-encodes non-ASCII characters and spaces for use with Go's url.Parse.
func iriToURI(s string) string {
	var b strings.Builder
	for i := range len(s) {
		c := s[i]
		if c > 0x7E || c == ' ' {
			fmt.Fprintf(&b, "%%%02X", c)
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// uriToIRI decodes percent-encoded non-ASCII characters and spaces back to
// their IRI form.
func uriToIRI(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) {
			hi := unhexByte(s[i+1])
			lo := unhexByte(s[i+2])
			if hi >= 0 && lo >= 0 {
				c := byte(hi<<4 | lo)
				if c > 0x7E || c == ' ' {
					b.WriteByte(c)
					i += 2
					continue
				}
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func unhexByte(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c - 'a' + 10)
	case c >= 'A' && c <= 'F':
		return int(c - 'A' + 10)
	default:
		return -1
	}
}

func fnEscapeHTMLURI(ctx context.Context, args []Sequence) (Sequence, error) {
	s, err := coerceArgToString(ctx, args[0])
	if err != nil {
		return nil, err
	}
	// Per XPath F&O: escape non-ASCII and control characters, keep printable ASCII as-is
	var b strings.Builder
	for i := range len(s) {
		c := s[i]
		if c > 0x7E || c < 0x20 {
			fmt.Fprintf(&b, "%%%02X", c)
		} else {
			b.WriteByte(c)
		}
	}
	return SingleString(b.String()), nil
}
