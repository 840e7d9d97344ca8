//go:build unix

package cli

import (
	"bytes"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/ozgctl/ozgctl/internal/cli/iostreams"
)

// lockedBuffer is a bytes.Buffer safe for a writer and a reader at once.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestServeSIGTERM runs "ozgctl serve" through Main as a user does, with
// the example configuration: it becomes ready, answers a check, and on
// SIGTERM drains and ends with exit code 0 (not 143: for a server the
// signal is the normal end). Not parallel: the signal reaches every Main
// running in this process.
func TestServeSIGTERM(t *testing.T) {
	repo, _ := filepath.Abs("../..")
	ios, _, _, _ := iostreams.Test()
	errOut := &lockedBuffer{}
	ios.ErrOut = errOut
	code := make(chan int)
	go func() {
		code <- Main([]string{"--config", filepath.Join(repo, "examples/serve/ozgctl.yaml"), "serve", "--listen", "127.0.0.1:0"}, ios)
	}()
	addrRE := regexp.MustCompile(`address=(127\.0\.0\.1:\d+)`)
	var base string
	deadline := time.Now().Add(2 * time.Minute)
	for {
		if m := addrRE.FindStringSubmatch(errOut.String()); m != nil && base == "" {
			base = "http://" + m[1]
		}
		if base != "" {
			if resp, err := http.Get(base + "/readyz"); err == nil {
				resp.Body.Close()
				if resp.StatusCode == 200 {
					break
				}
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("not ready after 2 minutes:\n%s", errOut)
		}
		time.Sleep(50 * time.Millisecond)
	}
	msg, err := os.ReadFile(filepath.Join(repo, "examples/xoev/messages/antrag-code-fehler.xml"))
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.Post(base+"/v1/check?profile=demo&output=text&lang=en", "application/xml", bytes.NewReader(msg))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || resp.Header.Get("Ozgctl-Exit-Code") != "1" || !strings.Contains(string(body), "DEMO-S-002") {
		t.Errorf("check: %d exit %q\n%s", resp.StatusCode, resp.Header.Get("Ozgctl-Exit-Code"), body)
	}
	if err := syscall.Kill(os.Getpid(), syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case c := <-code:
		if c != ExitOK {
			t.Errorf("exit code %d after SIGTERM, want 0\n%s", c, errOut)
		}
	case <-time.After(time.Minute):
		t.Fatalf("no exit a minute after SIGTERM\n%s", errOut)
	}
	if !strings.Contains(errOut.String(), "msg=stopped") {
		t.Errorf("log:\n%s", errOut)
	}
}
