package org.inspectorate.agency;

import java.time.LocalDate;

/** An own or former employer (任职经历): until {@code null} means still employed there. */
public record Employment(long id, long organisationId, String organisationName, LocalDate from, LocalDate until) {
}
