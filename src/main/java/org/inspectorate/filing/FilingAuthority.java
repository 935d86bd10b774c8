package org.inspectorate.filing;

import org.inspectorate.organisation.Province;

/**
 * The authority a filing goes to (备案机关): the Ministry's Cybersecurity Bureau ({@code province}
 * is {@code null}) or a provincial communication administration.
 */
public record FilingAuthority(Province province) {

    public static final FilingAuthority MINISTRY = new FilingAuthority(null);

    public static FilingAuthority of(Province province) {
        return new FilingAuthority(province);
    }

    public boolean isMinistry() {
        return province == null;
    }

    /** The code that prefixes filing numbers: the province's GB/T 2260 code, {@code 000000} for the Ministry. */
    public String code() {
        return province == null ? "000000" : province.code();
    }

    public String messageKey() {
        return province == null ? "filing.authority.ministry" : province.messageKey();
    }
}
