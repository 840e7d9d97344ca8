package bpmn

// Sizes of the automatic layout.
const (
	colW, rowH   = 160.0, 120.0
	poolBand     = 30.0
	blackBoxH    = 60.0
	poolGap      = 40.0
	laneMinH     = rowH
	taskW, taskH = 100.0, 80.0
	eventD       = 36.0
	gatewayD     = 50.0
)

// layout computes a diagram for a document without DI: per process a pool
// (stacked top to bottom, black-box pools first), lanes as bands, flow
// nodes in layers along the longest path from the start (back edges of
// loops ignored), boundary events on their host's lower edge, sub-processes
// collapsed, sequence flows routed orthogonally and message flows between
// the pools. It runs in time linear in the model's size, up to sorting.
func layout(d *Definitions) *Diagram {
	pl := &Plane{ID: "ozgctl-layout-plane"}
	dg := &Diagram{ID: "ozgctl-layout", Name: "", Plane: pl}
	if len(d.Collaborations) > 0 {
		pl.Element = d.Collaborations[0].ID
	} else if len(d.Processes) > 0 {
		pl.Element = d.Processes[0].ID
	}
	t := true
	y := 0.0
	width := 0.0
	boxes := map[string]Bounds{}
	// processes in participant order, then those without a participant
	var order []*Process
	poolOf := map[string]*Participant{}
	var blackBoxes []*Participant
	seen := map[string]bool{}
	for _, p := range d.Participants() {
		if p.ProcessRef == "" || d.Process(p.ProcessRef) == nil {
			blackBoxes = append(blackBoxes, p)
			continue
		}
		if !seen[p.ProcessRef] {
			seen[p.ProcessRef] = true
			order = append(order, d.Process(p.ProcessRef))
			poolOf[p.ProcessRef] = p
		}
	}
	for _, p := range d.Processes {
		if !seen[p.ID] {
			seen[p.ID] = true
			order = append(order, p)
		}
	}
	type placed struct {
		pool   *Shape
		lanes  []*Shape
		height float64
	}
	var pools []placed
	for _, p := range order {
		lay := layoutProcess(d, p)
		x0 := 0.0
		if poolOf[p.ID] != nil {
			x0 = poolBand
		}
		if len(lay.lanes) > 0 {
			x0 += poolBand
		}
		h := max(lay.height, rowH)
		for _, n := range lay.nodes {
			b := lay.pos[n.ID]
			b.X += x0
			b.Y += y
			boxes[n.ID] = b
			sh := &Shape{ID: n.ID + "_di", Element: n.ID, Bounds: b}
			if n.Children != nil {
				f := false
				sh.Expanded = &f
			}
			if n.Kind == "exclusiveGateway" {
				sh.MarkerVisible = &t
			}
			pl.Shapes = append(pl.Shapes, sh)
		}
		w := x0 + lay.width
		width = max(width, w)
		var pp placed
		pp.height = h
		if part := poolOf[p.ID]; part != nil {
			pp.pool = &Shape{ID: part.ID + "_di", Element: part.ID, Horizontal: &t, Bounds: Bounds{X: 0, Y: y, Width: w, Height: h}}
		}
		for _, ln := range lay.lanes {
			lx := 0.0
			if pp.pool != nil {
				lx = poolBand
			}
			pp.lanes = append(pp.lanes, &Shape{ID: ln.id + "_di", Element: ln.id, Horizontal: &t,
				Bounds: Bounds{X: lx, Y: y + ln.y, Width: w - lx, Height: ln.h}})
		}
		pools = append(pools, pp)
		y += h + poolGap
	}
	// black-box pools go on top: shift everything down
	shift := float64(len(blackBoxes)) * (blackBoxH + poolGap)
	width = max(width, 400)
	for i, sh := range pl.Shapes {
		sh.Bounds.Y += shift
		boxes[sh.Element] = pl.Shapes[i].Bounds
	}
	var front []*Shape
	for i, p := range blackBoxes {
		b := Bounds{X: 0, Y: float64(i) * (blackBoxH + poolGap), Width: width, Height: blackBoxH}
		boxes[p.ID] = b
		front = append(front, &Shape{ID: p.ID + "_di", Element: p.ID, Horizontal: &t, Bounds: b})
	}
	for _, pp := range pools {
		if pp.pool != nil {
			pp.pool.Bounds.Y += shift
			pp.pool.Bounds.Width = width
			boxes[pp.pool.Element] = pp.pool.Bounds
			front = append(front, pp.pool)
		}
		for _, l := range pp.lanes {
			l.Bounds.Y += shift
			l.Bounds.Width = width - l.Bounds.X
			front = append(front, l)
		}
	}
	pl.Shapes = append(front, pl.Shapes...)
	// edges
	for _, p := range order {
		for _, fl := range p.Flows {
			a, okA := boxes[fl.Source]
			b, okB := boxes[fl.Target]
			if !okA || !okB {
				continue
			}
			pl.Edges = append(pl.Edges, &Edge{ID: fl.ID + "_di", Element: fl.ID, Waypoints: route(a, b, d.Node(fl.Source))})
		}
	}
	for _, m := range d.MessageFlows() {
		a, okA := boxes[m.Source]
		b, okB := boxes[m.Target]
		if !okA || !okB {
			continue
		}
		pl.Edges = append(pl.Edges, &Edge{ID: m.ID + "_di", Element: m.ID, Waypoints: messageRoute(a, b, d.Lookup(m.Source), d.Lookup(m.Target))})
	}
	return dg
}

