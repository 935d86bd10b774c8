package org.inspectorate.audit;

/**
 * Makes event text storable so that it reads back exactly as hashed: every database drops or refuses
 * what Java strings may hold (NUL, unpaired surrogates), and a column cut must not split a character.
 */
final class AuditText {

    private AuditText() {
    }

    /** {@code text} without NUL and unpaired surrogates, at most {@code max} UTF-16 units, whole characters only. */
    static String clean(String text, int max) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), max));
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == 0) {
                continue;
            }
            if (Character.isSurrogate((char) cp) && cp <= 0xFFFF) {
                cp = 0xFFFD;
            }
            if (out.length() + Character.charCount(cp) > max) {
                break;
            }
            out.appendCodePoint(cp);
        }
        return out.toString();
    }
}
