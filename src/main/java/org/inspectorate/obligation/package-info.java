/**
 * The level-driven obligations of filed network units (符合性评测, 风险评估 and the report of their results): what
 * each unit owes and by when, and the evaluations and assessments operators record against it. Depends only on
 * {@code filing}'s API (it follows {@code FilingAccepted}) and two of its named interfaces ({@code attachment} for
 * the upload checks and the download of its report files, {@code report} for the audit fact of its export),
 * {@code organisation}'s and {@code system}.
 *
 * <p>A module of its own rather than a part of {@code filing}: the obligations start where a filing ends (an
 * accepted filing), have their own tables, pages, API, export and upload limit, and filing needs nothing from
 * them, so the dependency runs one way and {@code filing}'s API no longer carries their types. Attachments and
 * the filing reports stay in {@code filing} (as its sub-packages {@code filing.attachment} and
 * {@code filing.report}): the unit's detail page shows its attachments, and the reports read the units' own
 * columns, so splitting them off would make the two modules depend on each other.
 */
@ApplicationModule(displayName = "Obligation", allowedDependencies = {"filing",
        "filing :: attachment", "filing :: report", "organisation", "system"})
package org.inspectorate.obligation;

import org.springframework.modulith.ApplicationModule;