func route(a, b Bounds, src *Node) []Point {
	if src != nil && src.Kind == "boundaryEvent" {
		s := Point{a.X + a.Width/2, a.Y + a.Height}
		t := Point{b.X, b.Y + b.Height/2}
		return []Point{s, {s.X, t.Y}, t}
	}
	sx, sy := a.X+a.Width, a.Y+a.Height/2
	tx, ty := b.X, b.Y+b.Height/2
	if tx > sx {
		if sy == ty {
			return []Point{{sx, sy}, {tx, ty}}
		}
		mx := sx + (tx-sx)/2
		return []Point{{sx, sy}, {mx, sy}, {mx, ty}, {tx, ty}}
	}
	// back edge: under both shapes
	below := max(a.Y+a.Height, b.Y+b.Height) + 18
	s := Point{a.X + a.Width/2, a.Y + a.Height}
	t := Point{b.X + b.Width/2, b.Y + b.Height}
	return []Point{s, {s.X, below}, {t.X, below}, t}
}

func messageRoute(a, b Bounds, src, dst any) []Point {
	_, srcPool := src.(*Participant)
	_, dstPool := dst.(*Participant)
	sx, tx := a.X+a.Width/2, b.X+b.Width/2
	if srcPool {
		sx = tx
	}
	if dstPool {
		tx = sx
	}
	var sy, ty float64
	if a.Y < b.Y {
		sy, ty = a.Y+a.Height, b.Y
	} else {
		sy, ty = a.Y, b.Y+b.Height
	}
	if sx == tx {
		return []Point{{sx, sy}, {tx, ty}}
	}
	my := (sy + ty) / 2
	return []Point{{sx, sy}, {sx, my}, {tx, my}, {tx, ty}}
}

type laneBand struct {
	id   string
	y, h float64
}

type processLayout struct {
	nodes         []*Node
	pos           map[string]Bounds
	lanes         []laneBand
	width, height float64
}

func size(n *Node) (float64, float64) {
	switch n.Category {
	case Event:
		return eventD, eventD
	case Gateway:
		return gatewayD, gatewayD
	}
	return taskW, taskH
}

