package validate

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/jacoelho/xsd/internal/runtime"
	"github.com/jacoelho/xsd/xsderrors"
)

func explicitRetainedPath(text string) retainedPath {
	store := &documentPathStore{nodes: []documentPathNode{{text: text}}}
	return retainedPath{store: store, ref: documentPathRef{node: 1, end: len(text)}}
}

type identityTestPathSource struct {
	text string
	path retainedPath
}

func (s identityTestPathSource) PathString() string {
	return s.text
}

func (s identityTestPathSource) PathStringAtDepth(int) string {
	return s.text
}

func (s identityTestPathSource) retainPathAtDepth(int) retainedPath {
	return s.path
}

func identityTestContext(path string, line, column int) StartContext {
	source := identityTestPathSource{text: path, path: explicitRetainedPath(path)}
	return StartContext{
		document: source,
		Path:     path,
		Line:     line,
		Column:   column,
	}
}

func TestIdentityStateRecordIDREFSReusesStaging(t *testing.T) {
	for _, refs := range []int{1, 1000} {
		t.Run(strconv.Itoa(refs), func(t *testing.T) {
			evaluation := identityEvaluation{limits: identityLimits{
				Entries:    defaultMaxIdentityEntries,
				TupleBytes: defaultMaxIdentityTupleBytes,
			}}
			value := strings.Repeat("id ", refs)
			ctx := identityTestContext("/refs", 2, 3)
			if err := evaluation.recordIdentityFields("", value, ctx); err != nil {
				t.Fatal(err)
			}
			evaluation.reset(maxRetainedMapLen, maxRetainedSliceCap)

			var recordErr error
			allocs := testing.AllocsPerRun(100, func() {
				recordErr = evaluation.recordIdentityFields("", value, ctx)
				evaluation.reset(maxRetainedMapLen, maxRetainedSliceCap)
			})
			if recordErr != nil {
				t.Fatal(recordErr)
			}
			if allocs != 0 {
				t.Fatalf("recordIdentityFields() allocations = %v, want 0", allocs)
			}
		})
	}
}

func TestIdentityStateLimitsBoundStaging(t *testing.T) {
	tests := []struct {
		name      string
		limits    identityLimits
		refs      string
		message   string
		maxStaged int
	}{
		{name: "entries", limits: identityLimits{Entries: 1}, refs: "a b c", message: "identity entry limit exceeded", maxStaged: 1},
		{name: "tuple bytes", limits: identityLimits{TupleBytes: 1}, refs: "aa bb", message: "identity tuple byte limit exceeded", maxStaged: 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evaluation := identityEvaluation{limits: tt.limits}
			err := evaluation.stageIdentityRefs(tt.refs, identityTestContext("/refs", 2, 3))
			expectXSDCode(t, err, xsderrors.CodeValidationLimit)
			expectXSDMessage(t, err, tt.message)
			if got := len(evaluation.fieldStaging.values); got > tt.maxStaged {
				t.Fatalf("staged values = %d, want at most %d", got, tt.maxStaged)
			}
		})
	}
}

// startSelectionForTest starts an unbounded selection for white-box state tests.
func (s *identityState) startSelectionForTest(scope, depth int, constraint runtime.IdentityConstraintID, fieldCount int, ctx StartContext) {
	if err := s.startSelection(scope, depth, constraint, fieldCount, 0, ctx); err != nil {
		panic(err)
	}
}

func TestIdentitySelectionLimitPrecedesPendingStateAllocation(t *testing.T) {
	var state identityState
	state.startSelectionForTest(0, 1, 0, 2, identityTestContext("/root/a", 2, 3))
	wantSelections := len(state.selections)
	wantFields := len(state.fieldValues)
	wantNodeID := state.nextNodeID

	err := state.startSelection(0, 2, 0, 3, 1, identityTestContext("/root/a/a", 4, 5))
	expectXSDCode(t, err, xsderrors.CodeValidationLimit)
	if len(state.selections) != wantSelections || len(state.fieldValues) != wantFields || state.nextNodeID != wantNodeID {
		t.Fatalf(
			"denied selection mutated state: selections=%d fields=%d node=%d, want %d/%d/%d",
			len(state.selections),
			len(state.fieldValues),
			state.nextNodeID,
			wantSelections,
			wantFields,
			wantNodeID,
		)
	}
}

