package org.inspectorate.agency;

/** A testing agency in the list: its organisation id and name, province, and how many inspectors it has. */
public record AgencySummary(long id, String name, String provinceCode, long inspectorCount) {
}
