package org.inspectorate.organisation;

import java.time.Instant;

/** An organisation (单位) as other modules and pages see it. */
public record Organisation(long id, OrganisationType type, String name, CreditCode creditCode, Province province,
        LicenceNumber licenceNumber, Long parentId, String contactName, String contactPhone, Instant createdAt,
        int version, DepartmentKind departmentKind) {

    /** Existing callers that know no department kind (every organisation but another department's is OTHER). */
    public Organisation(long id, OrganisationType type, String name, CreditCode creditCode, Province province,
            LicenceNumber licenceNumber, Long parentId, String contactName, String contactPhone, Instant createdAt,
            int version) {
        this(id, type, name, creditCode, province, licenceNumber, parentId, contactName, contactPhone, createdAt,
                version, DepartmentKind.OTHER);
    }

    /** Whether a value-added operator's licence was issued by the Ministry (cross-regional). */
    public boolean crossRegionalLicence() {
        return licenceNumber != null && licenceNumber.crossRegional();
    }
}
