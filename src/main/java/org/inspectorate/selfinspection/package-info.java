/**
 * Self-inspection (自查): each in-scope operator's workspace per published campaign — an answer with notes
 * and evidence per checklist item, a finding opened for each "not compliant" answer — and its summary
 * report (自查工作总结报告), exported as DOCX and PDF, submitted to the recipient the campaign names and
 * accepted or returned there; the regulators' submission-status view. Depends on {@code campaign},
 * {@code finding}, {@code filing} (the network units a finding concerns), {@code organisation} and {@code system}.
 */
@ApplicationModule(displayName = "Self-inspection", allowedDependencies = {
        "campaign", "finding", "filing", "organisation", "system" })
package org.inspectorate.selfinspection;

import org.springframework.modulith.ApplicationModule;
