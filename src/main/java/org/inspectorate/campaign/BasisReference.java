package org.inspectorate.campaign;

/**
 * A checklist item's citation of a declared {@link LegalBasis}, optionally narrowed to a clause
 * ("第二十一条").
 */
public record BasisReference(String basisId, BasisKind kind, String clause) {
}
