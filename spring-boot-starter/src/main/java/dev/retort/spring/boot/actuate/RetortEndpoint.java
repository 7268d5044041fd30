package dev.retort.spring.boot.actuate;

import dev.retort.api.Retort;
import dev.retort.api.RevisionInfo;
import dev.retort.api.RevisionState;
import java.util.List;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/** {@code /actuator/retort}: the database's current revisions and every revision, newest first, applied or pending. */
@Endpoint(id = "retort")
public class RetortEndpoint {
    private final Retort retort;

    public RetortEndpoint(Retort retort) { this.retort = retort; }

    @ReadOperation
    public RevisionsDescriptor revisions() {
        List<RevisionDescriptor> revisions = retort.revisions().stream().map(RevisionDescriptor::of).toList();
        return new RevisionsDescriptor(retort.current().stream().map(RevisionInfo::id).toList(), revisions);
    }

    /** The endpoint's answer; {@code current} as {@code retort current} prints it. */
    public record RevisionsDescriptor(List<String> current, List<RevisionDescriptor> revisions) {}

    /**
     * One revision: {@code state} is {@code applied} or {@code pending}; {@code appliedAt} an ISO-8601 instant, or null.
     */
    public record RevisionDescriptor(String id, List<String> downRevisions, List<String> branchLabels, String message,
                                     boolean head, String script, String state, String appliedAt) {
        static RevisionDescriptor of(RevisionState s) {
            RevisionInfo r = s.revision();
            return new RevisionDescriptor(r.id(), r.downRevisions(), r.branchLabels(), r.message(), r.head(), r.path(),
                    s.applied() ? "applied" : "pending", s.appliedAt() == null ? null : s.appliedAt().toString());
        }
    }
}
