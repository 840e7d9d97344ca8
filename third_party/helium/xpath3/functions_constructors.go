package xpath3

import (
	"context"
	"fmt"
	"math"
	"math/big"
	"regexp"
	"strconv"
	"strings"

	"github.com/lestrrat-go/helium/internal/lazy"
	"github.com/lestrrat-go/helium/internal/lexicon"
)

// registerConstructors was an init function (ozgctl patch: see loadBuiltins).
func registerConstructors() {
	// Base XSD types — delegate to CastAtomic
	for _, entry := range []struct {
		name       string
		targetType string
	}{
		{"string", TypeString},
		{"boolean", TypeBoolean},
		{"decimal", TypeDecimal},
		{"double", TypeDouble},
		{"float", TypeFloat},
		{"integer", TypeInteger},
		{"date", TypeDate},
		{"dateTime", TypeDateTime},
		{"time", TypeTime},
		{"duration", TypeDuration},
		{"dayTimeDuration", TypeDayTimeDuration},
		{"yearMonthDuration", TypeYearMonthDuration},
		{"anyURI", TypeAnyURI},
		{"base64Binary", TypeBase64Binary},
		{"hexBinary", TypeHexBinary},
		{"untypedAtomic", TypeUntypedAtomic},
	} {
		registerNS(NSXS, entry.name, 1, 1, makeXSConstructor(entry.targetType))
	}

	// xs:QName constructor needs namespace context to resolve prefixes
	registerNS(NSXS, "QName", 1, 1, makeXSQNameConstructor())

	// Derived integer types — cast to integer, then validate range
	for _, entry := range []struct {
		name     string
		typeName string
		min      int64
		max      int64
	}{
		{"long", TypeLong, math.MinInt64, math.MaxInt64},
		{"int", TypeInt, -2147483648, 2147483647},
		{"short", TypeShort, -32768, 32767},
		{"byte", TypeByte, -128, 127},
		{"unsignedInt", TypeUnsignedInt, 0, 4294967295},
		{"unsignedShort", TypeUnsignedShort, 0, 65535},
		{"unsignedByte", TypeUnsignedByte, 0, 255},
	} {
		registerNS(NSXS, entry.name, 1, 1, makeXSIntegerRange(entry.typeName, entry.min, entry.max))
	}
	// Unbounded integer subtypes need big.Int constructor (no fixed max/min)
	registerNS(NSXS, "nonNegativeInteger", 1, 1, makeXSIntegerRangeBig(TypeNonNegativeInteger, big.NewInt(0), nil))
	registerNS(NSXS, "nonPositiveInteger", 1, 1, makeXSIntegerRangeBig(TypeNonPositiveInteger, nil, big.NewInt(0)))
	registerNS(NSXS, "positiveInteger", 1, 1, makeXSIntegerRangeBig(TypePositiveInteger, big.NewInt(1), nil))
	registerNS(NSXS, "negativeInteger", 1, 1, makeXSIntegerRangeBig(TypeNegativeInteger, nil, big.NewInt(-1)))

	// xs:unsignedLong needs big.Int max since MaxUint64 exceeds int64
	registerNS(NSXS, "unsignedLong", 1, 1, makeXSIntegerRangeBig(TypeUnsignedLong, big.NewInt(0), new(big.Int).SetUint64(math.MaxUint64)))

	// Derived string types — cast to string, validate, store with derived type name
	for _, entry := range []struct {
		name     string
		typeName string
		re       func() *regexp.Regexp // nil = no validation, just string cast
	}{
		{"normalizedString", TypeNormalizedString, nil},
		{"token", TypeToken, nil},
		{"language", TypeLanguage, reLang.Get},
		{"Name", TypeName, reName.Get},
		{"NCName", TypeNCName, reNCName.Get},
		{"NMTOKEN", TypeNMTOKEN, reNMTOKEN.Get},
		{"ENTITY", TypeENTITY, reNCName.Get},
		{"ID", TypeID, reNCName.Get},
		{"IDREF", TypeIDREF, reNCName.Get},
	} {
		registerNS(NSXS, entry.name, 1, 1, makeXSStringRestriction(entry.typeName, entry.re))
	}

	// List types — split by whitespace, produce sequence of item type values
	registerNS(NSXS, "NMTOKENS", 1, 1, makeXSTokenList(TypeNMTOKENS, TypeNMTOKEN, reNMTOKEN.Get))
	registerNS(NSXS, "IDREFS", 1, 1, makeXSTokenList(TypeIDREFS, TypeIDREF, reNCName.Get))
	registerNS(NSXS, "ENTITIES", 1, 1, makeXSTokenList(TypeENTITIES, TypeENTITY, reNCName.Get))

	// Gregorian date part types. CastAtomic/CastFromString perform the
	// per-type lexical validation, so these share the generic constructor.
	for _, entry := range []struct {
		name     string
		typeName string
	}{
		{"gDay", TypeGDay},
		{"gMonth", TypeGMonth},
		{"gMonthDay", TypeGMonthDay},
		{"gYear", TypeGYear},
		{"gYearMonth", TypeGYearMonth},
	} {
		registerNS(NSXS, entry.name, 1, 1, makeXSConstructor(entry.typeName))
	}

	// xs:dateTimeStamp — dateTime with required timezone. CastAtomic enforces
	// the mandatory-timezone rule, so the generic constructor suffices.
	registerNS(NSXS, "dateTimeStamp", 1, 1, makeXSConstructor(TypeDateTimeStamp))

	// xs:error — always raises an error (used for type checking tests)
	registerNS(NSXS, "error", 1, 1, fnXSError)

	// xs:numeric — cast to double (xs:numeric is an abstract union type)
	registerNS(NSXS, "numeric", 1, 1, makeXSConstructor(TypeDouble))
}

