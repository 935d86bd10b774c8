package org.inspectorate.spotcheck;

/**
 * An authorisation as typed: the method (REMOTE_PENETRATION or CODE_TESTING), the scope (one entry a line), the
 * window's first and last moment (ISO local date-time, in the server's zone), and the contacts of both sides.
 */
public record AuthorisationInput(String method, String scope, String windowFrom, String windowUntil,
        String teamContact, String operatorContact) {

    public static AuthorisationInput empty() {
        return new AuthorisationInput("", "", "", "", "", "");
    }
}
