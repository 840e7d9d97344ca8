package xpath3

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/lestrrat-go/helium/internal/lexicon"
	"github.com/lestrrat-go/helium/internal/unparsedtext"
)

// registerJson was an init function (ozgctl patch: see loadBuiltins).
func registerJson() {
	registerFn("parse-json", 1, 2, fnParseJSON)
	registerFn("json-doc", 1, 2, fnJSONDoc)
}

// jsonOptions holds parsed options for fn:parse-json.
type jsonOptions struct {
	liberal    bool
	duplicates string // "reject", "use-first", "use-last" (default)
	escape     bool
	validate   bool // validate=true(): type-annotate the json-to-xml result tree
	fallback   *FunctionItem
	invalidEsc map[rune]string
	// retainNumberLexical selects fn:json-to-xml's number handling: it retains a
	// JSON number's exact lexical form in the <number> element (F&O 3.1, W3C bug
	// 28179), whereas fn:parse-json/fn:json-doc (false) map every JSON number to
	// the canonical xs:double.
	retainNumberLexical bool
}

// jsonLexicalNumber carries a JSON number's exact lexical form for
// fn:json-to-xml, which retains the source representation in the <number>
// element rather than the canonical xs:double produced by fn:parse-json.
type jsonLexicalNumber struct {
	lexical string
}

func (jsonLexicalNumber) itemTag() {}

func fnParseJSON(ctx context.Context, args []Sequence) (Sequence, error) {
	// Route empty detection through post-atomization: an empty array or a
	// nilled/empty-content typed node atomizes to the empty sequence, which per
	// F&O 3.1 makes fn:parse-json return the empty sequence — not an empty JSON
	// string. A raw seqLen==0 gate would only catch a syntactically empty
	// argument and let an atomized-empty one fall through to the "" path.
	s, empty, err := coerceAtomizedString(ctx, args[0])
	if err != nil {
		return nil, err
	}
	if empty {
		return validNilSequence, nil
	}

	opts, err := parseJSONOptions(ctx, args)
	if err != nil {
		return nil, err
	}

	s, invalidEsc, err := preprocessJSONStringLiterals(s)
	if err != nil {
		return nil, err
	}
	opts.invalidEsc = invalidEsc

	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	item, err := parseJSONValue(ctx, dec, opts, newJSONBudget(ctx), 0)
	if err != nil {
		return nil, err
	}

	// Check for trailing content after the JSON value
	var extra json.Token
	extra, err = dec.Token()
	if err == nil {
		return nil, &XPathError{Code: errCodeFOJS0001, Message: fmt.Sprintf("unexpected trailing content after JSON value: %v", extra)}
	}
	if !errors.Is(err, io.EOF) {
		return nil, &XPathError{Code: errCodeFOJS0001, Message: fmt.Sprintf("invalid trailing content: %v", err)}
	}
	if item == nil {
		return validNilSequence, nil
	}

	return ItemSlice{item}, nil
}

