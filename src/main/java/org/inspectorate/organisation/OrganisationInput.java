package org.inspectorate.organisation;

/**
 * An organisation to register as typed by a person or sent to the API: raw text, checked field by
 * field by {@link Organisations#register}.
 */
public record OrganisationInput(String type, String name, String creditCode, String provinceCode,
        String licenceNumber, Long parentId, String contactName, String contactPhone) {
}
