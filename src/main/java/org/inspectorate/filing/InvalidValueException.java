package org.inspectorate.filing;

/**
 * A value that breaks a domain rule (a level that does not exist, a malformed CIDR range), named by
 * a message key so that services can report it against the field it came from.
 */
public class InvalidValueException extends IllegalArgumentException {

    private final String code;
    private final transient Object[] args;

    public InvalidValueException(String code, Object... args) {
        super(code);
        this.code = code;
        this.args = args;
    }

    /** The message key. */
    public String code() {
        return code;
    }

    public Object[] args() {
        return args;
    }
}
