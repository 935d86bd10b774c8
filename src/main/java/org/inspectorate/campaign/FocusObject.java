package org.inspectorate.campaign;

/** A kind of network or system the campaign focuses on (重点检查对象), e.g. the DNS or public cloud platforms. */
public record FocusObject(String id, LocalizedText name) {
}