// parseJSONOptions extracts and validates options from the second argument.
func parseJSONOptions(ctx context.Context, args []Sequence) (jsonOptions, error) {
	opts := jsonOptions{
		duplicates: duplicatesUseFirst, // XPath spec default
	}
	if len(args) <= 1 || seqLen(args[1]) == 0 {
		return opts, nil
	}
	// options param is map(*)?: at most one item, and it must be a map.
	if seqLen(args[1]) > 1 {
		return opts, &XPathError{Code: lexicon.ErrXPTY0004, Message: "options argument must be a single map"}
	}
	m, ok := args[1].Get(0).(MapItem)
	if !ok {
		return opts, &XPathError{Code: lexicon.ErrXPTY0004, Message: fmt.Sprintf("options argument must be a map, got %T", args[1].Get(0))}
	}

	// Parse "liberal" option — must be xs:boolean
	liberalKey := AtomicValue{TypeName: TypeString, Value: "liberal"}
	if v, found := m.Get(liberalKey); found {
		if seqLen(v) != 1 {
			return opts, &XPathError{Code: errCodeFOJS0005, Message: "option 'liberal' must be a single xs:boolean"}
		}
		av, ok := v.Get(0).(AtomicValue)
		if !ok {
			return opts, &XPathError{Code: errCodeFOJS0005, Message: "option 'liberal' must be xs:boolean"}
		}
		if b, ok := av.Value.(bool); ok {
			opts.liberal = b
		} else {
			return opts, &XPathError{Code: errCodeFOJS0005,
				Message: "option 'liberal' must be xs:boolean, got " + av.TypeName}
		}
	}

	// Parse "duplicates" option. Per the F&O 3.1 option (function) conversion
	// rules (§2.5) its xs:string value is atomized FIRST — arrays flatten to
	// their members, so an empty-array member contributes nothing — THEN the
	// exactly-one cardinality is applied. A raw pre-atomization seqLen gate would
	// wrongly reject e.g. map{"duplicates": ([], "use-first")}.
	dupKey := AtomicValue{TypeName: TypeString, Value: "duplicates"}
	if v, found := m.Get(dupKey); found {
		s, err := coerceArgToStringRequired(ctx, v)
		if err != nil {
			// An element-only-typed node has no typed value: surface err:FOTY0012
			// rather than masking it as the FOJS0005 invalid-option error.
			if isNoTypedValueError(err) {
				return opts, err
			}
			return opts, &XPathError{Code: errCodeFOJS0005, Message: "option 'duplicates' must be a single string"}
		}
		switch s {
		case duplicatesReject, duplicatesUseFirst, "use-last":
			opts.duplicates = s
		default:
			return opts, &XPathError{Code: errCodeFOJS0005,
				Message: fmt.Sprintf("invalid value for 'duplicates' option: %q", s)}
		}
	}

	// Parse "escape" option — must be xs:boolean
	escKey := AtomicValue{TypeName: TypeString, Value: "escape"}
	if v, found := m.Get(escKey); found {
		if seqLen(v) != 1 {
			return opts, &XPathError{Code: errCodeFOJS0005, Message: "option 'escape' must be a single xs:boolean"}
		}
		av, ok := v.Get(0).(AtomicValue)
		if !ok {
			return opts, &XPathError{Code: errCodeFOJS0005, Message: "option 'escape' must be xs:boolean"}
		}
		if b, ok := av.Value.(bool); ok {
			opts.escape = b
		} else {
			return opts, &XPathError{Code: errCodeFOJS0005,
				Message: "option 'escape' must be xs:boolean, got " + av.TypeName}
		}
	}

	// Parse "fallback" option — must be a function item
	fbKey := AtomicValue{TypeName: TypeString, Value: "fallback"}
	if v, found := m.Get(fbKey); found {
		if seqLen(v) != 1 {
			return opts, &XPathError{Code: errCodeFOJS0005,
				Message: "option 'fallback' must be a single function item"}
		}
		fi, ok := v.Get(0).(FunctionItem)
		if !ok {
			return opts, &XPathError{Code: errCodeFOJS0005,
				Message: "option 'fallback' must be a function item"}
		}
		if fi.Arity != 1 {
			return opts, &XPathError{Code: errCodeFOJS0005,
				Message: fmt.Sprintf("option 'fallback' must have arity 1, got %d", fi.Arity)}
		}
		opts.fallback = &fi
	}

	return opts, nil
}

// jsonBudget threads the evaluator's DoS bounds into the streaming JSON parser
// shared by fn:parse-json and fn:json-to-xml. Without it, a large or deeply
// nested JSON string would build an unbounded in-memory map/array structure
// with no op-limit, node-set, depth, or cancellation accounting, bypassing the
// engine's evaluation budget. ec may be nil when the functions run outside an
// evaluation, in which case the package defaults still apply so the constructed
// structure stays bounded.
type jsonBudget struct {
	ec       *evalContext
	maxNodes int
	maxDepth int
}

func newJSONBudget(ctx context.Context) *jsonBudget {
	ec := getFnContext(ctx)
	maxDepth := DefaultMaxRecursionDepth
	if ec != nil && ec.maxRecursionDepth > 0 {
		maxDepth = ec.maxRecursionDepth
	}
	return &jsonBudget{ec: ec, maxNodes: fnMaxNodes(ec), maxDepth: maxDepth}
}

// enter accounts for one level of object/array nesting and rejects input that
// nests deeper than the recursion limit, so adversarial JSON cannot exhaust the
// goroutine stack. It returns the incremented depth for nested calls.
func (b *jsonBudget) enter(depth int) (int, error) {
	depth++
	if b.maxDepth > 0 && depth > b.maxDepth {
		return depth, ErrRecursionLimit
	}
	return depth, nil
}

// charge accounts for one constructed map entry or array member: it bounds the
// running member count against maxNodes and charges one op (which also honors
// context cancellation), so a wide JSON container respects OpLimit and stays
// cancellable.
func (b *jsonBudget) charge(ctx context.Context, count int) error {
	if b.maxNodes > 0 && count+1 > b.maxNodes {
		return ErrNodeSetLimit
	}
	return fnCountOp(ctx, b.ec)
}

