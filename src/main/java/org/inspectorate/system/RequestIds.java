package org.inspectorate.system;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.MDC;

/**
 * The request id (请求编号) that ties a user's error page, an API problem, the response header and every log line of
 * one request together: what a user quotes to the operator of the system, and what the operator greps for.
 * A balancer's id ({@code X-Request-Id}, nginx {@code $request_id}) is kept when it is short and plain, so one id runs
 * through the balancer's log and every node's; anything else is replaced, so a header cannot forge log lines.
 */
public final class RequestIds {

    /** The header read from the balancer and written on every response. */
    public static final String HEADER = "X-Request-Id";
    /** The request attribute (and so the template variable {@code requestId}) and the log's MDC key. */
    public static final String KEY = "requestId";

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    private RequestIds() {
    }

    /** The id of the request (or background task) this thread serves, if any. */
    public static Optional<String> current() {
        return Optional.ofNullable(MDC.get(KEY));
    }

    /** The id to use for a request that arrived with {@code offered} (may be null): kept if plain, otherwise new. */
    static String accept(String offered) {
        return offered != null && PLAIN.matcher(offered).matches() ? offered : fresh();
    }

    /** A new id: 32 hex digits, the shape of nginx's {@code $request_id}. */
    static String fresh() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /**
     * Runs {@code task} with {@code id} as this thread's request id, for work done away from the request thread (an
     * import's run is logged under {@code import-<id>}); the previous id is restored afterwards.
     */
    public static void runAs(String id, Runnable task) {
        String previous = MDC.get(KEY);
        MDC.put(KEY, id);
        try {
            task.run();
        } finally {
            if (previous == null) {
                MDC.remove(KEY);
            } else {
                MDC.put(KEY, previous);
            }
        }
    }
}
