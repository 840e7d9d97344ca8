package runtime

import (
	"errors"
	"strings"
	"testing"
)

func TestCompiledModelKindValidity(t *testing.T) {
	t.Parallel()

	for _, kind := range []CompiledModelKind{
		CompiledModelEmpty,
		CompiledModelAny,
		CompiledModelAll,
		CompiledModelDFA,
	} {
		if !ValidCompiledModelKind(kind) {
			t.Fatalf("ValidCompiledModelKind(%d) = false", kind)
		}
	}
	if ValidCompiledModelKind(CompiledModelKind(99)) {
		t.Fatal("invalid compiled model kind was accepted")
	}
}

func TestDFARowIndexEnabledState(t *testing.T) {
	t.Parallel()

	if (dfaRowIndex{}).enabled() {
		t.Fatal("zero-value row index is enabled")
	}
	if !(dfaRowIndex{nameToEdge: map[QName]uint32{}}).enabled() {
		t.Fatal("enabled row index reported disabled")
	}
}

func TestCompiledCountingException(t *testing.T) {
	t.Parallel()

	p := ElementParticle(1, Occurrence{Min: 1, Max: 1})
	row := CompiledModelRow{
		Counted:       true,
		CountParticle: p,
		Min:           2,
		Max:           2,
	}
	loop := CompiledModelEdge{Particle: p, To: 0}
	exit := CompiledModelEdge{Particle: p, To: 1}
	if !CompiledCountingException(0, row, loop, exit) {
		t.Fatal("CompiledCountingException() rejected loop/exit pair")
	}
	row.Unbounded = true
	if CompiledCountingException(0, row, loop, exit) {
		t.Fatal("CompiledCountingException() accepted unbounded row")
	}
}

func TestIndexCompiledModelRows(t *testing.T) {
	t.Parallel()

	const head = ElementID(1)
	headName := QName{Local: 1}
	subName := QName{Local: 10}
	elementNames := map[ElementID]QName{head: headName}
	one := Occurrence{Min: 1, Max: 1}
	edges := []CompiledModelEdge{
		{Particle: ElementParticle(head, one), To: 1},
		{Particle: WildcardParticle(1, one), To: 1},
	}
	for id := ElementID(2); len(edges) < compiledDFARowIndexMinEdges; id++ {
		elementNames[id] = QName{Local: LocalNameID(id)}
		edges = append(edges, CompiledModelEdge{Particle: ElementParticle(id, one), To: 1})
	}
	rt := dfaRowIndexRuntimeStub{
		elementNames: elementNames,
		substitutionByName: map[ElementID]map[QName]ElementID{
			head: {subName: ElementID(2)},
		},
	}
	model := CompiledModel{
		Kind: CompiledModelDFA,
		Rows: []CompiledModelRow{
			{Edges: edges},
			{Edges: edges[:compiledDFARowIndexMinEdges-1]},
		},
	}
	if err := newDFARowIndexAnalysis(rt, unlimitedContentModelWork).indexModel(&model); err != nil {
		t.Fatalf("IndexCompiledModelRows() error = %v", err)
	}
	if !model.Rows[0].index.enabled() {
		t.Fatal("wide row was not indexed")
	}
	if got, ok := model.Rows[0].index.nameToEdge[headName]; !ok || got != 0 {
		t.Fatalf("head index = %d, %v; want 0, true", got, ok)
	}
	if got, ok := model.Rows[0].index.nameToEdge[subName]; !ok || got != 0 {
		t.Fatalf("substitution index = %d, %v; want 0, true", got, ok)
	}
	if got := model.Rows[0].index.wildcardEdges; len(got) != 1 || got[0] != 1 {
		t.Fatalf("wildcard index = %v, want [1]", got)
	}
	if model.Rows[1].index.enabled() {
		t.Fatal("narrow row was indexed")
	}
}

