package org.inspectorate.system;

/**
 * A path (exact, without context path) whose multipart body its controller streams itself, with its own
 * size limit, instead of the servlet container parsing it under the global multipart limits
 * ({@code spring.servlet.multipart.*}). A module declares one as a bean; see {@link StreamedUploads}.
 *
 * <p>The page chain's CSRF filter leaves a POST to such a path alone, since the token of a plain form is a part
 * of the body it must not parse: the controller checks the session's token itself, before it reads the file
 * (as {@code ingest.ReportUpload} does).
 */
public record StreamedUploadPath(String path) {
}
