package org.inspectorate.campaign;

/**
 * One basis a campaign's checklist cites (法律法规和标准依据), declared once and referred to by id.
 *
 * @param citation the formal reference, e.g. "工业和信息化部令第11号" or "YD/T 1728-2008"; may be empty
 */
public record LegalBasis(String id, BasisKind kind, LocalizedText title, String citation) {
}
