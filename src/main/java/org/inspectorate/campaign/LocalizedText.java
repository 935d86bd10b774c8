package org.inspectorate.campaign;

import java.util.Locale;
import java.util.Objects;

/** A text of a campaign definition in Chinese (the authoritative wording) and English. */
public record LocalizedText(String zh, String en) {

    public LocalizedText {
        Objects.requireNonNull(zh, "zh");
        Objects.requireNonNull(en, "en");
    }

    /** The text in {@code locale}'s language: English for English, Chinese otherwise. */
    public String in(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? en : zh;
    }
}