// makeXSConstructor returns a constructor function for a base XSD type.
func makeXSConstructor(targetType string) func(context.Context, []Sequence) (Sequence, error) {
	return func(_ context.Context, args []Sequence) (Sequence, error) {
		a, empty, err := atomizeConstructorArg(args[0], targetType)
		if err != nil {
			return nil, err
		}
		if empty {
			return nil, nil
		}
		result, err := CastAtomic(a, targetType)
		if err != nil {
			return nil, err
		}
		return SingleAtomic(result), nil
	}
}

// makeXSQNameConstructor returns a constructor for xs:QName that resolves
// prefixes using the namespace context from the evaluator.
func makeXSQNameConstructor() func(context.Context, []Sequence) (Sequence, error) {
	return func(ctx context.Context, args []Sequence) (Sequence, error) {
		a, empty, err := atomizeConstructorArg(args[0], TypeQName)
		if err != nil {
			return nil, err
		}
		if empty {
			return nil, nil
		}
		result, err := castToQName(a, getFnContext(ctx))
		if err != nil {
			return nil, err
		}
		return SingleAtomic(result), nil
	}
}

// makeXSIntegerRange returns a constructor for a derived integer type with range validation.
func makeXSIntegerRange(typeName string, minVal, maxVal int64) func(context.Context, []Sequence) (Sequence, error) {
	return makeXSIntegerRangeBig(typeName, big.NewInt(minVal), big.NewInt(maxVal))
}

// makeXSIntegerRangeBig returns a constructor for a derived integer type with big.Int range validation.
func makeXSIntegerRangeBig(typeName string, minBig, maxBig *big.Int) func(context.Context, []Sequence) (Sequence, error) {
	return func(_ context.Context, args []Sequence) (Sequence, error) {
		a, empty, err := atomizeConstructorArg(args[0], typeName)
		if err != nil {
			return nil, err
		}
		if empty {
			return nil, nil
		}
		iv, err := CastAtomic(a, TypeInteger)
		if err != nil {
			return nil, err
		}
		n := iv.BigInt()
		if err := checkBigIntRange(n, minBig, maxBig, typeName); err != nil {
			return nil, err
		}
		return SingleAtomic(AtomicValue{TypeName: typeName, Value: n}), nil
	}
}

var (
	xmlNCNameStartCharRange = lazy.Value[string]{F: func() string { return strings.ReplaceAll(xmlNameStartCharRange, ":", "") }}
	xmlNCNameCharRange      = lazy.Value[string]{F: func() string { return strings.ReplaceAll(xmlNameCharRange, ":", "") }}
	reNCName                = lazy.Value[*regexp.Regexp]{F: func() *regexp.Regexp {
		return regexp.MustCompile(`^[` + xmlNCNameStartCharRange.Get() + `][` + xmlNCNameCharRange.Get() + `]*$`)
	}}
	reName = lazy.Value[*regexp.Regexp]{F: func() *regexp.Regexp {
		return regexp.MustCompile(`^[` + xmlNameStartCharRange + `][` + xmlNameCharRange + `]*$`)
	}}
	reNMTOKEN = lazy.Value[*regexp.Regexp]{F: func() *regexp.Regexp { return regexp.MustCompile(`^[` + xmlNameCharRange + `]+$`) }}
	reLang    = lazy.Value[*regexp.Regexp]{F: func() *regexp.Regexp { return regexp.MustCompile(`(?i)^[a-z]{1,8}(-[a-z0-9]{1,8})*$`) }}
)

