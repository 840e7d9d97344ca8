package xpath3

import (
	"encoding/base64"
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"

	"github.com/lestrrat-go/helium/internal/lexicon"
)

func castToDouble(v AtomicValue) (AtomicValue, error) {
	switch v.TypeName {
	case TypeDouble:
		return v, nil
	case TypeFloat:
		// Promote float to double precision (preserving the float32-precision value)
		return AtomicValue{TypeName: TypeDouble, Value: NewDouble(v.DoubleVal())}, nil
	case TypeInteger:
		if iv, ok := v.Value.(int64); ok {
			return AtomicValue{TypeName: TypeDouble, Value: NewDouble(float64(iv))}, nil
		}
		f, _ := new(big.Float).SetInt(v.BigInt()).Float64()
		return AtomicValue{TypeName: TypeDouble, Value: NewDouble(f)}, nil
	case TypeDecimal:
		f, _ := v.BigRat().Float64()
		return AtomicValue{TypeName: TypeDouble, Value: NewDouble(f)}, nil
	case TypeBoolean:
		if v.BooleanVal() {
			return AtomicValue{TypeName: TypeDouble, Value: NewDouble(1)}, nil
		}
		return AtomicValue{TypeName: TypeDouble, Value: NewDouble(0)}, nil
	case TypeString, TypeUntypedAtomic:
		return CastFromString(v.StringVal(), TypeDouble)
	default:
		// Integer-derived subtypes (xs:int, xs:long, xs:positiveInteger, …) store
		// their value as int64/*big.Int just like xs:integer, so promote through
		// the integer value space.
		if isIntegerDerived(v.TypeName) {
			f, _ := new(big.Float).SetInt(v.BigInt()).Float64()
			return AtomicValue{TypeName: TypeDouble, Value: NewDouble(f)}, nil
		}
		if isStringDerived(v.TypeName) {
			return CastFromString(v.StringVal(), TypeDouble)
		}
	}
	return AtomicValue{}, &XPathError{Code: lexicon.ErrXPTY0004, Message: fmt.Sprintf("cannot cast %s to xs:double", v.TypeName)}
}

func castToFloat(v AtomicValue) (AtomicValue, error) {
	// When casting from string, use the xs:float lexical rules directly
	// (XSD 1.1 accepts "INF", lexicon.FloatNegINF, "+INF", "NaN")
	if v.TypeName == TypeString || v.TypeName == TypeUntypedAtomic || isStringDerived(v.TypeName) {
		return castStringToFloat(strings.TrimSpace(v.StringVal()))
	}
	// For non-string sources, promote through double then narrow
	dbl, err := castToDouble(v)
	if err != nil {
		return AtomicValue{}, err
	}
	f := dbl.DoubleVal()
	return AtomicValue{TypeName: TypeFloat, Value: NewFloat(f)}, nil
}

// castStringToFloat parses s as an xs:float using XSD 1.1 lexical rules.
// Valid special values: "INF", "+INF", lexicon.FloatNegINF, "NaN". All other values must be
// numeric literals that fit in float32 range.
func castStringToFloat(s string) (AtomicValue, error) {
	switch s {
	case lexicon.FloatINF, "+INF":
		return AtomicValue{TypeName: TypeFloat, Value: NewFloat(math.Inf(1))}, nil
	case lexicon.FloatNegINF:
		return AtomicValue{TypeName: TypeFloat, Value: NewFloat(math.Inf(-1))}, nil
	case lexicon.FloatNaN:
		return AtomicValue{TypeName: TypeFloat, Value: NewFloat(math.NaN())}, nil
	}
	// Reject case-insensitive nan/inf variants that strconv.ParseFloat accepts
	// but XSD 1.1 does not (only exact "NaN", "INF", "+INF", lexicon.FloatNegINF are valid,
	// already handled above).
	lower := strings.ToLower(s)
	if lower == "nan" || lower == "inf" || lower == "+inf" || lower == "-inf" {
		return AtomicValue{}, castError(s, TypeFloat)
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return AtomicValue{}, castError(s, TypeFloat)
	}
	// Reject infinity from ParseFloat — only whitelisted "INF"/lexicon.FloatNegINF above are valid
	if math.IsInf(f, 0) {
		return AtomicValue{}, castError(s, TypeFloat)
	}
	// Values that overflow float32 range become ±INF for xs:float
	// (per XSD casting rules: overflow → infinity, not error).
	f32 := float32(f)
	// Store the float32-rounded value so precision matches xs:float semantics
	return AtomicValue{TypeName: TypeFloat, Value: NewFloat(float64(f32))}, nil
}

