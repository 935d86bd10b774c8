package org.inspectorate.system;

import java.io.IOException;
import java.io.Writer;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * The error page Tomcat writes itself, for a request it refuses before the application sees it (an encoded
 * slash or a malformed URI, a header too large): the same security headers as every page of the application,
 * no server name, no inline style, and a bilingual line instead of Tomcat's report. Requests that reach the
 * application get its own error pages; this valve writes nothing when a body has been written.
 *
 * <p>Public with a public constructor: Tomcat instantiates it by name as its host's error report valve.
 */
public class ContainerErrorReport extends ErrorReportValve {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; base-uri 'none'; form-action 'none'; "
            + "frame-ancestors 'none'";

    public ContainerErrorReport() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Cache-Control", "no-store");
        try {
            response.setContentType("text/html;charset=UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>" + status
                        + "</title></head><body><h1>" + status + "</h1><p>请求无效，服务器未处理。</p>"
                        + "<p lang=\"en\">The request was refused by the server.</p></body></html>");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away: nothing more to write
        }
    }
}