// makeXSStringRestriction returns a constructor for a derived string type.
func makeXSStringRestriction(typeName string, validate func() *regexp.Regexp) func(context.Context, []Sequence) (Sequence, error) {
	return func(_ context.Context, args []Sequence) (Sequence, error) {
		a, empty, err := atomizeConstructorArg(args[0], typeName)
		if err != nil {
			return nil, err
		}
		if empty {
			return nil, nil
		}
		s, err := atomicToString(a)
		if err != nil {
			return nil, err
		}
		if typeName == TypeNormalizedString {
			s = normalizeWhitespace(s)
		} else {
			s = collapseWhitespace(s)
		}
		if validate != nil && !validate().MatchString(s) {
			return nil, &XPathError{
				Code:    errCodeFORG0001,
				Message: fmt.Sprintf("cannot cast %q to %s", s, typeName),
			}
		}
		return SingleAtomic(AtomicValue{TypeName: typeName, Value: s}), nil
	}
}

// makeXSTokenList returns a constructor for xs:NMTOKENS or xs:IDREFS (whitespace-separated list).
// listType (e.g. xs:NMTOKENS) drives the cardinality/type error message; itemType
// (e.g. xs:NMTOKEN) drives per-token validation and result construction.
func makeXSTokenList(listType, itemType string, tokenRe func() *regexp.Regexp) func(context.Context, []Sequence) (Sequence, error) {
	return func(_ context.Context, args []Sequence) (Sequence, error) {
		a, empty, err := atomizeConstructorArg(args[0], listType)
		if err != nil {
			return nil, err
		}
		if empty {
			return nil, nil
		}
		s, err := atomicToString(a)
		if err != nil {
			return nil, err
		}
		s = strings.TrimSpace(s)
		if s == "" {
			return nil, &XPathError{
				Code:    errCodeFORG0001,
				Message: fmt.Sprintf("cannot cast empty string to %s", listType),
			}
		}
		tokens := strings.Fields(s)
		result := make(ItemSlice, len(tokens))
		for i, tok := range tokens {
			if !tokenRe().MatchString(tok) {
				return nil, &XPathError{
					Code:    errCodeFORG0001,
					Message: fmt.Sprintf("invalid token %q in %s", tok, listType),
				}
			}
			result[i] = AtomicValue{TypeName: itemType, Value: tok}
		}
		return result, nil
	}
}

var (
	reGDay       = lazy.Value[*regexp.Regexp]{F: func() *regexp.Regexp { return regexp.MustCompile(`^---(\d{2})(Z|[+-]\d{2}:\d{2})?$`) }}
	reGMonth     = lazy.Value[*regexp.Regexp]{F: func() *regexp.Regexp { return regexp.MustCompile(`^--(\d{2})(Z|[+-]\d{2}:\d{2})?$`) }}
	reGMonthDay  = lazy.Value[*regexp.Regexp]{F: func() *regexp.Regexp { return regexp.MustCompile(`^--(\d{2})-(\d{2})(Z|[+-]\d{2}:\d{2})?$`) }}
	reGYear      = lazy.Value[*regexp.Regexp]{F: func() *regexp.Regexp { return regexp.MustCompile(`^-?(\d{4,})(Z|[+-]\d{2}:\d{2})?$`) }}
	reGYearMonth = lazy.Value[*regexp.Regexp]{F: func() *regexp.Regexp { return regexp.MustCompile(`^-?(\d{4,})-(\d{2})(Z|[+-]\d{2}:\d{2})?$`) }}
)

