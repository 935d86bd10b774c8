package org.inspectorate.audit;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.stereotype.Component;

/**
 * {@code GET /actuator/auditchain}: verifies the chain for monitoring, answering
 * {@code {intact, entriesChecked, firstBrokenSeq, reason}}. Only the audit administrator may call it
 * (see the security configuration), and each call is recorded in the trail.
 */
@Component
@Endpoint(id = "auditchain")
class AuditChainEndpoint {

    private final AuditConsole console;

    AuditChainEndpoint(AuditConsole console) {
        this.console = console;
    }

    @ReadOperation
    ChainVerification verify() {
        return console.verify();
    }
}
