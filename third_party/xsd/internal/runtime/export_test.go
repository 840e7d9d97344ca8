package runtime

import "regexp"

// ValidateSimpleValueRuntimeBoundaryForTest validates a simple value through runtime reads.
func (rt *Schema) ValidateSimpleValueRuntimeBoundaryForTest(id SimpleTypeID, lexical string, resolve func(string) (string, string, bool), needs SimpleValueNeed) (SimpleValue, error) {
	return rt.ValidateSimpleValue(id, lexical, ResolveQNameParts(resolve), needs)
}

// SimpleContentTypeForTest exposes simple-content type projection reads.
func (rt *Schema) SimpleContentTypeForTest(t TypeID) (id SimpleTypeID, present, valid bool) {
	return rt.SimpleContentType(t)
}

// ElementValueConstraintsForTest exposes element value-constraint projection reads.
func (rt *Schema) ElementValueConstraintsForTest(id ElementID) (constraints ElementValueConstraints, present, valid bool) {
	return rt.ElementValueConstraints(id)
}

// ComplexAttributeUsesForTest exposes complex attribute-use projection reads.
func (rt *Schema) ComplexAttributeUsesForTest(id ComplexTypeID) (AttributeUseSetRead, bool) {
	return rt.complexAttributeUses(id)
}

// PatternDFAForTest exposes the pattern DFA (ozgctl patch) to external tests.
type PatternDFAForTest struct{ d *patternDFA }

// NewPatternDFAForTest returns a DFA for re with the default budget.
func NewPatternDFAForTest(re *regexp.Regexp) PatternDFAForTest {
	return PatternDFAForTest{d: newPatternDFA(re)}
}

// MatchString reports the DFA's answer for s; ok is false when it fell back.
func (p PatternDFAForTest) MatchString(s string) (matched, ok bool) { return p.d.matchString(s) }

// Match reports the DFA's answer for b; ok is false when it fell back.
func (p PatternDFAForTest) Match(b []byte) (matched, ok bool) { return p.d.matchBytes(b) }

// Size reports the states built so far and the rune classes.
func (p PatternDFAForTest) Size() (states, classes int) {
	p.d.mu.Lock()
	defer p.d.mu.Unlock()
	return len(p.d.states), p.d.numClasses
}

// RegexpForTest returns the regexp behind a pattern facet, nil for the fast
// matcher.
func (p StringPattern) RegexpForTest() *regexp.Regexp { return p.re }