func parseJSONValue(ctx context.Context, dec *json.Decoder, opts jsonOptions, b *jsonBudget, depth int) (Item, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, &XPathError{Code: errCodeFOJS0001, Message: fmt.Sprintf("invalid JSON: %v", err)}
	}
	return parseJSONToken(ctx, tok, dec, opts, b, depth)
}

func parseJSONToken(ctx context.Context, tok json.Token, dec *json.Decoder, opts jsonOptions, b *jsonBudget, depth int) (Item, error) {
	switch v := tok.(type) {
	case json.Delim:
		switch v {
		case '{':
			depth, err := b.enter(depth)
			if err != nil {
				return nil, err
			}
			entries := make([]MapEntry, 0)
			index := make(map[string]int)
			for dec.More() {
				if err := b.charge(ctx, len(entries)); err != nil {
					return nil, err
				}
				keyTok, err := dec.Token()
				if err != nil {
					return nil, &XPathError{Code: errCodeFOJS0001, Message: fmt.Sprintf("invalid JSON: %v", err)}
				}
				key, ok := keyTok.(string)
				if !ok {
					return nil, &XPathError{Code: errCodeFOJS0001, Message: "invalid JSON object key"}
				}
				key, err = applyJSONStringOptions(ctx, key, opts)
				if err != nil {
					return nil, err
				}

				valueItem, err := parseJSONValue(ctx, dec, opts, b, depth)
				if err != nil {
					return nil, err
				}
				var value Sequence
				if valueItem != nil {
					value = ItemSlice{valueItem}
				}

				if prev, found := index[key]; found {
					switch opts.duplicates {
					case duplicatesReject:
						return nil, &XPathError{Code: errCodeFOJS0003, Message: fmt.Sprintf("duplicate key in JSON object: %q", key)}
					case duplicatesUseFirst:
						continue
					case "use-last":
						entries[prev].Value = value
						continue
					}
				}

				index[key] = len(entries)
				entries = append(entries, MapEntry{
					Key:   AtomicValue{TypeName: TypeString, Value: key},
					Value: value,
				})
			}
			endTok, err := dec.Token()
			if err != nil {
				return nil, &XPathError{Code: errCodeFOJS0001, Message: fmt.Sprintf("invalid JSON: %v", err)}
			}
			if end, ok := endTok.(json.Delim); !ok || end != '}' {
				return nil, &XPathError{Code: errCodeFOJS0001, Message: "invalid JSON: expected object close delimiter"}
			}
			return NewMap(entries), nil
		case '[':
			depth, err := b.enter(depth)
			if err != nil {
				return nil, err
			}
			members := make([]Sequence, 0)
			for dec.More() {
				if err := b.charge(ctx, len(members)); err != nil {
					return nil, err
				}
				item, err := parseJSONValue(ctx, dec, opts, b, depth)
				if err != nil {
					return nil, err
				}
				if item == nil {
					members = append(members, nil)
					continue
				}
				members = append(members, ItemSlice{item})
			}
			endTok, err := dec.Token()
			if err != nil {
				return nil, &XPathError{Code: errCodeFOJS0001, Message: fmt.Sprintf("invalid JSON: %v", err)}
			}
			if end, ok := endTok.(json.Delim); !ok || end != ']' {
				return nil, &XPathError{Code: errCodeFOJS0001, Message: "invalid JSON: expected array close delimiter"}
			}
			return NewArray(members), nil
		default:
			return nil, &XPathError{Code: errCodeFOJS0001, Message: fmt.Sprintf("unexpected JSON delimiter: %q", v)}
		}
	default:
		if s, ok := v.(string); ok {
			s, err := applyJSONStringOptions(ctx, s, opts)
			if err != nil {
				return nil, err
			}
			return AtomicValue{TypeName: TypeString, Value: s}, nil
		}
		if num, ok := v.(json.Number); ok && opts.retainNumberLexical {
			return jsonLexicalNumber{lexical: num.String()}, nil
		}
		return jsonToXDM(v)
	}
}

