package schematron

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

// endless are rule sets whose evaluation never ends on its own: a
// function that recurses without end (deep), one that recurses without
// getting deep but takes 2^90 calls (wide), and a plain XPath loop.
var endless = map[string]string{
	"deep": `<xsl:function xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:a="urn:a" name="a:loop"><xsl:param name="n"/><xsl:sequence select="a:loop($n + 1)"/></xsl:function>
<pattern><rule context="/a:root"><assert id="deep" test="a:loop(1) = 0">x</assert><assert id="after" test="false()">after</assert></rule></pattern>`,
	"wide": `<xsl:function xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:a="urn:a" name="a:fib"><xsl:param name="n"/><xsl:sequence select="if ($n lt 2) then $n else a:fib($n - 1) + a:fib($n - 2)"/></xsl:function>
<pattern><rule context="/a:root"><assert id="wide" test="a:fib(90) = 0">x</assert></rule></pattern>`,
	"loop": `<pattern><rule context="/a:root"><assert id="loop" test="every $i in 1 to 100000, $j in 1 to 100000 satisfies string($i) != 'x'">x</assert></rule></pattern>`,
}

// TestCallDepthLimit: a function that recurses without end fails its
// assertion with a CallDepthError (instead of growing the stack until the
// process dies); the other assertions are still evaluated.
func TestCallDepthLimit(t *testing.T) {
	r := mustCompile(t, files{"main.sch": schema(endless["deep"])}, Options{})
	res := run(t, r, doc1)
	var de *CallDepthError
	if len(res.Fired) != 2 || !errors.As(res.Fired[0].Err, &de) || de.Depth != MaxCallDepth || res.Fired[1].ID != "after" {
		t.Fatalf("fired %v (err %v), want the depth error and the next assertion", fired(res), res.Fired[0].Err)
	}
	for _, f := range res.Findings() {
		if text := f.Text("en"); f.Rule == "deep" && !strings.Contains(text, "a:loop") && !strings.Contains(text, "function loop") {
			t.Errorf("finding does not name the function: %s", text)
		}
	}
}

// TestEvaluateHonoursDeadline: evaluation that would not end stops soon
// after ctx's deadline, returns the context's error and no assertion that
// failed only because it was cut short.
func TestEvaluateHonoursDeadline(t *testing.T) {
	for _, name := range []string{"wide", "loop"} {
		t.Run(name, func(t *testing.T) {
			r := mustCompile(t, files{"main.sch": schema(endless[name])}, Options{})
			d, err := ParseDocument(context.Background(), []byte(doc1))
			if err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
			defer cancel()
			done := make(chan struct{})
			var res *Result
			go func() {
				res, err = r.Evaluate(ctx, d)
				close(done)
			}()
			select {
			case <-done:
			case <-time.After(10 * time.Second):
				t.Fatal("Evaluate ignores its context's deadline")
			}
			if !errors.Is(err, context.DeadlineExceeded) || res != nil {
				t.Fatalf("Evaluate = %v, %v; want the deadline error and no result", res, err)
			}
		})
	}
}
