/**
 * The regulators' filing reports (备案情况: coverage by province, operator type and level, overdue filings) and their
 * XLSX exports, and the operators' bulk upload of network units from the XLSX template (批量导入). The bulk upload
 * lives here because it shares {@link UnitWorkbook} (the template's columns, written for the download and read
 * back for the upload) and the report controllers with the exports; it validates and creates the units through
 * {@link org.inspectorate.filing.NetworkUnits}, the one validation and creation path. Nothing in the root package
 * depends on this one.
 *
 * <p>Exposed as {@code filing}'s named interface {@code report} for one type only, {@link FilingExported}, the audit
 * fact of an exported filing list, which {@code obligation} publishes for its own list's export. The reports, the
 * upload, their controllers and their other events are package-private.
 */
@NamedInterface("report")
package org.inspectorate.filing.report;

import org.springframework.modulith.NamedInterface;
