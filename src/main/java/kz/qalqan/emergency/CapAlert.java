package kz.qalqan.emergency;

import java.time.OffsetDateTime;
import java.util.List;

/** One CAP 1.2 {@code alert} message: who sent it, when, what kind, and its {@code info} blocks (none for many cancels). */
public record CapAlert(String identifier, String sender, OffsetDateTime sent, Status status, MsgType msgType, Scope scope,
                       String restriction, List<String> addresses, List<Reference> references, List<CapInfo> infos) {

    public CapAlert {
        addresses = List.copyOf(addresses);
        references = List.copyOf(references);
        infos = List.copyOf(infos);
    }

    public enum Status { Actual, Exercise, System, Test, Draft }

    public enum MsgType { Alert, Update, Cancel, Ack, Error }

    public enum Scope { Public, Restricted, Private }

    /** An earlier message this one updates, cancels or acknowledges. */
    public record Reference(String sender, String identifier, OffsetDateTime sent) {
    }
}