func castToInteger(v AtomicValue) (AtomicValue, error) {
	switch v.TypeName {
	case TypeInteger:
		return v, nil
	case TypeDouble, TypeFloat:
		f := v.DoubleVal()
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return AtomicValue{}, &XPathError{Code: errCodeFOCA0002, Message: "cannot cast NaN/INF to xs:integer"}
		}
		bi, _ := new(big.Float).SetFloat64(f).Int(nil)
		return AtomicValue{TypeName: TypeInteger, Value: bi}, nil
	case TypeDecimal:
		// Truncate rational toward zero
		r := v.BigRat()
		q := new(big.Int).Quo(r.Num(), r.Denom())
		return AtomicValue{TypeName: TypeInteger, Value: q}, nil
	case TypeBoolean:
		if v.BooleanVal() {
			return AtomicValue{TypeName: TypeInteger, Value: int64(1)}, nil
		}
		return AtomicValue{TypeName: TypeInteger, Value: int64(0)}, nil
	default:
		return castStringLikeOrFail(v, TypeInteger)
	}
}

func castToDecimal(v AtomicValue) (AtomicValue, error) {
	switch v.TypeName {
	case TypeInteger:
		if iv, ok := v.Value.(int64); ok {
			return AtomicValue{TypeName: TypeDecimal, Value: new(big.Rat).SetInt64(iv)}, nil
		}
		r := new(big.Rat).SetInt(v.BigInt())
		return AtomicValue{TypeName: TypeDecimal, Value: r}, nil
	case TypeDouble, TypeFloat:
		f := v.DoubleVal()
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return AtomicValue{}, &XPathError{Code: errCodeFOCA0002, Message: "cannot cast NaN/INF to xs:decimal"}
		}
		r := new(big.Rat).SetFloat64(f)
		return AtomicValue{TypeName: TypeDecimal, Value: r}, nil
	case TypeBoolean:
		if v.BooleanVal() {
			return AtomicValue{TypeName: TypeDecimal, Value: big.NewRat(1, 1)}, nil
		}
		return AtomicValue{TypeName: TypeDecimal, Value: big.NewRat(0, 1)}, nil
	default:
		return castStringLikeOrFail(v, TypeDecimal)
	}
}

func castToBoolean(v AtomicValue) (AtomicValue, error) {
	switch v.TypeName {
	case TypeBoolean:
		return v, nil
	case TypeInteger:
		if iv, ok := v.Value.(int64); ok {
			return AtomicValue{TypeName: TypeBoolean, Value: iv != 0}, nil
		}
		return AtomicValue{TypeName: TypeBoolean, Value: v.BigInt().Sign() != 0}, nil
	case TypeDouble, TypeFloat:
		f := v.DoubleVal()
		return AtomicValue{TypeName: TypeBoolean, Value: f != 0 && !math.IsNaN(f)}, nil
	case TypeDecimal:
		return AtomicValue{TypeName: TypeBoolean, Value: v.BigRat().Sign() != 0}, nil
	default:
		return castStringLikeOrFail(v, TypeBoolean)
	}
}

func castToBase64Binary(v AtomicValue) (AtomicValue, error) {
	switch v.TypeName {
	case TypeHexBinary:
		return AtomicValue{TypeName: TypeBase64Binary, Value: v.BytesVal()}, nil
	default:
		return castStringLikeOrFail(v, TypeBase64Binary)
	}
}

// xsdBase64Encoding is base64.StdEncoding with Strict() to reject non-zero
// trailing bits before padding (per XSD base64Binary lexical rules).
var xsdBase64Encoding = base64.StdEncoding.Strict()

// decodeXSDBase64 decodes a base64 string per XSD lexical rules:
// - whitespace (space, tab, CR, LF) is stripped before decoding
// - trailing non-zero bits before padding are rejected (strict mode)
func decodeXSDBase64(s string) ([]byte, error) {
	// Strip whitespace per XSD base64Binary lexical space (collapse)
	var cleaned strings.Builder
	for _, c := range s {
		if c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			cleaned.WriteRune(c)
		}
	}
	return xsdBase64Encoding.DecodeString(cleaned.String())
}

func castToHexBinary(v AtomicValue) (AtomicValue, error) {
	switch v.TypeName {
	case TypeBase64Binary:
		return AtomicValue{TypeName: TypeHexBinary, Value: v.BytesVal()}, nil
	default:
		return castStringLikeOrFail(v, TypeHexBinary)
	}
}

// castStringLikeOrFail casts a string-like source (xs:string, xs:untypedAtomic,
// or any string-derived type) to targetType via CastFromString. Any other
// source type yields XPTY0004. It is the shared fallthrough tail for the
// non-string cast helpers; targetType doubles as the error message literal
// since the Type* constants are their own lexical names (e.g. "xs:integer").
func castStringLikeOrFail(v AtomicValue, targetType string) (AtomicValue, error) {
	switch {
	case v.TypeName == TypeString || v.TypeName == TypeUntypedAtomic || isStringDerived(v.TypeName):
		return CastFromString(v.StringVal(), targetType)
	}
	return AtomicValue{}, &XPathError{Code: lexicon.ErrXPTY0004, Message: fmt.Sprintf("cannot cast %s to %s", v.TypeName, targetType)}
}
