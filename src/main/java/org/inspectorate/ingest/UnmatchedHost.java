package org.inspectorate.ingest;

/**
 * A host of a report that no unit of the import's scope lists (未匹配主机), with how many findings wait for
 * it to be assigned. Code findings (SARIF) without a host are listed under {@link #CODE}.
 */
public record UnmatchedHost(String host, int findings) {

    /** The name under which findings without a host wait: a SARIF report into a scope of several units. */
    public static final String CODE = "(code)";
}
