package membudget

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestAcquireTree(t *testing.T) {
	tests := []struct {
		name      string
		held      int64 // size held by another message
		size      int64
		wantBlock bool
	}{
		{"fits next to another", Total / TreeFactor / 2, 1 << 20, false},
		{"exceeds what is left", Total / TreeFactor / 2, Total/TreeFactor/2 + 1, true},
		{"larger than the budget waits for all", 1, 4 * Total, true},
		{"larger than the budget runs alone", 0, 4 * Total, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.held > 0 {
				release, err := AcquireTree(context.Background(), tt.held)
				if err != nil {
					t.Fatal(err)
				}
				defer release()
			}
			ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
			defer cancel()
			release, err := AcquireTree(ctx, tt.size)
			if blocked := errors.Is(err, context.DeadlineExceeded); blocked != tt.wantBlock {
				t.Fatalf("blocked = %v (err %v), want %v", blocked, err, tt.wantBlock)
			}
			if err == nil {
				release()
			}
		})
	}
}

func TestReleaseFreesShare(t *testing.T) {
	release, err := AcquireTree(context.Background(), Total)
	if err != nil {
		t.Fatal(err)
	}
	got := make(chan error, 1)
	go func() {
		r, err := AcquireTree(context.Background(), 1)
		if err == nil {
			r()
		}
		got <- err
	}()
	select {
	case err := <-got:
		t.Fatalf("second tree ran while the budget was full: %v", err)
	case <-time.After(20 * time.Millisecond):
	}
	release()
	if err := <-got; err != nil {
		t.Fatal(err)
	}
}
