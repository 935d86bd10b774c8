package org.inspectorate.finding;

/** The manual finding form as typed on the page: raw text, bound by name and turned into a {@link NewFinding}. */
record FindingForm(Long networkUnitId, String asset, String title, String description, String category,
        String severity, String references, String cvssVector, String ownerName, String ownerContact,
        String campaignCode, String dueOn) {

    static FindingForm empty() {
        return new FindingForm(null, null, null, null, null, null, null, null, null, null, null, null);
    }

    NewFinding toInput() {
        return new NewFinding(null, networkUnitId, asset, title, description, category, severity, references,
                cvssVector, ownerName, ownerContact, null, campaignCode, dueOn, FindingSource.MANUAL, null, null);
    }
}
