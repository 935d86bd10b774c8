/**
 * Network units (通信网络单元), their grading (定级), assets and filings (备案) with every version kept, and the
 * level-driven filing deadlines of Decree 11. Depends only on {@code organisation}'s API and {@code system}.
 *
 * <p>Its lifecycle is {@link org.inspectorate.filing.Filing} (the transition table), its role rules
 * {@link org.inspectorate.filing.FilingAccess}; each change is a typed event ({@code FilingAccepted}, …).
 * The level-driven obligations (evaluations, risk assessments, their deadlines) are a module of their own,
 * {@code obligation}, which follows {@link org.inspectorate.filing.FilingAccepted}: nothing here depends on them.
 *
 * <p>Two capabilities are sub-packages of this module, each with its own small public API:
 * {@code filing.attachment} (the unit's attachments and the upload checks, named interface {@code attachment}) and
 * {@code filing.report} (the coverage and overdue reports, the list exports and the bulk upload, named interface
 * {@code report}). They stay inside {@code filing} because the unit's detail page shows its attachments and the
 * reports read the units' own rows: modules of their own would depend on {@code filing} while {@code filing}
 * depends on them. The public types of this root package are what other modules and those two sub-packages use;
 * {@link FilingAccess}, {@link FilingRules} and {@link FilingDeadlinePolicy} stay public for that reason (the
 * reports ask the first, {@code obligation} computes its deadlines with the other two).
 */
@ApplicationModule(displayName = "Filing", allowedDependencies = {"organisation", "system"})
package org.inspectorate.filing;

import org.springframework.modulith.ApplicationModule;
