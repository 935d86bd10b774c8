package org.inspectorate.filing;

/**
 * One field that differs between two versions. {@code field} names a message key suffix
 * ({@code filing.field.<field>}); when {@code valuePrefix} is set, the values are message key
 * suffixes too (enums), else plain text. For assets, {@code before} lists removed and {@code after}
 * added lines.
 */
record FieldChange(String field, String before, String after, String valuePrefix) {
}