// validateGregorianValue performs additional validation beyond regex matching.
func validateGregorianValue(typeName, s string) bool {
	// Validate timezone if present
	if validateTimezoneInString(s) != nil {
		return false
	}
	switch typeName {
	case TypeGDay:
		// ---DD format: day must be 01-31
		day := extractGDayValue(s)
		return day >= 1 && day <= 31
	case TypeGMonth:
		// --MM format: month must be 01-12
		month := extractGMonthValue(s)
		return month >= 1 && month <= 12
	case TypeGMonthDay:
		// --MM-DD format: month 01-12, day valid for month
		month, day := extractGMonthDayValues(s)
		if month < 1 || month > 12 {
			return false
		}
		// Use a leap year for gMonthDay since no year is specified;
		// February allows up to 29 because gMonthDay must accommodate leap years.
		maxDay := daysInMonth(4, month) // year 4 is a leap year
		return day >= 1 && day <= maxDay
	case TypeGYear:
		// XSD 1.1: year 0000 is valid
		y := extractYearDigits(s)
		if !hasValidGregorianYearDigits(y) {
			return false
		}
	case TypeGYearMonth:
		// XSD 1.1: year 0000 is valid, validate month 01-12
		y := extractYearDigits(s)
		if !hasValidGregorianYearDigits(y) {
			return false
		}
		month := extractGYearMonthMonth(s)
		return month >= 1 && month <= 12
	}
	return true
}

// extractGDayValue extracts the day from a ---DD[tz] string.
func extractGDayValue(s string) int {
	// format: ---DD...
	if len(s) < 5 {
		return 0
	}
	d, err := strconv.Atoi(s[3:5])
	if err != nil {
		return 0
	}
	return d
}

// extractGMonthValue extracts the month from a --MM[tz] string.
func extractGMonthValue(s string) int {
	// format: --MM...
	if len(s) < 4 {
		return 0
	}
	m, err := strconv.Atoi(s[2:4])
	if err != nil {
		return 0
	}
	return m
}

// extractGMonthDayValues extracts month and day from a --MM-DD[tz] string.
func extractGMonthDayValues(s string) (int, int) {
	// format: --MM-DD...
	if len(s) < 7 {
		return 0, 0
	}
	m, err := strconv.Atoi(s[2:4])
	if err != nil {
		return 0, 0
	}
	d, err := strconv.Atoi(s[5:7])
	if err != nil {
		return 0, 0
	}
	return m, d
}

// extractGYearMonthMonth extracts the month from a [-]YYYY-MM[tz] string.
func extractGYearMonthMonth(s string) int {
	// Find the last '-' before any timezone
	// The month is right after the year portion: skip optional leading '-', then digits, then '-'
	work := strings.TrimPrefix(s, "-")
	// Skip year digits
	i := 0
	for i < len(work) && work[i] >= '0' && work[i] <= '9' {
		i++
	}
	if i >= len(work) || work[i] != '-' {
		return 0
	}
	// work[i] == '-', month starts at i+1
	if i+3 > len(work) {
		return 0
	}
	m, err := strconv.Atoi(work[i+1 : i+3])
	if err != nil {
		return 0
	}
	return m
}

func extractYearDigits(s string) string {
	y := strings.TrimPrefix(s, "-")
	for i, c := range y {
		if c == '-' || c == 'Z' || c == '+' {
			return y[:i]
		}
	}
	return y
}

func hasValidGregorianYearDigits(y string) bool {
	if len(y) < 4 || len(y) > 9 {
		return false
	}
	return len(y) == 4 || y[0] != '0'
}

func atomizeConstructorArg(seq Sequence, typeName string) (AtomicValue, bool, error) {
	// Atomize the whole argument FIRST, then enforce singleton cardinality on
	// the atomized result. An argument may be an array that flattens to zero,
	// one, or many atomic values; cardinality must be judged on the atomized
	// count, not the raw sequence length. Per function-conversion semantics, an
	// item that cannot be atomized (a map/function → FOTY0013) must surface that
	// error even when it appears after the second atom, so we atomize to
	// completion rather than short-circuiting; XPTY0004 cardinality applies only
	// when atomization succeeds and yields more than one atom.
	var first AtomicValue
	var count int
	err := atomizeStream(seq, func(av AtomicValue) (bool, error) {
		count++
		if count == 1 {
			first = av
		}
		return true, nil
	})
	if err != nil {
		return AtomicValue{}, false, err
	}
	if count == 0 {
		return AtomicValue{}, true, nil
	}
	if count > 1 {
		return AtomicValue{}, false, &XPathError{
			Code:    lexicon.ErrXPTY0004,
			Message: fmt.Sprintf("%s constructor requires a singleton argument", typeName),
		}
	}
	return first, false, nil
}

func fnXSError(_ context.Context, args []Sequence) (Sequence, error) {
	if seqLen(args[0]) == 0 {
		return validNilSequence, nil
	}
	return nil, &XPathError{
		Code:    errCodeFORG0001,
		Message: "xs:error always fails",
	}
}