func TestIdentitySelectionFieldValueLimitPrecedesAllocation(t *testing.T) {
	t.Run("exact", func(t *testing.T) {
		var state identityState
		if err := state.startSelection(0, 1, 0, 2, 4, identityTestContext("/root/a", 0, 0)); err != nil {
			t.Fatal(err)
		}
		if err := state.startSelection(0, 2, 0, 2, 4, identityTestContext("/root/a/a", 0, 0)); err != nil {
			t.Fatal(err)
		}
		if len(state.selections) != 2 || len(state.fieldValues) != 4 || state.nextNodeID != 2 {
			t.Fatalf(
				"exact limit state: selections=%d fields=%d node=%d, want 2/4/2",
				len(state.selections),
				len(state.fieldValues),
				state.nextNodeID,
			)
		}
	})

	for _, test := range []struct {
		name       string
		fieldCount int
	}{
		{name: "exceeded", fieldCount: 3},
		{name: "overflow-sized request", fieldCount: math.MaxInt},
	} {
		t.Run(test.name, func(t *testing.T) {
			var state identityState
			if err := state.startSelection(0, 1, 0, 2, 4, identityTestContext("/root/a", 0, 0)); err != nil {
				t.Fatal(err)
			}
			wantSelections := len(state.selections)
			wantSelectionCap := cap(state.selections)
			wantFields := len(state.fieldValues)
			wantFieldCap := cap(state.fieldValues)
			wantNodeID := state.nextNodeID

			err := state.startSelection(0, 2, 0, test.fieldCount, 4, identityTestContext("/root/a/a", 0, 0))
			expectXSDCode(t, err, xsderrors.CodeValidationLimit)
			if len(state.selections) != wantSelections || cap(state.selections) != wantSelectionCap ||
				len(state.fieldValues) != wantFields || cap(state.fieldValues) != wantFieldCap ||
				state.nextNodeID != wantNodeID {
				t.Fatalf(
					"denied selection mutated state: selections=%d/%d fields=%d/%d node=%d, want %d/%d %d/%d %d",
					len(state.selections),
					cap(state.selections),
					len(state.fieldValues),
					cap(state.fieldValues),
					state.nextNodeID,
					wantSelections,
					wantSelectionCap,
					wantFields,
					wantFieldCap,
					wantNodeID,
				)
			}
		})
	}
}

func TestIdentitySelectionRejectsDecreasingDepth(t *testing.T) {
	t.Parallel()

	var state identityState
	state.startSelectionForTest(0, 2, 0, 1, identityTestContext("/root/child", 0, 0))
	wantSelections := len(state.selections)
	wantFields := len(state.fieldValues)
	wantNodeID := state.nextNodeID

	err := state.startSelection(0, 1, 0, 1, 0, identityTestContext("/root", 0, 0))
	expectXSDCode(t, err, xsderrors.CodeInternalInvariant)
	if len(state.selections) != wantSelections || len(state.fieldValues) != wantFields || state.nextNodeID != wantNodeID {
		t.Fatal("rejected selection changed identity state")
	}
}

func TestIdentityStateRejectsDuplicateIDWithoutMutating(t *testing.T) {
	t.Parallel()

	var evaluation identityEvaluation
	ctx := identityTestContext("/first", 2, 3)
	if err := evaluation.recordIdentityFields("a", "", ctx); err != nil {
		t.Fatalf("recordValue(first) error = %v", err)
	}
	err := evaluation.recordIdentityFields("a", "", identityTestContext("/second", 4, 5))
	expectXSDCode(t, err, xsderrors.CodeValidationType)
	expectXSDMessage(t, err, "duplicate ID a first seen at /first")
	if evaluation.entries != 1 {
		t.Fatalf("entries = %d, want 1", evaluation.entries)
	}
	if len(evaluation.fieldStaging.ids) != 0 || len(evaluation.fieldStaging.values) != 0 {
		t.Fatalf("duplicate ID retained staging: %+v", evaluation.fieldStaging)
	}
	if got := evaluation.ids["a"].String(); got != "/first" {
		t.Fatalf("ids[a] = %q, want /first", got)
	}

	batch := identityEvaluation{limits: identityLimits{Entries: 1}}
	err = batch.recordIdentityFields("a a", "", identityTestContext("/batch", 6, 7))
	expectXSDCode(t, err, xsderrors.CodeValidationType)
	expectXSDMessage(t, err, "duplicate ID a first seen at /batch")
	if len(batch.ids) != 0 || batch.entries != 0 {
		t.Fatalf("duplicate ID batch mutated state: ids=%v entries=%d", batch.ids, batch.entries)
	}
	if len(batch.fieldStaging.ids) != 0 || len(batch.fieldStaging.values) != 0 {
		t.Fatalf("duplicate ID batch retained staging: %+v", batch.fieldStaging)
	}
}

func TestIdentityStateResolvesIDREFAgainstLaterID(t *testing.T) {
	t.Parallel()

	var evaluation identityEvaluation
	if err := evaluation.recordIdentityFields("", "a", identityTestContext("/ref", 2, 3)); err != nil {
		t.Fatalf("recordValue(IDREF) error = %v", err)
	}
	if err := evaluation.recordIdentityFields("a", "", identityTestContext("/id", 4, 5)); err != nil {
		t.Fatalf("recordValue(ID) error = %v", err)
	}
	err := evaluation.endDocument(func(err error) error {
		t.Fatalf("checkIDRefs reported resolved ref: %v", err)
		return nil
	})

	if err != nil {
		t.Fatalf("checkIDRefs() error = %v", err)
	}
}

func TestIdentityStateReportsMissingIDREFAtOriginalLocation(t *testing.T) {
	t.Parallel()

	var evaluation identityEvaluation
	if err := evaluation.recordIdentityFields("", "missing", identityTestContext("/ref", 2, 3)); err != nil {
		t.Fatalf("recordValue(IDREF) error = %v", err)
	}
	var got error
	err := evaluation.endDocument(func(err error) error {
		got = err
		return nil
	})

	if err != nil {
		t.Fatalf("checkIDRefs() error = %v", err)
	}
	expectXSDCode(t, got, xsderrors.CodeValidationType)
	expectXSDMessage(t, got, "IDREF does not resolve: missing")
	expectXSDLocation(t, got, "/ref", 2, 3)
}

