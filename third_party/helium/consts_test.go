package helium_test

// testLineFoo is a short fragment used as the `Line` field in ErrParseError
// fixtures. Test-fixture-only — no lexicon counterpart.
const testLineFoo = "<foo>"
