package org.inspectorate.filing;

/** An asset as typed by a person or sent to the API: raw text, validated by the service. */
public record AssetInput(String kind, String value, String openPorts) {
}
