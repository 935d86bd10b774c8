package org.inspectorate.filing;

import java.time.Period;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The filing rules from {@code inspectorate.filing.*} (ISO-8601 periods such as {@code P30D},
 * {@code P1Y}), with Decree 11's periods as defaults, and the policies built on them.
 */
@Configuration(proxyBeanMethods = false)
class FilingConfiguration {

    @Bean
    FilingRules filingRules(
            @Value("${inspectorate.filing.filing-due:P30D}") Period filingDue,
            @Value("${inspectorate.filing.change-filing-due:P30D}") Period changeFilingDue,
            @Value("${inspectorate.filing.re-evaluation-due:P90D}") Period reEvaluationDue,
            @Value("${inspectorate.filing.result-report-due:P30D}") Period resultReportDue,
            @Value("${inspectorate.filing.cycle-level3-and-above:P1Y}") Period cycleLevel3AndAbove,
            @Value("${inspectorate.filing.cycle-level2:P2Y}") Period cycleLevel2,
            @Value("${inspectorate.filing.due-soon:P14D}") Period dueSoon) {
        return new FilingRules(filingDue, changeFilingDue, reEvaluationDue, resultReportDue, cycleLevel3AndAbove,
                cycleLevel2, dueSoon);
    }

    @Bean
    FilingDeadlinePolicy filingDeadlinePolicy(FilingRules rules) {
        return new FilingDeadlinePolicy(rules);
    }

    @Bean
    FilingAccess filingAccess() {
        return new FilingAccess();
    }

    @Bean
    FilingAuthorityPolicy filingAuthorityPolicy() {
        return new FilingAuthorityPolicy();
    }
}
