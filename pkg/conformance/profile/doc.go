// Package profile holds conformance profiles (sharpened standards) and
// the test-set runner used by standards authors.
//
// # Test sets
//
// [ReadTestSet] reads a VEFA testSet file (the format of the EN16931 unit
// tests: each test holds an instance and expected success, error and
// warning rule ids) or a plain directory with valid/ and invalid/
// instances, where every invalid/NAME.xml has a NAME.expect side file.
// [Run] checks each case with a [CheckFunc] and [Judge] compares the
// findings with the expectation.
package profile
