package kz.qalqan.audit.internal;

import kz.qalqan.audit.AuditTrail;
import kz.qalqan.audit.VerificationResult;
import kz.qalqan.platform.Command;
import kz.qalqan.platform.UsageException;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.util.List;

/** {@code audit verify}: exit 0 when the chain is intact, 1 when a row was changed, removed or added. */
@Component
class AuditVerifyCommand implements Command {

    private final AuditTrail trail;

    AuditVerifyCommand(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public String name() {
        return "audit verify";
    }

    @Override
    public String usage() {
        return "audit verify                          check the audit trail's hash chain (exit 0 intact, 1 tampered)";
    }

    @Override
    public int run(List<String> args, PrintStream out) {
        if (!args.isEmpty()) {
            throw new UsageException("audit verify takes no arguments");
        }
        VerificationResult result = trail.verify();
        if (result.intact()) {
            out.printf("Audit trail intact: %d events checked%n", result.checked());
            return 0;
        }
        out.printf("Audit trail TAMPERED: %d events checked%n", result.checked());
        result.problems().forEach(p -> out.println("  " + p));
        return 1;
    }
}
