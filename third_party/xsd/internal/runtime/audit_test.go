package runtime

import "testing"

// TestAuditInTestBinaries: the repeated UPA audit is on in a test binary
// (ozgctl patch: told without importing testing into the library).
func TestAuditInTestBinaries(t *testing.T) {
	if !testing.Testing() || !auditCompiledModelUPA() {
		t.Fatalf("audit %v in a test binary", auditCompiledModelUPA())
	}
}
