package org.inspectorate.system;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether this instance runs with demo data ({@code inspectorate.demo=true}, set by the demo
 * profile). Pages show a banner then; demo accounts may skip MFA enrolment only in this mode.
 */
@Component
public class DemoMode {

    private final boolean enabled;

    DemoMode(@Value("${inspectorate.demo:false}") boolean enabled) {
        this.enabled = enabled;
    }

    public boolean enabled() {
        return enabled;
    }
}
