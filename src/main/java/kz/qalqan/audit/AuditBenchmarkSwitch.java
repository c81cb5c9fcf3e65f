package kz.qalqan.audit;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Lets {@code bench api} compare audited reads with the same reads whose audit event is written by a no-op. The bean
 * exists only in a context started with {@code qalqan.audit.benchmark-switch=true}, which only the {@code bench api}
 * command sets, on its throwaway database: a server never has it, so its trail can never be switched off.
 */
@Component
@ConditionalOnProperty(name = "qalqan.audit.benchmark-switch", havingValue = "true")
public class AuditBenchmarkSwitch {

    private volatile boolean noOp;

    public void writeNothing(boolean noOp) {
        this.noOp = noOp;
    }

    boolean writesNothing() {
        return noOp;
    }
}
