package org.inspectorate.selfinspection;

import java.time.LocalDate;

import org.inspectorate.campaign.Recipient;
import org.inspectorate.organisation.Province;

/**
 * Where an operator's summary report goes and by when: the Ministry ({@code province} null) or the
 * provincial administration of {@code province}; {@code dueOn} null when the campaign sets no deadline
 * for the operator's type (then a report is never late).
 *
 * @param deadlineId the campaign deadline that applies, or null when the policy's fallback decided
 */
public record ReportRoute(Recipient recipient, Province province, LocalDate dueOn, String deadlineId) {

    public boolean ministry() {
        return province == null;
    }

    /** The recipient's name: the Ministry's bureau, or "<province> communication administration". */
    public String name(SummaryReport.Text text) {
        return recipientName(province, text);
    }

    static String recipientName(Province province, SummaryReport.Text text) {
        return province == null ? text.get("selfinspection.recipient.ministry")
                : text.get("selfinspection.recipient.local", text.get(province.messageKey()));
    }
}