func preprocessJSONStringLiterals(s string) (string, map[rune]string, error) {
	var b strings.Builder
	invalidEsc := make(map[rune]string)
	inString := false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !inString {
			b.WriteString(s[i : i+size])
			i += size
			if r == '"' {
				inString = true
			}
			continue
		}

		switch r {
		case '"':
			inString = false
			b.WriteRune(r)
			i += size
		case '\\':
			if i+1 >= len(s) {
				return "", nil, &XPathError{Code: errCodeFOJS0001, Message: "invalid JSON: trailing backslash in string"}
			}
			next := s[i+1]
			switch next {
			case '"', '\\', '/', 'n', 'r', 't':
				b.WriteString(s[i : i+2])
				i += 2
			case 'b', 'f':
				ph, err := nextJSONPlaceholderRune(s, invalidEsc)
				if err != nil {
					return "", nil, err
				}
				invalidEsc[ph] = s[i : i+2]
				b.WriteRune(ph)
				i += 2
			case 'u':
				if i+6 > len(s) {
					return "", nil, &XPathError{Code: errCodeFOJS0001, Message: "invalid JSON: incomplete \\u escape"}
				}
				escapeText := s[i : i+6]
				cp, err := parseJSONHexEscape(s[i+2 : i+6])
				if err != nil {
					return "", nil, err
				}
				switch {
				case cp >= 0xD800 && cp <= 0xDBFF:
					if i+12 <= len(s) && s[i+6] == '\\' && s[i+7] == 'u' {
						cp2, err := parseJSONHexEscape(s[i+8 : i+12])
						if err == nil && cp2 >= 0xDC00 && cp2 <= 0xDFFF {
							b.WriteString(s[i : i+12])
							i += 12
							continue
						}
					}
					ph, err := nextJSONPlaceholderRune(s, invalidEsc)
					if err != nil {
						return "", nil, err
					}
					invalidEsc[ph] = escapeText
					b.WriteRune(ph)
					i += 6
				case cp >= 0xDC00 && cp <= 0xDFFF, !isValidXMLCodepoint(int(cp)):
					ph, err := nextJSONPlaceholderRune(s, invalidEsc)
					if err != nil {
						return "", nil, err
					}
					invalidEsc[ph] = escapeText
					b.WriteRune(ph)
					i += 6
				default:
					b.WriteString(escapeText)
					i += 6
				}
			default:
				return "", nil, &XPathError{Code: errCodeFOJS0001, Message: fmt.Sprintf("invalid JSON: invalid escape sequence \\%c", next)}
			}
		default:
			if r < 0x20 {
				return "", nil, &XPathError{Code: errCodeFOJS0001, Message: "invalid JSON: unescaped control character in string"}
			}
			b.WriteString(s[i : i+size])
			i += size
		}
	}
	return b.String(), invalidEsc, nil
}

func parseJSONHexEscape(hex string) (uint32, error) {
	var cp uint32
	for _, c := range hex {
		cp <<= 4
		switch {
		case c >= '0' && c <= '9':
			cp += uint32(c - '0')
		case c >= 'a' && c <= 'f':
			cp += uint32(c-'a') + 10
		case c >= 'A' && c <= 'F':
			cp += uint32(c-'A') + 10
		default:
			return 0, &XPathError{Code: errCodeFOJS0001, Message: fmt.Sprintf("invalid JSON: invalid hex digit in \\u escape: %c", c)}
		}
	}
	return cp, nil
}

func nextJSONPlaceholderRune(source string, used map[rune]string) (rune, error) {
	for r := rune(0xF0000); r <= 0xFFFFD; r++ {
		if _, exists := used[r]; exists {
			continue
		}
		if !strings.ContainsRune(source, r) {
			return r, nil
		}
	}
	return 0, &XPathError{Code: errCodeFOJS0001, Message: "exhausted JSON placeholder runes"}
}

func applyJSONStringOptions(ctx context.Context, s string, opts jsonOptions) (string, error) {
	if opts.escape {
		var b strings.Builder
		for _, r := range s {
			if raw, found := opts.invalidEsc[r]; found {
				if opts.fallback != nil {
					return "", &XPathError{Code: errCodeFOJS0001, Message: "fallback cannot be used with escape=true() for escaped invalid characters"}
				}
				b.WriteString(canonicalInvalidJSONEscape(raw))
				continue
			}
			appendEscapedJSONStringRune(&b, r)
		}
		return b.String(), nil
	}

	var b strings.Builder
	for _, r := range s {
		raw, found := opts.invalidEsc[r]
		if !found {
			b.WriteRune(r)
			continue
		}

		repl := string(rune(0xFFFD))
		if opts.fallback != nil {
			seq, err := opts.fallback.Invoke(ctx, []Sequence{ItemSlice{AtomicValue{TypeName: TypeString, Value: raw}}})
			if err != nil {
				return "", err
			}
			repl, err = seqToStringErr(ctx, seq)
			if err != nil {
				return "", err
			}
		}
		b.WriteString(repl)
	}
	return b.String(), nil
}