func TestIndexCompiledModelsRowsBoundsSubstitutionExpansion(t *testing.T) {
	t.Parallel()

	const head = ElementID(1)
	one := Occurrence{Min: 1, Max: 1}
	elementNames := map[ElementID]QName{head: {Local: 1}}
	edges := []CompiledModelEdge{{Particle: ElementParticle(head, one), To: 1}}
	for id := ElementID(2); len(edges) < compiledDFARowIndexMinEdges; id++ {
		elementNames[id] = QName{Local: LocalNameID(id)}
		edges = append(edges, CompiledModelEdge{Particle: ElementParticle(id, one), To: 1})
	}
	rt := dfaRowIndexRuntimeStub{
		elementNames: elementNames,
		substitutionByName: map[ElementID]map[QName]ElementID{
			head: {
				{Local: 20}: 2,
				{Local: 21}: 3,
			},
		},
	}
	models := []CompiledModel{{
		Kind: CompiledModelDFA,
		Rows: []CompiledModelRow{{Edges: edges}},
	}}
	budgetExceeded := errors.New("content work exceeded")
	remaining := 10 // model + row + eight edges; expansion must charge more.
	err := IndexCompiledModelsRows(rt, models, func(steps int) error {
		remaining -= steps
		if remaining < 0 {
			return budgetExceeded
		}
		return nil
	})
	if !errors.Is(err, budgetExceeded) {
		t.Fatalf("IndexCompiledModelsRows() error = %v, want budget error", err)
	}
	if models[0].Rows[0].index.enabled() {
		t.Fatal("budget failure published a partial row index")
	}
}

func TestIndexCompiledModelRowsKeepsLinearScanForDuplicateNames(t *testing.T) {
	t.Parallel()

	one := Occurrence{Min: 1, Max: 1}
	duplicateName := QName{Local: 1}
	elementNames := map[ElementID]QName{
		1: duplicateName,
		2: duplicateName,
	}
	var edges []CompiledModelEdge
	for id := ElementID(1); len(edges) < compiledDFARowIndexMinEdges; id++ {
		if _, ok := elementNames[id]; !ok {
			elementNames[id] = QName{Local: LocalNameID(id)}
		}
		edges = append(edges, CompiledModelEdge{Particle: ElementParticle(id, one), To: 1})
	}
	model := CompiledModel{
		Kind: CompiledModelDFA,
		Rows: []CompiledModelRow{{Edges: edges}},
	}
	if err := newDFARowIndexAnalysis(dfaRowIndexRuntimeStub{elementNames: elementNames}, unlimitedContentModelWork).indexModel(&model); err != nil {
		t.Fatalf("IndexCompiledModelRows() error = %v", err)
	}
	if model.Rows[0].index.enabled() {
		t.Fatal("ambiguous row was indexed")
	}
}

func TestIndexCompiledModelRowsRejectsInvalidElement(t *testing.T) {
	t.Parallel()

	one := Occurrence{Min: 1, Max: 1}
	edges := make([]CompiledModelEdge, compiledDFARowIndexMinEdges)
	for i := range edges {
		edges[i] = CompiledModelEdge{Particle: ElementParticle(ElementID(i+1), one), To: 1}
	}
	model := CompiledModel{
		Kind: CompiledModelDFA,
		Rows: []CompiledModelRow{{Edges: edges}},
	}
	err := newDFARowIndexAnalysis(dfaRowIndexRuntimeStub{}, unlimitedContentModelWork).indexModel(&model)
	if err == nil || !strings.Contains(err.Error(), "compiled content model index references invalid element") {
		t.Fatalf("IndexCompiledModelRows() error = %v", err)
	}
}

type dfaRowIndexRuntimeStub struct {
	elementNames       map[ElementID]QName
	substitutionIDs    map[ElementID][]ElementID
	substitutionByName map[ElementID]map[QName]ElementID
	contentModels      map[ContentModelID]ContentModel
	wildcards          map[WildcardID]Wildcard
}

func (s dfaRowIndexRuntimeStub) ContentModel(id ContentModelID) (ContentModel, bool) {
	model, ok := s.contentModels[id]
	return model, ok
}

func (s dfaRowIndexRuntimeStub) ElementName(id ElementID) (QName, bool) {
	name, ok := s.elementNames[id]
	return name, ok
}

func (s dfaRowIndexRuntimeStub) Wildcard(id WildcardID) (Wildcard, bool) {
	w, ok := s.wildcards[id]
	return w, ok
}

func (s dfaRowIndexRuntimeStub) ForEachSubstitutionMember(id ElementID, fn func(ElementID) bool) {
	for _, member := range s.substitutionIDs[id] {
		if !fn(member) {
			return
		}
	}
}

