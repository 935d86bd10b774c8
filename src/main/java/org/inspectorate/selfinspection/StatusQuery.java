package org.inspectorate.selfinspection;

import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Province;

/** Filters of the submission-status view: status, operator type, province (the Ministry's) and name. */
public record StatusQuery(SubmissionStatus status, OrganisationType type, Province province, String q) {
}
