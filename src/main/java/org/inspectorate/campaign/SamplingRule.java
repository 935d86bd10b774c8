package org.inspectorate.campaign;

import org.inspectorate.organisation.OrganisationType;

/**
 * A quota for the double-random draw of spot-check targets (抽查): the {@code drawnBy} authority
 * draws at least {@code minimum} organisations of the {@code target} type in each scope, or all of
 * them when {@code all} is set.
 */
public record SamplingRule(String id, SamplingScope scope, OrganisationType drawnBy, OrganisationType target,
        Integer minimum, boolean all, LocalizedText description) {
}