func (s dfaRowIndexRuntimeStub) SubstitutionMemberByName(id ElementID, name QName) (ElementID, bool) {
	members := s.substitutionByName[id]
	if members == nil {
		return NoElement, false
	}
	member, ok := members[name]
	return member, ok
}

func (s dfaRowIndexRuntimeStub) ForEachSubstitutionEntry(id ElementID, fn func(QName, ElementID) bool) {
	for name, member := range s.substitutionByName[id] {
		if !fn(name, member) {
			return
		}
	}
}

func TestValidateCompiledModelRuntime(t *testing.T) {
	t.Parallel()

	const (
		sourceID ContentModelID = 1
		child    ElementID      = 1
		other    ElementID      = 2
	)
	childName := QName{Local: 1}
	otherName := QName{Local: 2}
	rt := dfaRowIndexRuntimeStub{
		elementNames: map[ElementID]QName{
			child: childName,
			other: otherName,
		},
	}
	one := Occurrence{Min: 1, Max: 1}
	optional := Occurrence{Min: 0, Max: 1}
	sourceEmpty := ContentModel{Kind: ModelEmpty}
	emptyModel := CompiledModel{Kind: CompiledModelEmpty, Source: sourceID, Empty: true}
	sourceAll := ContentModel{
		Kind:      ModelAll,
		Occurs:    one,
		Particles: []Particle{ElementParticle(child, one)},
	}
	allModel := CompiledModel{
		Kind:      CompiledModelAll,
		Source:    sourceID,
		AllBitLen: 1,
		All:       []CompiledAllTerm{{Particle: ElementParticle(child, one), Required: true}},
	}
	sourceDFA := ContentModel{
		Kind:      ModelSequence,
		Occurs:    one,
		Particles: []Particle{ElementParticle(child, one)},
	}
	dfaModel := CompiledModel{
		Kind:   CompiledModelDFA,
		Source: sourceID,
		Rows: []CompiledModelRow{
			{
				Edges: []CompiledModelEdge{{Particle: ElementParticle(child, one), To: 1}},
			},
			{Accept: true},
		},
	}

	tests := []struct {
		name    string
		wantErr string
		source  ContentModel
		model   CompiledModel
	}{
		{
			name:   "empty",
			source: sourceEmpty,
			model:  emptyModel,
		},
		{
			name:   "all",
			source: sourceAll,
			model:  allModel,
		},
		{
			name:   "DFA",
			source: sourceDFA,
			model:  dfaModel,
		},
		{
			name:    "source id drift",
			source:  sourceEmpty,
			model:   CompiledModel{Kind: CompiledModelEmpty, Source: NoContentModel, Empty: true},
			wantErr: "compiled content model source does not match model slot",
		},
		{
			name:    "empty stores active DFA row",
			source:  sourceEmpty,
			model:   CompiledModel{Kind: CompiledModelEmpty, Source: sourceID, Empty: true, Rows: []CompiledModelRow{{}}},
			wantErr: "compiled empty/any content model stores inactive fields",
		},
		{
			name:   "all bit length drift",
			source: sourceAll,
			model: CompiledModel{
				Kind:   CompiledModelAll,
				Source: sourceID,
				All:    []CompiledAllTerm{{Particle: ElementParticle(child, one), Required: true}},
			},
			wantErr: "compiled all content model bit length does not match terms",
		},
		{
			name:   "DFA edge target invalid",
			source: sourceDFA,
			model: CompiledModel{
				Kind:   CompiledModelDFA,
				Source: sourceID,
				Rows: []CompiledModelRow{
					{Edges: []CompiledModelEdge{{Particle: ElementParticle(child, one), To: 2}}},
					{Accept: true},
				},
			},
			wantErr: "compiled content model edge target is invalid",
		},
		{
			name:   "DFA row has overlapping particles",
			source: sourceDFA,
			model: CompiledModel{
				Kind:   CompiledModelDFA,
				Source: sourceID,
				Rows: []CompiledModelRow{
					{
						Edges: []CompiledModelEdge{
							{Particle: ElementParticle(child, one), To: 1},
							{Particle: ElementParticle(child, optional), To: 1},
						},
					},
					{Accept: true},
				},
			},
			wantErr: "compiled content model row has overlapping particles",
		},
		{
			name:   "DFA fixed counting exception",
			source: sourceDFA,
			model: CompiledModel{
				Kind:   CompiledModelDFA,
				Source: sourceID,
				Rows: []CompiledModelRow{
					{
						Edges: []CompiledModelEdge{
							{Particle: ElementParticle(child, one), To: 0},
							{Particle: ElementParticle(child, optional), To: 1},
						},
						Counted:       true,
						CountParticle: ElementParticle(child, one),
						Min:           2,
						Max:           2,
					},
					{Accept: true},
				},
			},
		},
		{
			name:   "DFA counted range invalid",
			source: sourceDFA,
			model: CompiledModel{
				Kind:   CompiledModelDFA,
				Source: sourceID,
				Rows: []CompiledModelRow{
					{
						Counted:       true,
						CountParticle: ElementParticle(child, one),
						Min:           2,
						Max:           1,
					},
				},
			},
			wantErr: "compiled content model counted state has invalid range",
		},
		{
			name:   "DFA stale particle inactive field",
			source: sourceDFA,
			model: CompiledModel{
				Kind:   CompiledModelDFA,
				Source: sourceID,
				Rows: []CompiledModelRow{
					{
						Edges: []CompiledModelEdge{{
							Particle: Particle{Kind: ParticleElement, Element: child, Model: NoContentModel, Wildcard: WildcardID(0), Occurs: one},
							To:       1,
						}},
					},
					{Accept: true},
				},
			},
			wantErr: "particle stores wildcard ID for non-wildcard kind",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()

			err := ValidateCompiledModelRuntime(CompiledModelRuntimeValidation{
				Runtime:  rt,
				Analysis: unlimitedContentModelAnalysis(rt),
				Source:   tt.source,
				Model:    tt.model,
				Work:     unlimitedContentModelWork,
				ID:       sourceID,
			})
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("ValidateCompiledModelRuntime() error = %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("ValidateCompiledModelRuntime() error = %v, want %q", err, tt.wantErr)
			}
		})
	}
}