func appendEscapedJSONStringRune(b *strings.Builder, r rune) {
	switch r {
	case '\\':
		b.WriteString(`\\`)
	case '\b':
		b.WriteString(`\b`)
	case '\f':
		b.WriteString(`\f`)
	case '\n':
		b.WriteString(`\n`)
	case '\r':
		b.WriteString(`\r`)
	case '\t':
		b.WriteString(`\t`)
	default:
		if (r >= 0x00 && r <= 0x1F) || !isValidXMLCodepoint(int(r)) {
			fmt.Fprintf(b, `\u%04x`, r)
			return
		}
		b.WriteRune(r)
	}
}

func appendSerializedJSONStringRune(b *strings.Builder, r rune) {
	switch r {
	case '"':
		b.WriteString(`\"`)
	case '\\':
		b.WriteString(`\\`)
	case '/':
		b.WriteString(`\/`)
	case '\b':
		b.WriteString(`\b`)
	case '\f':
		b.WriteString(`\f`)
	case '\n':
		b.WriteString(`\n`)
	case '\r':
		b.WriteString(`\r`)
	case '\t':
		b.WriteString(`\t`)
	default:
		if (r >= 0x00 && r <= 0x1F) || (r >= 0x7F && r <= 0x9F) || !isValidXMLCodepoint(int(r)) {
			fmt.Fprintf(b, `\u%04X`, r)
			return
		}
		b.WriteRune(r)
	}
}

func canonicalInvalidJSONEscape(raw string) string {
	switch {
	case strings.EqualFold(raw, `\u0008`):
		return `\b`
	case strings.EqualFold(raw, `\u000c`):
		return `\f`
	default:
		return raw
	}
}

func fnJSONDoc(ctx context.Context, args []Sequence) (Sequence, error) {
	// xs:string? URI argument: an atomized-empty value (empty array / nilled
	// node) returns the empty sequence just like a syntactically empty one.
	uri, empty, err := coerceAtomizedString(ctx, args[0])
	if err != nil {
		return nil, err
	}
	if empty {
		return validNilSequence, nil
	}

	cfg := unparsedTextConfig(ctx)
	resolvedURI, err := unparsedtext.ResolveURI(ctx, cfg, uri)
	if err != nil {
		return nil, &XPathError{Code: errCodeFODC0002, Message: fmt.Sprintf("json-doc: cannot resolve URI: %v", err)}
	}
	body, err := unparsedtext.ReadURI(ctx, cfg, resolvedURI)
	if err != nil {
		return nil, &XPathError{Code: errCodeFODC0002, Message: fmt.Sprintf("json-doc: cannot retrieve resource: %v", err)}
	}

	// Delegate to parse-json logic, preserving any caller-supplied options.
	parseArgs := []Sequence{ItemSlice{AtomicValue{TypeName: TypeString, Value: string(body)}}}
	if len(args) > 1 {
		parseArgs = append(parseArgs, args[1])
	}
	return fnParseJSON(ctx, parseArgs)
}

func jsonToXDM(v any) (Item, error) {
	switch val := v.(type) {
	case nil:
		return nil, nil //nolint:nilnil // JSON null maps to empty sequence per XPath spec
	case bool:
		return AtomicValue{TypeName: TypeBoolean, Value: val}, nil
	case json.Number:
		// Per F&O 3.1 §17.5, JSON has a single number type and every JSON
		// number maps to an xs:double in the XDM result — including integral
		// values such as 0/-0, which therefore become xs:double, not xs:integer.
		s := val.String()
		f, err := val.Float64()
		if err != nil {
			return nil, &XPathError{Code: errCodeFOJS0001, Message: "invalid JSON number: " + s}
		}
		return AtomicValue{TypeName: TypeDouble, Value: NewDouble(f)}, nil
	case string:
		return AtomicValue{TypeName: TypeString, Value: val}, nil
	case []any:
		members := make([]Sequence, len(val))
		for i, elem := range val {
			item, err := jsonToXDM(elem)
			if err != nil {
				return nil, err
			}
			if item == nil {
				members[i] = nil // JSON null → empty sequence
			} else {
				members[i] = ItemSlice{item}
			}
		}
		return NewArray(members), nil
	case map[string]any:
		entries := make([]MapEntry, 0, len(val))
		for k, v := range val {
			item, err := jsonToXDM(v)
			if err != nil {
				return nil, err
			}
			var value Sequence
			if item == nil {
				value = nil // JSON null → empty sequence
			} else {
				value = ItemSlice{item}
			}
			entries = append(entries, MapEntry{
				Key:   AtomicValue{TypeName: TypeString, Value: k},
				Value: value,
			})
		}
		return NewMap(entries), nil
	default:
		return nil, &XPathError{Code: errCodeFOJS0001, Message: fmt.Sprintf("unexpected JSON type: %T", v)}
	}
}