func TestIdentityStateUsesXMLWhitespaceFields(t *testing.T) {
	t.Parallel()

	var evaluation identityEvaluation
	if err := evaluation.recordIdentityFields("a\tb\nc", "", identityTestContext("/ids", 2, 3)); err != nil {
		t.Fatalf("recordValue(IDs) error = %v", err)
	}
	if len(evaluation.ids) != 3 {
		t.Fatalf("ids = %d, want 3", len(evaluation.ids))
	}
	if err := evaluation.recordIdentityFields("", "a\u00a0b", identityTestContext("/refs", 4, 5)); err != nil {
		t.Fatalf("recordValue(IDRefs) error = %v", err)
	}
	var got error
	if err := evaluation.endDocument(func(err error) error {
		got = err
		return nil
	}); err != nil {
		t.Fatalf("checkIDRefs() error = %v", err)
	}
	expectXSDMessage(t, got, "IDREF does not resolve: a\u00a0b")
}

func TestSimpleValueIdentityKey(t *testing.T) {
	t.Parallel()

	const canonicalTrue = "true"
	rt, booleanType := booleanRuntimeForTest(t)
	tests := []struct {
		name  string
		value runtime.SimpleValue
		want  string
		ok    bool
	}{
		{
			name:  "precomputed identity",
			value: runtime.SimpleValue{Identity: "precomputed", Type: runtime.SimpleTypeID(99)},
			want:  "precomputed",
			ok:    true,
		},
		{
			name:  "untyped",
			value: runtime.SimpleValue{Canonical: "text", Type: runtime.NoSimpleType},
			want:  runtime.UntypedSimpleIdentityKey("text"),
			ok:    true,
		},
		{
			name:  "typed primitive",
			value: runtime.SimpleValue{Canonical: canonicalTrue, Type: booleanType},
			want:  runtime.SimpleIdentityKey(runtime.PrimitiveBoolean, canonicalTrue),
			ok:    true,
		},
		{
			name:  "invalid type",
			value: runtime.SimpleValue{Canonical: "x", Type: runtime.SimpleTypeID(99)},
			ok:    false,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()

			got, ok := simpleValueIdentityKey(rt, tt.value)
			if ok != tt.ok {
				t.Fatalf("simpleValueIdentityKey() ok = %v, want %v", ok, tt.ok)
			}
			if got != tt.want {
				t.Fatalf("simpleValueIdentityKey() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestIdentityStateLimitFailuresDoNotAppendOrInsert(t *testing.T) {
	t.Parallel()

	evaluation := identityEvaluation{limits: identityLimits{Entries: 1}}
	if err := evaluation.recordIdentityFields("a", "", identityTestContext("/id", 2, 3)); err != nil {
		t.Fatalf("recordValue(ID) error = %v", err)
	}
	err := evaluation.recordIdentityFields("", "b", identityTestContext("/ref", 4, 5))
	expectXSDCode(t, err, xsderrors.CodeValidationLimit)
	if len(evaluation.idrefs) != 0 {
		t.Fatalf("idrefs = %d, want 0 after failed reserve", len(evaluation.idrefs))
	}
	if evaluation.entries != 1 {
		t.Fatalf("entries = %d, want 1", evaluation.entries)
	}
	if len(evaluation.fieldStaging.ids) != 0 || len(evaluation.fieldStaging.values) != 0 {
		t.Fatalf("entry limit retained staging: %+v", evaluation.fieldStaging)
	}

	tooLong := identityEvaluation{limits: identityLimits{TupleBytes: 3}}
	err = tooLong.recordIdentityFields("", "a abcd", identityTestContext("/ref", 2, 3))
	expectXSDCode(t, err, xsderrors.CodeValidationLimit)
	if len(tooLong.idrefs) != 0 || tooLong.entries != 0 {
		t.Fatalf("tuple limit mutated state: idrefs=%d entries=%d", len(tooLong.idrefs), tooLong.entries)
	}
	if len(tooLong.fieldStaging.ids) != 0 || len(tooLong.fieldStaging.values) != 0 {
		t.Fatalf("tuple limit retained staging: %+v", tooLong.fieldStaging)
	}
}

func TestIdentityStateResetClearsAndDropsOversizedState(t *testing.T) {
	t.Parallel()

	constraints, ok := runtime.ElementIdentityConstraintIDs([][]runtime.IdentityConstraintID{{1}}, 0)
	if !ok {
		t.Fatal("ElementIdentityConstraintIDs() rejected test fixture")
	}
	state := identityState{
		ids: map[string]retainedPath{"a": explicitRetainedPath("/id")},
		idrefs: append(make([]identityRef, 0, 2),
			identityRef{Value: "a"},
		),
		fieldStaging: identityFieldStaging{
			ids:    map[string]struct{}{"a": {}},
			values: append(make([]string, 0, 2), "a"),
		},
		scopes: append(make([]identityScope, 0, 2),
			identityScope{
				tables: map[runtime.IdentityConstraintID]map[string]identityTableEntry{
					1: {"a": {path: explicitRetainedPath("/id")}},
				},
				constraints: constraints,
				refs:        []identityTupleRef{{key: "a"}},
			},
		),
		selections: append(make([]identitySelection, 0, 2),
			identitySelection{fieldStart: 0, fieldLen: 1},
		),
		fieldValues: append(make([]identityFieldValue, 0, 2),
			identityFieldValue{value: "a", state: identityFieldPresent},
		),
		matches: append(make([]identityFieldMatch, 0, 2),
			identityFieldMatch{Selection: 1, Field: 2},
		),
		entries:    3,
		nextNodeID: 4,
	}
	state.reset(1, 2)
	if state.ids == nil {
		t.Fatalf("Reset() dropped bounded ID map")
	}
	if len(state.ids) != 0 ||
		len(state.idrefs) != 0 ||
		len(state.fieldStaging.ids) != 0 ||
		len(state.fieldStaging.values) != 0 ||
		len(state.scopes) != 0 ||
		len(state.selections) != 0 ||
		len(state.fieldValues) != 0 ||
		len(state.matches) != 0 ||
		state.entries != 0 ||
		state.nextNodeID != 0 {
		t.Fatalf(
			"Reset() retained state: ids=%d idrefs=%d staged_ids=%d staged_values=%d scopes=%d selections=%d fields=%d matches=%d entries=%d nextNodeID=%d",
			len(state.ids),
			len(state.idrefs),
			len(state.fieldStaging.ids),
			len(state.fieldStaging.values),
			len(state.scopes),
			len(state.selections),
			len(state.fieldValues),
			len(state.matches),
			state.entries,
			state.nextNodeID,
		)
	}
	if got := state.scopes[:cap(state.scopes)][0]; got.tables != nil || got.constraints.Len() != 0 || got.refs != nil {
		t.Fatalf("Reset() retained scoped identity references: %+v", got)
	}
	if got := state.fieldValues[:cap(state.fieldValues)][0]; got.state != identityFieldAbsent || got.value != "" {
		t.Fatalf("Reset() retained field value: %+v", got)
	}
	if got := state.fieldStaging.values[:cap(state.fieldStaging.values)][0]; got != "" {
		t.Fatalf("Reset() retained staged identity value %q", got)
	}

	state.ids = map[string]retainedPath{
		"a": explicitRetainedPath("/a"),
		"b": explicitRetainedPath("/b"),
	}
	state.idrefs = append(make([]identityRef, 0, 3), identityRef{Value: "a"})
	state.fieldStaging = identityFieldStaging{
		ids:    map[string]struct{}{"a": {}, "b": {}},
		values: append(make([]string, 0, 3), "a"),
	}
	state.scopes = append(make([]identityScope, 0, 3), identityScope{})
	state.selections = append(make([]identitySelection, 0, 3), identitySelection{})
	state.fieldValues = append(make([]identityFieldValue, 0, 3), identityFieldValue{})
	state.matches = append(make([]identityFieldMatch, 0, 3), identityFieldMatch{})
	state.entries = 2
	state.nextNodeID = 5
	state.reset(1, 2)
	if state.ids != nil ||
		state.idrefs != nil ||
		state.fieldStaging.ids != nil ||
		state.fieldStaging.values != nil ||
		state.scopes != nil ||
		state.selections != nil ||
		state.fieldValues != nil ||
		state.matches != nil ||
		state.entries != 0 ||
		state.nextNodeID != 0 {
		t.Fatalf(
			"Reset() retained oversized state: ids=%v idrefs=%v staged_ids=%v staged_values=%v scopes=%v selections=%v fields=%v matches=%v entries=%d nextNodeID=%d",
			state.ids,
			state.idrefs,
			state.fieldStaging.ids,
			state.fieldStaging.values,
			state.scopes,
			state.selections,
			state.fieldValues,
			state.matches,
			state.entries,
			state.nextNodeID,
		)
	}
}

func TestIdentityStateStartScopeEnforcesLimit(t *testing.T) {
	t.Parallel()

	var state identityState
	const id runtime.IdentityConstraintID = 1
	constraints, ok := runtime.ElementIdentityConstraintIDs([][]runtime.IdentityConstraintID{{id}}, 0)
	if !ok {
		t.Fatal("ElementIdentityConstraintIDs() rejected test fixture")
	}
	ctx := identityTestContext("/root", 2, 3)
	if err := state.startScope(constraints, 1, 1, ctx); err != nil {
		t.Fatalf("startScope(first) error = %v", err)
	}
	err := state.startScope(constraints, 2, 1, ctx)
	expectXSDCode(t, err, xsderrors.CodeValidationLimit)
	expectXSDMessage(t, err, "identity scope limit exceeded")
	if len(state.scopes) != 1 {
		t.Fatalf("scopes = %d, want 1", len(state.scopes))
	}
}

func TestIdentityStateCaptureFieldsRejectsInvalidAndDuplicateMatches(t *testing.T) {
	t.Parallel()

	var state identityState
	const id runtime.IdentityConstraintID = 1
	startIdentityScope(t, &state, []runtime.IdentityConstraintID{id}, 1, "/root")
	state.startSelectionForTest(0, 2, id, 1, identityTestContext("/row", 4, 5))

	err := state.captureFields([]identityFieldMatch{{Selection: 1, Field: 0}}, "a", identityTestContext("/row/id", 6, 7))
	expectXSDCode(t, err, xsderrors.CodeInternalInvariant)

	err = state.captureFields([]identityFieldMatch{{Selection: 0, Field: 0}}, "a", identityTestContext("/row/id", 6, 7))
	if err != nil {
		t.Fatalf("captureFields(first) error = %v", err)
	}
	err = state.captureFields([]identityFieldMatch{{Selection: 0, Field: 0}}, "b", identityTestContext("/row", 8, 9))
	expectXSDCode(t, err, xsderrors.CodeValidationIdentity)
	expectXSDMessage(t, err, "identity field selects multiple values")
	expectXSDLocation(t, err, "/row", 8, 9)
	if state.fieldValues[0].state != identityFieldInvalid {
		t.Fatal("duplicate field match did not invalidate field")
	}
	if !state.scopes[0].invalid {
		t.Fatal("duplicate field match did not invalidate its owning scope")
	}
	if err := state.finishSelectionWithConstraint(
		runtime.IdentityUnique,
		runtime.NoIdentityConstraint,
		state.selections[0],
		identityLimits{},
		identityTestContext("/row", 10, 11),
	); err != nil {
		t.Fatalf("finishSelectionWithInfo(invalid duplicate) error = %v", err)
	}
	if state.scopes[0].tables != nil {
		t.Fatal("invalid duplicate field published an identity tuple")
	}
}

func TestIdentityStateRejectFieldsWithoutSimpleValueInvalidatesField(t *testing.T) {
	t.Parallel()

	var state identityState
	const id runtime.IdentityConstraintID = 1
	startIdentityScope(t, &state, []runtime.IdentityConstraintID{id}, 1, "/root")
	state.startSelectionForTest(0, 2, id, 1, identityTestContext("/root/item", 4, 5))

	err := state.rejectFieldsWithoutSimpleValue(
		[]identityFieldMatch{{Selection: 0, Field: 0}},
		identityTestContext("/root/item", 6, 7),
	)
	expectXSDCode(t, err, xsderrors.CodeValidationIdentity)
	expectXSDMessage(t, err, "identity field has no simple value")
	expectXSDLocation(t, err, "/root/item", 6, 7)
	if state.fieldValues[0].state != identityFieldInvalid {
		t.Fatal("field not invalid after rejected field node")
	}
	if !state.scopes[0].invalid {
		t.Fatal("rejected field node did not invalidate its owning scope")
	}
	if err := state.finishSelectionWithConstraint(
		runtime.IdentityKey,
		runtime.NoIdentityConstraint,
		state.selections[0],
		identityLimits{},
		identityTestContext("/root/item", 8, 9),
	); err != nil {
		t.Fatalf("finishSelectionWithInfo(invalid key field) error = %v", err)
	}
}

func TestNilledElementIdentityKeyIsStableAndDistinct(t *testing.T) {
	t.Parallel()

	got := nilledElementIdentityKey
	if got != "\xff\x1e\x00nil" {
		t.Fatalf("nilledElementIdentityKeyForTest() = %q", got)
	}
	if got == runtime.SimpleIdentityKey(runtime.PrimitiveString, "nil") {
		t.Fatal("nilled element identity key collided with string nil")
	}
}

func TestEndIdentityCapture(t *testing.T) {
	t.Parallel()

	const elem runtime.ElementID = 1
	tests := []struct {
		name    string
		element identityElementState
		end     identityElementEnd
		want    endIdentityCaptureAction
	}{
		{
			name:    "simple content already captured",
			element: identityElementState{element: elem, nilled: true},
			end:     identityElementEnd{ContentCaptured: true},
			want:    endIdentityCaptureNone,
		},
		{
			name:    "nilled declared element with simple content",
			element: identityElementState{element: elem, nilled: true, simpleContent: true},
			want:    endIdentityCaptureNilledElement,
		},
		{
			name:    "nilled declared element with complex content",
			element: identityElementState{element: elem, nilled: true},
			want:    endIdentityCaptureComplexElement,
		},
		{
			name:    "nilled undeclared element without simple content",
			element: identityElementState{element: runtime.NoElement, nilled: true},
			want:    endIdentityCaptureComplexElement,
		},
		{
			name:    "complex element",
			element: identityElementState{element: elem},
			want:    endIdentityCaptureComplexElement,
		},
		{
			name:    "simple element without captured field",
			element: identityElementState{element: elem, simpleContent: true},
			want:    endIdentityCaptureNone,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := endIdentityCapture(tt.element, tt.end)
			if got != tt.want {
				t.Fatalf("endIdentityCapture() = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestIdentityStateFinishSelectionsReportsMissingKeyField(t *testing.T) {
	t.Parallel()

	var state identityState
	const keyID runtime.IdentityConstraintID = 1
	startIdentityScope(t, &state, []runtime.IdentityConstraintID{keyID}, 1, "/root")
	state.startSelectionForTest(0, 2, keyID, 1, identityTestContext("/row", 4, 5))

	var got error
	err := finishSelectionsForTest(&state, identityInfo(map[runtime.IdentityConstraintID]identityConstraintInfoForTest{
		keyID: {Kind: runtime.IdentityKey},
	}), 2, identityTestContext("/row", 6, 7), func(err error) error {
		got = err
		return nil
	})
	if err != nil {
		t.Fatalf("FinishSelections() error = %v", err)
	}
	expectXSDCode(t, got, xsderrors.CodeValidationIdentity)
	expectXSDMessage(t, got, "key field is missing")
	expectXSDLocation(t, got, "/row", 6, 7)
	if len(state.selections) != 0 || len(state.fieldValues) != 0 {
		t.Fatalf("unfinished selection state: selections=%d fields=%d", len(state.selections), len(state.fieldValues))
	}
}

func TestIdentityStateFinishSelectionsRejectsDuplicateKeyWithoutSecondReserve(t *testing.T) {
	t.Parallel()

	var state identityState
	const keyID runtime.IdentityConstraintID = 1
	startIdentityScope(t, &state, []runtime.IdentityConstraintID{keyID}, 1, "/root")
	info := identityInfo(map[runtime.IdentityConstraintID]identityConstraintInfoForTest{
		keyID: {Kind: runtime.IdentityKey},
	})
	state.startSelectionForTest(0, 2, keyID, 1, identityTestContext("/first", 4, 5))
	captureIdentityField(t, &state, 0, "a")
	if err := finishSelectionsForTest(&state, info, 2, identityTestContext("/first", 4, 5), failIdentityReport(t)); err != nil {
		t.Fatalf("FinishSelections(first) error = %v", err)
	}

	state.startSelectionForTest(0, 2, keyID, 1, identityTestContext("/second", 6, 7))
	captureIdentityField(t, &state, 0, "a")

	var got error
	err := finishSelectionsForTest(&state, info, 2, identityTestContext("/second", 8, 9), func(err error) error {
		got = err
		return nil
	})
	if err != nil {
		t.Fatalf("FinishSelections() error = %v", err)
	}
	expectXSDCode(t, got, xsderrors.CodeValidationIdentity)
	expectXSDMessage(t, got, "duplicate identity value first seen at /first")
	expectXSDLocation(t, got, "/second", 8, 9)
	if state.entries != 1 {
		t.Fatalf("entries = %d, want 1", state.entries)
	}
}

func TestIdentityStateCloseScopesResolvesKeyRefWithinScope(t *testing.T) {
	t.Parallel()

	var state identityState
	const (
		keyID runtime.IdentityConstraintID = 1
		refID runtime.IdentityConstraintID = 2
	)
	info := identityInfo(map[runtime.IdentityConstraintID]identityConstraintInfoForTest{
		keyID: {Kind: runtime.IdentityKey},
		refID: {Kind: runtime.IdentityKeyRef, Refer: keyID},
	})
	startIdentityScope(t, &state, []runtime.IdentityConstraintID{keyID, refID}, 1, "/root")
	state.startSelectionForTest(0, 2, keyID, 1, identityTestContext("/key", 4, 5))
	state.startSelectionForTest(0, 2, refID, 1, identityTestContext("/ref", 6, 7))
	captureIdentityField(t, &state, 0, "a")
	captureIdentityField(t, &state, 1, "a")
	if err := finishSelectionsForTest(&state, info, 2, identityTestContext("/root", 8, 9), failIdentityReport(t)); err != nil {
		t.Fatalf("FinishSelections() error = %v", err)
	}
	invalid, err := state.closeScopes(1, failIdentityReport(t))
	if err != nil {
		t.Fatalf("closeScopes() error = %v", err)
	}
	if invalid {
		t.Fatal("closeScopes() invalid = true for resolved constraints")
	}
}

func TestIdentityStateCloseScopesReportsUnresolvedKeyRef(t *testing.T) {
	t.Parallel()

	var state identityState
	const (
		keyID runtime.IdentityConstraintID = 1
		refID runtime.IdentityConstraintID = 2
	)
	startIdentityScope(t, &state, []runtime.IdentityConstraintID{refID}, 1, "/root")
	state.startSelectionForTest(0, 2, refID, 1, identityTestContext("/ref", 4, 5))
	captureIdentityField(t, &state, 0, "missing")
	if err := finishSelectionsForTest(&state, identityInfo(map[runtime.IdentityConstraintID]identityConstraintInfoForTest{
		refID: {Kind: runtime.IdentityKeyRef, Refer: keyID},
	}), 2, identityTestContext("/ref", 6, 7), failIdentityReport(t)); err != nil {
		t.Fatalf("FinishSelections() error = %v", err)
	}

	var got error
	invalid, err := state.closeScopes(1, func(err error) error {
		got = err
		return nil
	})
	if err != nil {
		t.Fatalf("closeScopes() error = %v", err)
	}
	if !invalid {
		t.Fatal("closeScopes() invalid = false, want true")
	}
	expectXSDCode(t, got, xsderrors.CodeValidationIdentity)
	expectXSDMessage(t, got, "keyref does not resolve")
	expectXSDLocation(t, got, "/ref", 4, 5)
}

func TestIdentityStateMergedChildKeyConflictKeepsParentKeyRefUnresolved(t *testing.T) {
	t.Parallel()

	var state identityState
	const (
		keyID runtime.IdentityConstraintID = 1
		refID runtime.IdentityConstraintID = 2
	)
	info := identityInfo(map[runtime.IdentityConstraintID]identityConstraintInfoForTest{
		keyID: {Kind: runtime.IdentityKey},
		refID: {Kind: runtime.IdentityKeyRef, Refer: keyID},
	})
	startIdentityScope(t, &state, []runtime.IdentityConstraintID{refID}, 1, "/root")

	startIdentityScope(t, &state, []runtime.IdentityConstraintID{keyID}, 2, "/root/a")
	state.startSelectionForTest(1, 3, keyID, 1, identityTestContext("/root/a/id", 4, 5))
	captureIdentityField(t, &state, 0, "x")
	if err := finishSelectionsForTest(&state, info, 3, identityTestContext("/root/a", 6, 7), failIdentityReport(t)); err != nil {
		t.Fatalf("FinishSelections(first child) error = %v", err)
	}
	if _, err := state.closeScopes(2, failIdentityReport(t)); err != nil {
		t.Fatalf("closeScopes(first child) error = %v", err)
	}

	startIdentityScope(t, &state, []runtime.IdentityConstraintID{keyID}, 2, "/root/b")
	state.startSelectionForTest(1, 3, keyID, 1, identityTestContext("/root/b/id", 8, 9))
	captureIdentityField(t, &state, 0, "x")
	if err := finishSelectionsForTest(&state, info, 3, identityTestContext("/root/b", 10, 11), failIdentityReport(t)); err != nil {
		t.Fatalf("FinishSelections(second child) error = %v", err)
	}
	if _, err := state.closeScopes(2, failIdentityReport(t)); err != nil {
		t.Fatalf("closeScopes(second child) error = %v", err)
	}

	state.startSelectionForTest(0, 3, refID, 1, identityTestContext("/root/ref", 12, 13))
	captureIdentityField(t, &state, 0, "x")
	if err := finishSelectionsForTest(&state, info, 3, identityTestContext("/root/ref", 14, 15), failIdentityReport(t)); err != nil {
		t.Fatalf("FinishSelections(ref) error = %v", err)
	}

	var got error
	if _, err := state.closeScopes(1, func(err error) error {
		got = err
		return nil
	}); err != nil {
		t.Fatalf("closeScopes(parent) error = %v", err)
	}
	expectXSDCode(t, got, xsderrors.CodeValidationIdentity)
	expectXSDMessage(t, got, "keyref does not resolve")
	expectXSDLocation(t, got, "/root/ref", 12, 13)
}

func TestMergeIdentityTableUsesLargerMapWithoutChangingParentPrecedence(t *testing.T) {
	t.Parallel()
	parentEntry := identityTableEntry{path: explicitRetainedPath("/parent"), node: 1}
	parent := map[string]identityTableEntry{
		"same": parentEntry,
	}
	child := map[string]identityTableEntry{
		"same":   {path: explicitRetainedPath("/child"), node: 1},
		"other1": {path: explicitRetainedPath("/child/1"), node: 2},
		"other2": {path: explicitRetainedPath("/child/2"), node: 3},
	}
	merged := mergeIdentityTable(parent, child)
	if got := merged["same"]; got != parentEntry {
		t.Fatalf("same-node entry = %+v, want parent entry", got)
	}
	if len(merged) != 3 {
		t.Fatalf("merged table len = %d, want 3", len(merged))
	}

	parentEntry = identityTableEntry{path: explicitRetainedPath("/parent"), node: 1}
	conflict := mergeIdentityTable(
		map[string]identityTableEntry{"same": parentEntry},
		map[string]identityTableEntry{
			"same":   {path: explicitRetainedPath("/child"), node: 2},
			"other1": {node: 3},
			"other2": {node: 4},
		},
	)
	parentEntry.conflict = true
	if got := conflict["same"]; got != parentEntry {
		t.Fatalf("conflict entry = %+v, want parent location and node", got)
	}
}

func TestIdentityStateMergedChildKeyConflictUsesSelectedNodeNotPath(t *testing.T) {
	t.Parallel()

	var state identityState
	const (
		keyID runtime.IdentityConstraintID = 1
		refID runtime.IdentityConstraintID = 2
	)
	info := identityInfo(map[runtime.IdentityConstraintID]identityConstraintInfoForTest{
		keyID: {Kind: runtime.IdentityKey},
		refID: {Kind: runtime.IdentityKeyRef, Refer: keyID},
	})
	startIdentityScope(t, &state, []runtime.IdentityConstraintID{refID}, 1, "/root")

	startIdentityScope(t, &state, []runtime.IdentityConstraintID{keyID}, 2, "/root/group")
	state.startSelectionForTest(1, 3, keyID, 1, identityTestContext("/root/group/id", 4, 5))
	captureIdentityField(t, &state, 0, "x")
	if err := finishSelectionsForTest(&state, info, 3, identityTestContext("/root/group", 6, 7), failIdentityReport(t)); err != nil {
		t.Fatalf("FinishSelections(first child) error = %v", err)
	}
	if _, err := state.closeScopes(2, failIdentityReport(t)); err != nil {
		t.Fatalf("closeScopes(first child) error = %v", err)
	}

	startIdentityScope(t, &state, []runtime.IdentityConstraintID{keyID}, 2, "/root/group")
	state.startSelectionForTest(1, 3, keyID, 1, identityTestContext("/root/group/id", 8, 9))
	captureIdentityField(t, &state, 0, "x")
	if err := finishSelectionsForTest(&state, info, 3, identityTestContext("/root/group", 10, 11), failIdentityReport(t)); err != nil {
		t.Fatalf("FinishSelections(second child) error = %v", err)
	}
	if _, err := state.closeScopes(2, failIdentityReport(t)); err != nil {
		t.Fatalf("closeScopes(second child) error = %v", err)
	}

	state.startSelectionForTest(0, 3, refID, 1, identityTestContext("/root/ref", 12, 13))
	captureIdentityField(t, &state, 0, "x")
	if err := finishSelectionsForTest(&state, info, 3, identityTestContext("/root/ref", 14, 15), failIdentityReport(t)); err != nil {
		t.Fatalf("FinishSelections(ref) error = %v", err)
	}

	var got error
	if _, err := state.closeScopes(1, func(err error) error {
		got = err
		return nil
	}); err != nil {
		t.Fatalf("closeScopes(parent) error = %v", err)
	}
	expectXSDCode(t, got, xsderrors.CodeValidationIdentity)
	expectXSDMessage(t, got, "keyref does not resolve")
	expectXSDLocation(t, got, "/root/ref", 12, 13)
}

type identityConstraintInfoForTest struct {
	Kind  runtime.IdentityKind
	Refer runtime.IdentityConstraintID
}

type identityInfoRuntime map[runtime.IdentityConstraintID]identityConstraintInfoForTest

func identityInfo(in map[runtime.IdentityConstraintID]identityConstraintInfoForTest) identityInfoRuntime {
	return identityInfoRuntime(in)
}

func finishSelectionsForTest(
	s *identityState,
	infoByID identityInfoRuntime,
	depth int,
	ctx StartContext,
	report func(error) error,
) error {
	if s == nil || len(s.selections) == 0 {
		return nil
	}
	orig := s.selections
	dst := s.selections[:0]
	for i := range s.selections {
		sel := s.selections[i]
		if sel.depth != depth {
			dst = append(dst, sel)
			continue
		}
		info, ok := infoByID[sel.constraint]
		if !ok {
			return xsderrors.InternalInvariant("identity constraint metadata is invalid")
		}
		if err := s.finishSelectionWithConstraint(info.Kind, info.Refer, sel, identityLimits{}, ctx); err != nil {
			clear(s.selectionFields(sel))
			if recoverErr := report(err); recoverErr != nil {
				dst = append(dst, orig[i+1:]...)
				clear(orig[len(dst):])
				s.selections = dst
				s.truncateFieldValues()
				return recoverErr
			}
			continue
		}
		clear(s.selectionFields(sel))
	}
	clear(orig[len(dst):])
	s.selections = dst
	s.truncateFieldValues()
	return nil
}

func startIdentityScope(t *testing.T, state *identityState, constraints []runtime.IdentityConstraintID, depth int, path string) {
	t.Helper()
	const elem runtime.ElementID = 0
	constraintIDs, ok := runtime.ElementIdentityConstraintIDs([][]runtime.IdentityConstraintID{constraints}, elem)
	if !ok {
		t.Fatal("ElementIdentityConstraintIDs() rejected test fixture")
	}
	err := state.startScope(constraintIDs, depth, 0, identityTestContext(path, 0, 0))
	if err != nil {
		t.Fatalf("startScope(depth=%d) error = %v", depth, err)
	}
}

func captureIdentityField(t *testing.T, state *identityState, selection int, value string) {
	t.Helper()
	err := state.captureFields([]identityFieldMatch{{Selection: selection, Field: 0}}, value, identityTestContext("/field", 1, 1))
	if err != nil {
		t.Fatalf("captureFields(selection=%d) error = %v", selection, err)
	}
}

func booleanRuntimeForTest(t *testing.T) (*runtime.Schema, runtime.SimpleTypeID) {
	t.Helper()
	rt := compileRuntimeForTest(t, `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="flag" type="xs:boolean"/></xs:schema>`)
	name, ok := rt.LookupQName("", "flag")
	if !ok {
		t.Fatal("LookupQName(flag) failed")
	}
	_, typ, ok := rt.RootElement(runtime.RuntimeName{Known: true, Name: name})
	if !ok {
		t.Fatal("RootElement(flag) failed")
	}
	id, ok := typ.Type.Simple()
	if !ok {
		t.Fatalf("RootElement(flag) type = %v, want simple type", typ)
	}
	return rt, id
}

func failIdentityReport(t *testing.T) func(error) error {
	t.Helper()
	return func(err error) error {
		t.Fatalf("unexpected identity error: %v", err)
		return nil
	}
}

func expectXSDLocation(t *testing.T, err error, path string, line, col int) {
	t.Helper()
	var x *xsderrors.Error
	if !errors.As(err, &x) {
		t.Fatalf("error = %v, want *xsderrors.Error", err)
	}
	if x.Path() != path || x.Line() != line || x.Column() != col {
		t.Fatalf("error location = %s %d:%d, want %s %d:%d", x.Path(), x.Line(), x.Column(), path, line, col)
	}
}