func TestValidateCompiledModelsRuntime(t *testing.T) {
	t.Parallel()

	source := ContentModel{Kind: ModelEmpty}
	model := CompiledModel{Kind: CompiledModelEmpty, Source: 0, Empty: true}
	tests := []struct {
		name    string
		wantErr string
		sources []ContentModel
		models  []CompiledModel
	}{
		{
			name:    "valid table",
			sources: []ContentModel{source},
			models:  []CompiledModel{model},
		},
		{
			name:    "count mismatch",
			sources: []ContentModel{source},
			wantErr: "compiled content model count does not match model count",
		},
		{
			name:    "per-model validation",
			sources: []ContentModel{source},
			models:  []CompiledModel{{Kind: CompiledModelEmpty, Source: 1, Empty: true}},
			wantErr: "compiled content model source does not match model slot",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()

			rt := dfaRowIndexRuntimeStub{}
			err := ValidateCompiledModelsRuntime(nil, rt, tt.sources, tt.models, unlimitedContentModelWork, unlimitedContentModelAnalysis(rt))
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("ValidateCompiledModelsRuntime() error = %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("ValidateCompiledModelsRuntime() error = %v, want %q", err, tt.wantErr)
			}
		})
	}
}

func TestCompiledModelUPABoundsSubstitutionExpansion(t *testing.T) {
	t.Parallel()

	one := Occurrence{Min: 1, Max: 1}
	elementNames := map[ElementID]QName{
		1: {Local: 1},
		2: {Local: 2},
		3: {Local: 3},
		4: {Local: 4},
		5: {Local: 5},
		6: {Local: 6},
	}
	rt := dfaRowIndexRuntimeStub{
		elementNames: elementNames,
		substitutionIDs: map[ElementID][]ElementID{
			1: {3, 4},
			2: {5, 6},
		},
		substitutionByName: map[ElementID]map[QName]ElementID{
			1: {elementNames[3]: 3, elementNames[4]: 4},
			2: {elementNames[5]: 5, elementNames[6]: 6},
		},
	}
	sources := []ContentModel{{
		Kind:      ModelSequence,
		Occurs:    one,
		Particles: []Particle{ElementParticle(1, one), ElementParticle(2, one)},
	}}
	models := []CompiledModel{{
		Kind:   CompiledModelDFA,
		Source: 0,
		Rows: []CompiledModelRow{
			{Edges: []CompiledModelEdge{
				{Particle: ElementParticle(1, one), To: 1},
				{Particle: ElementParticle(2, one), To: 1},
			}},
			{Accept: true},
		},
	}}
	budgetExceeded := errors.New("content work exceeded")
	remaining := 8
	work := func(steps int) error {
		remaining -= steps
		if remaining < 0 {
			return budgetExceeded
		}
		return nil
	}
	analysis, err := NewContentModelAnalysis(rt, work)
	if err != nil {
		t.Fatal(err)
	}
	validator, err := newCompiledModelValidator(nil, rt, work, analysis)
	if err != nil {
		t.Fatal(err)
	}
	err = validator.validateSet(sources, models)
	if !errors.Is(err, budgetExceeded) {
		t.Fatalf("validateCompiledModelSet() error = %v, want budget error", err)
	}
}

