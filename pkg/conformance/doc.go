// Package conformance assembles the pipelines that check messages: [Build]
// turns a [Config] (schemas, code lists, Schematron, profiles) into the
// [batch.Stage]s that [batch.Run] runs over the inputs,
//
//	prolog (DOCTYPE refused) → identify → XSD → code lists → profile (select → XSD → code lists → rules) → Schematron
//
// loading every schema set, code list and rule file once. "ozgctl check",
// "ozgctl profile test" and every later command that checks messages build
// their pipeline here, so a message gets the same verdict whichever command
// checked it. Profiles (sharpened standards) live below, in package profile.
package conformance
