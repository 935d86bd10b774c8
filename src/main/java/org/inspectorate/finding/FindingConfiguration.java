package org.inspectorate.finding;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/** The finding module's settings: default SLA days per severity, the evidence size limit, and its access policy. */
@Configuration(proxyBeanMethods = false)
class FindingConfiguration {

    @Bean
    SlaPolicy findingSlaPolicy(@Value("${inspectorate.finding.sla-days.high:15}") int high,
            @Value("${inspectorate.finding.sla-days.medium:30}") int medium,
            @Value("${inspectorate.finding.sla-days.low:90}") int low) {
        return new SlaPolicy(high, medium, low);
    }

    @Bean
    EvidenceLimits evidenceLimits(@Value("${inspectorate.evidence.max-size:10MB}") DataSize maxSize) {
        return new EvidenceLimits(maxSize.toBytes());
    }

    @Bean
    FindingAccess findingAccess() {
        return new FindingAccess();
    }

    record EvidenceLimits(long maxBytes) {
    }
}