func TestValidateDFARowIndex(t *testing.T) {
	t.Parallel()

	names, err := NewNameTable(16, []string{EmptyNamespaceURI, "urn:any"}, []ExpandedName{
		{Local: "head"},
		{Local: "sub"},
		{Local: "other"},
	})
	if err != nil {
		t.Fatalf("NewNameTable() error = %v", err)
	}
	headName, ok := names.LookupQName("", "head")
	if !ok {
		t.Fatal("head QName missing")
	}
	subName, ok := names.LookupQName("", "sub")
	if !ok {
		t.Fatal("sub QName missing")
	}
	otherName, ok := names.LookupQName("", "other")
	if !ok {
		t.Fatal("other QName missing")
	}
	const head = ElementID(1)
	const sub = ElementID(2)
	rt := dfaRowIndexRuntimeStub{
		elementNames: map[ElementID]QName{
			head: headName,
			sub:  subName,
		},
		substitutionByName: map[ElementID]map[QName]ElementID{
			head: {subName: sub},
		},
	}
	validRow := CompiledModelRow{
		Edges: []CompiledModelEdge{
			{Particle: ElementParticle(head, Occurrence{Min: 1, Max: 1}), To: 1},
			{Particle: WildcardParticle(WildcardID(1), Occurrence{Min: 1, Max: 1}), To: 1},
		},
		index: dfaRowIndex{
			nameToEdge: map[QName]uint32{
				headName: 0,
				subName:  0,
			},
			wildcardEdges: []uint32{1},
		},
	}
	if err := newDFARowIndexAnalysis(rt, unlimitedContentModelWork).validateRow(&names, validRow); err != nil {
		t.Fatalf("validateRow() error = %v", err)
	}

	tests := []struct {
		name string
		row  CompiledModelRow
	}{
		{
			name: "nil name index",
			row: CompiledModelRow{
				Edges: validRow.Edges,
				index: dfaRowIndex{},
			},
		},
		{
			name: "name points at wildcard",
			row: CompiledModelRow{
				Edges: validRow.Edges,
				index: dfaRowIndex{
					nameToEdge:    map[QName]uint32{headName: 1, subName: 0},
					wildcardEdges: []uint32{1},
				},
			},
		},
		{
			name: "name does not match element or substitution",
			row: CompiledModelRow{
				Edges: validRow.Edges,
				index: dfaRowIndex{
					nameToEdge:    map[QName]uint32{headName: 0, subName: 0, otherName: 0},
					wildcardEdges: []uint32{1},
				},
			},
		},
		{
			name: "substitution missing from index",
			row: CompiledModelRow{
				Edges: validRow.Edges,
				index: dfaRowIndex{
					nameToEdge:    map[QName]uint32{headName: 0},
					wildcardEdges: []uint32{1},
				},
			},
		},
		{
			name: "wildcard missing from index",
			row: CompiledModelRow{
				Edges: validRow.Edges,
				index: dfaRowIndex{
					nameToEdge: map[QName]uint32{headName: 0, subName: 0},
				},
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()

			if err := newDFARowIndexAnalysis(rt, unlimitedContentModelWork).validateRow(&names, tc.row); err == nil {
				t.Fatal("validateRow() accepted invalid row")
			}
		})
	}
}
