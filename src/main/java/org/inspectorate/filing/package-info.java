/**
 * Network units (通信网络单元), their grading (定级), assets, attachments and filings (备案) with every version kept,
 * the level-driven filing deadlines of Decree 11, and the filing reports (coverage, overdue filings, list exports,
 * the bulk upload template). Depends only on {@code organisation}'s API and {@code system}.
 *
 * <p>Its lifecycle is {@link org.inspectorate.filing.Filing} (the transition table), its role rules
 * {@link org.inspectorate.filing.FilingAccess}; each change is a typed event ({@code FilingAccepted}, …).
 * The level-driven obligations (evaluations, risk assessments, their deadlines) are a module of their own,
 * {@code obligation}, which follows {@link org.inspectorate.filing.FilingAccepted}: nothing here depends on them.
 * Attachments and reports stay here because the unit's pages show them and they read the units' own rows; a
 * module of their own would depend on {@code filing} while {@code filing}'s detail page depends on it.
 */
@ApplicationModule(displayName = "Filing", allowedDependencies = {"organisation", "system"})
package org.inspectorate.filing;

import org.springframework.modulith.ApplicationModule;
