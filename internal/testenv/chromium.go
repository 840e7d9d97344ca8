package testenv

import (
	"context"
	"fmt"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// Chromium starts a headless Chromium for t, with its profile in a
// temporary directory and extra options after the common ones; a missing
// browser fails the test in CI and skips it elsewhere ([Missing]). It
// returns the browser's context, ended with the test or after timeout, and
// the console of its pages.
func Chromium(t testing.TB, timeout time.Duration, extra ...chromedp.ExecAllocatorOption) (context.Context, *Console) {
	t.Helper()
	browser := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			browser = p
			break
		}
	}
	if browser == "" {
		Missing(t, "chromium", "apt-get install chromium")
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	t.Cleanup(cancel)
	opts := append([]chromedp.ExecAllocatorOption{chromedp.ExecPath(browser), chromedp.Flag("headless", true),
		chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("disable-extensions", true),
		chromedp.UserDataDir(filepath.Join(t.TempDir(), "profile"))}, extra...)
	actx, cancelA := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(cancelA)
	bctx, cancelB := chromedp.NewContext(actx)
	t.Cleanup(cancelB)
	c := &Console{}
	if err := chromedp.Listen(bctx, c.listen); err != nil {
		t.Fatal(err)
	}
	return bctx, c
}

// Console holds the uncaught exceptions and console.error calls of a
// browser's pages.
type Console struct {
	mu     sync.Mutex
	errors []string
}

func (c *Console) listen(ev any) {
	c.mu.Lock()
	defer c.mu.Unlock()
	switch e := ev.(type) {
	case *runtime.EventExceptionThrown:
		c.errors = append(c.errors, e.ExceptionDetails.Text)
	case *runtime.EventConsoleAPICalled:
		if e.Type == runtime.ConsoleAPICalledTypeError {
			c.errors = append(c.errors, fmt.Sprint(e.Args))
		}
	}
}

// Errors returns the errors so far and forgets them.
func (c *Console) Errors() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	errs := c.errors
	c.errors = nil
	return errs
}