// layoutProcess places the top-level nodes of a process relative to (0,0).
func layoutProcess(d *Definitions, p *Process) processLayout {
	lay := processLayout{pos: map[string]Bounds{}}
	var main []*Node
	var boundary []*Node
	for _, n := range p.Nodes {
		if n.Kind == "boundaryEvent" {
			boundary = append(boundary, n)
		} else {
			main = append(main, n)
		}
	}
	index := map[string]int{}
	for i, n := range main {
		index[n.ID] = i
	}
	succ := make([][]int, len(main))
	indeg := make([]int, len(main))
	for _, fl := range p.Flows {
		a, okA := index[fl.Source]
		b, okB := index[fl.Target]
		if !okA {
			// from a boundary event: count its host as the source
			if bn := d.Node(fl.Source); bn != nil && bn.Kind == "boundaryEvent" {
				a, okA = index[bn.AttachedTo]
			}
		}
		if okA && okB && a != b {
			succ[a] = append(succ[a], b)
		}
	}
	// remove back edges with an iterative DFS from the roots in document order
	state := make([]uint8, len(main)) // 0 new, 1 on stack, 2 done
	forward := make([][]int, len(main))
	var roots []int
	for i, n := range main {
		if n.Kind == "startEvent" {
			roots = append(roots, i)
		}
	}
	for i := range main {
		roots = append(roots, i) // then everything not reached yet
	}
	type frame struct{ v, next int }
	for _, r := range roots {
		if state[r] != 0 {
			continue
		}
		stack := []frame{{r, 0}}
		state[r] = 1
		for len(stack) > 0 {
			top := &stack[len(stack)-1]
			if top.next < len(succ[top.v]) {
				w := succ[top.v][top.next]
				top.next++
				switch state[w] {
				case 0:
					forward[top.v] = append(forward[top.v], w)
					state[w] = 1
					stack = append(stack, frame{w, 0})
				case 2:
					forward[top.v] = append(forward[top.v], w)
				}
				continue
			}
			state[top.v] = 2
			stack = stack[:len(stack)-1]
		}
	}
	for v := range forward {
		for _, w := range forward[v] {
			indeg[w]++
		}
	}
	// longest-path layering in topological order (Kahn)
	rank := make([]int, len(main))
	queue := []int{}
	for i := range main {
		if indeg[i] == 0 {
			queue = append(queue, i)
		}
	}
	for len(queue) > 0 {
		v := queue[0]
		queue = queue[1:]
		for _, w := range forward[v] {
			rank[w] = max(rank[w], rank[v]+1)
			indeg[w]--
			if indeg[w] == 0 {
				queue = append(queue, w)
			}
		}
	}
	// lanes: innermost lanes in document order
	var leaves []string
	var walk func(ls []*Lane)
	walk = func(ls []*Lane) {
		for _, l := range ls {
			if len(l.Children) == 0 {
				leaves = append(leaves, l.ID)
			} else {
				walk(l.Children)
			}
		}
	}
	walk(p.Lanes)
	laneIdx := map[string]int{}
	for i, l := range leaves {
		laneIdx[l] = i
	}
	nLanes := max(len(leaves), 1)
	laneOf := func(n *Node) int {
		if i, ok := laneIdx[n.Lane]; ok {
			return i
		}
		return 0
	}
	// rows per (lane, rank), in document order
	rows := make([]map[int]int, nLanes)
	for i := range rows {
		rows[i] = map[int]int{}
	}
	row := make([]int, len(main))
	maxRank := 0
	for i, n := range main {
		l := laneOf(n)
		row[i] = rows[l][rank[i]]
		rows[l][rank[i]]++
		maxRank = max(maxRank, rank[i])
	}
	laneY := make([]float64, nLanes+1)
	for l := range nLanes {
		most := 1
		for _, c := range rows[l] {
			most = max(most, c)
		}
		laneY[l+1] = laneY[l] + max(float64(most)*rowH, laneMinH)
	}
	for i, n := range main {
		w, h := size(n)
		l := laneOf(n)
		cx := 20 + float64(rank[i])*colW + colW/2
		cy := laneY[l] + float64(row[i])*rowH + rowH/2
		lay.pos[n.ID] = Bounds{X: cx - w/2, Y: cy - h/2, Width: w, Height: h}
		lay.nodes = append(lay.nodes, n)
	}
	// boundary events on the lower edge of their host, side by side
	perHost := map[string]int{}
	for _, n := range boundary {
		hb, ok := lay.pos[n.AttachedTo]
		if !ok {
			continue
		}
		k := perHost[n.AttachedTo]
		perHost[n.AttachedTo]++
		x := hb.X + hb.Width - eventD - 4 - float64(k)*(eventD+4)
		lay.pos[n.ID] = Bounds{X: x, Y: hb.Y + hb.Height - eventD/2, Width: eventD, Height: eventD}
		lay.nodes = append(lay.nodes, n)
	}
	if len(leaves) > 0 {
		for i, id := range leaves {
			lay.lanes = append(lay.lanes, laneBand{id: id, y: laneY[i], h: laneY[i+1] - laneY[i]})
		}
	}
	lay.width = 40 + float64(maxRank+1)*colW
	lay.height = laneY[nLanes]
	return lay
}
