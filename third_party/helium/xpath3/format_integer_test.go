package xpath3_test

import (
	"testing"
	"time"

	"github.com/lestrrat-go/helium/internal/lexicon"
	"github.com/lestrrat-go/helium/xpath3"
	"github.com/stretchr/testify/require"
)

// fn:format-integer($value as xs:integer?, $picture as xs:string, ...).
// $picture is a required, exactly-one xs:string. It must be validated
// regardless of whether $value is empty — an empty or oversized $picture
// is XPTY0004, never a panic, and an empty $value with a valid $picture
// yields a zero-length string.
func TestFormatIntegerPictureValidation(t *testing.T) {
	t.Parallel()

	t.Run("empty picture with non-empty value raises XPTY0004", func(t *testing.T) {
		_, err := evaluate(t.Context(), nil, `format-integer(1, ())`)
		require.Error(t, err)
		var xpErr *xpath3.XPathError
		require.ErrorAs(t, err, &xpErr)
		require.Equal(t, lexicon.ErrXPTY0004, xpErr.Code)
	})

	t.Run("empty picture with empty value raises XPTY0004", func(t *testing.T) {
		_, err := evaluate(t.Context(), nil, `format-integer((), ())`)
		require.Error(t, err)
		var xpErr *xpath3.XPathError
		require.ErrorAs(t, err, &xpErr)
		require.Equal(t, lexicon.ErrXPTY0004, xpErr.Code)
	})

	t.Run("oversized picture raises XPTY0004", func(t *testing.T) {
		_, err := evaluate(t.Context(), nil, `format-integer(1, ("0", "0"))`)
		require.Error(t, err)
		var xpErr *xpath3.XPathError
		require.ErrorAs(t, err, &xpErr)
		require.Equal(t, lexicon.ErrXPTY0004, xpErr.Code)
	})

	t.Run("empty value with valid picture yields empty string", func(t *testing.T) {
		result, err := evaluate(t.Context(), nil, `format-integer((), "0")`)
		require.NoError(t, err)
		require.Equal(t, "", result.StringValue())
	})

	t.Run("normal value still formats", func(t *testing.T) {
		result, err := evaluate(t.Context(), nil, `format-integer(123, "0")`)
		require.NoError(t, err)
		require.Equal(t, "123", result.StringValue())
	})
}

// XPath function conversion atomizes an argument before checking cardinality.
// A picture such as ([], "0") atomizes to the single string "0", so it must be
// accepted, not rejected as a 2-item sequence. This is handled by the shared
// xs:string coercion helper, so format-number must behave identically.
func TestStringArgAtomizesBeforeCardinality(t *testing.T) {
	t.Parallel()

	cases := []struct {
		expr   string
		expect string
	}{
		{`format-integer(123, ([], "0"))`, "123"},
		{`format-integer((), ([], "0"))`, ""},
		{`format-number(123, ([], "0"))`, "123"},
		{`format-number((), ([], "0.0"))`, lexicon.FloatNaN},
		{`upper-case(([], "ab"))`, "AB"},
		{`concat(([], "x"), "y")`, "xy"},
	}
	for _, tc := range cases {
		result, err := evaluate(t.Context(), nil, tc.expr)
		require.NoError(t, err, tc.expr)
		require.Equal(t, tc.expect, result.StringValue(), tc.expr)
	}

	// A genuinely oversized atomized picture is still XPTY0004.
	_, err := evaluate(t.Context(), nil, `format-integer(1, ("0", "0"))`)
	require.Error(t, err)
	var xpErr *xpath3.XPathError
	require.ErrorAs(t, err, &xpErr)
	require.Equal(t, lexicon.ErrXPTY0004, xpErr.Code)
}

