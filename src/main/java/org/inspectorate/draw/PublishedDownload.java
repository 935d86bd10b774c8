package org.inspectorate.draw;

import java.io.IOException;
import java.io.OutputStream;

import org.inspectorate.draw.algorithm.PublishedDraw;
import org.springframework.http.MediaType;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Writes a published draw file as a download, on the request's own thread. A {@code StreamingResponseBody} ran the
 * write as an async dispatch after the transaction had committed: the dispatch logged errors and the chunked body
 * was never ended. Written synchronously, the container ends the body when the handler returns.
 */
final class PublishedDownload {

    private PublishedDownload() {
    }

    static void write(PublishedDraw draw, long drawId, HttpServletResponse response) throws IOException {
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"draw-" + drawId + ".json\"");
        OutputStream out = response.getOutputStream();
        draw.writeJson(out);
        out.flush();
    }
}