// CJK ideographic formatting (picture "一") must not panic for large values that
// require a multi-digit quotient on a unit (e.g. 10億 for 1,000,000,000) and must
// produce correct CJK numerals across magnitudes.
func TestFormatIntegerCJK(t *testing.T) {
	t.Parallel()

	cases := []struct {
		value  string
		expect string
	}{
		{"0", "〇"},
		{"5", "五"},
		{"10", "十"},
		{"11", "十一"},
		{"20", "二十"},
		{"100", "百"},
		{"1234", "千二百三十四"},
		{"10000", "一万"},
		{"100000000", "一億"},
		{"1000000000", "十億"},
		{"1234567890", "十二億三千四百五十六万七千八百九十"},
		{"1000000000000", "一兆"},
	}
	for _, tc := range cases {
		result, err := evaluate(t.Context(), nil, `format-integer(`+tc.value+`, "一")`)
		require.NoError(t, err, tc.value)
		require.Equal(t, tc.expect, result.StringValue(), tc.value)
	}
}

// German/French/Italian cardinal spell-out (picture "w") must be complete
// beyond 100 (hundreds, thousands, millions) and free of the historical
// "quarantine" typo for French 40. Previously these degraded to decimal digits
// above 100 and emitted "quarantine" for 40-49. Reference algorithm is shared
// with xslt3/number_words.go.
func TestFormatIntegerWordsCardinal(t *testing.T) {
	t.Parallel()

	cases := []struct {
		value  string
		lang   string
		expect string
	}{
		// French: typo fix + completeness
		{"40", "fr", "quarante"},
		{"41", "fr", "quarante et un"},
		{"42", "fr", "quarante-deux"},
		{"71", "fr", "soixante et onze"},
		{"80", "fr", "quatre-vingts"},
		{"81", "fr", "quatre-vingt-un"},
		{"91", "fr", "quatre-vingt-onze"},
		{"100", "fr", "cent"},
		{"123", "fr", "cent vingt-trois"},
		{"200", "fr", "deux cents"},
		{"201", "fr", "deux cent un"},
		{"1000", "fr", "mille"},
		{"2345", "fr", "deux mille trois cent quarante-cinq"},
		// German: completeness
		{"40", "de", "vierzig"},
		{"100", "de", "einhundert"},
		{"123", "de", "einhundertdreiundzwanzig"},
		{"1000", "de", "eintausend"},
		{"2345", "de", "zweitausenddreihundertfünfundvierzig"},
		{"1000000", "de", "eine million "},
		{"2000000", "de", "zwei millionen "},
		// Italian: completeness
		{"40", "it", "quaranta"},
		{"100", "it", "cento"},
		{"123", "it", "centoventitre"},
		{"1000", "it", "mille"},
		{"2345", "it", "duemilatrecentoquarantacinque"},
	}
	for _, tc := range cases {
		expr := `format-integer(` + tc.value + `, "w", "` + tc.lang + `")`
		result, err := evaluate(t.Context(), nil, expr)
		require.NoError(t, err, expr)
		require.Equal(t, tc.expect, result.StringValue(), expr)
	}
}

// The atomize-first rewrite must not materialize a large sequence just to reject
// it on cardinality — it stops at the second atomized item.
func TestStringArgRejectsLongSequencePromptly(t *testing.T) {
	t.Parallel()
	done := make(chan struct{})
	go func() {
		defer close(done)
		_, err := evaluate(t.Context(), nil, `upper-case(1 to 100000000)`)
		require.Error(t, err)
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("coercion materialized a large sequence instead of stopping at the 2nd item")
	}
}

// German and Italian ordinal spell-out (picture "w;o") exercise
// applyOrdinalWordsDe / germanOrdinalWord / germanWordToNumber and
// applyOrdinalWordsIt / italianOrdinalWord, which the cardinal "w" path
// does not reach.
func TestFormatIntegerOrdinalWords(t *testing.T) {
	cases := []struct {
		value string
		lang  string
	}{
		// German ordinals: small (< 20) -> "...te"; larger -> "...ste".
		{"1", "de"},
		{"3", "de"},
		{"7", "de"},
		{"20", "de"},
		{"21", "de"},
		{"42", "de"},
		{"100", "de"},
		// Italian ordinals (masculine).
		{"1", "it"},
		{"3", "it"},
		{"10", "it"},
		{"21", "it"},
		{"100", "it"},
	}
	for _, tc := range cases {
		expr := `format-integer(` + tc.value + `, "w;o", "` + tc.lang + `")`
		r, err := evaluate(t.Context(), nil, expr)
		require.NoError(t, err, expr)
		require.NotEmpty(t, r.StringValue(), expr)
	}
}
