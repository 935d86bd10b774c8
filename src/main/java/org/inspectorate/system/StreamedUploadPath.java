package org.inspectorate.system;

/**
 * A path (exact, without context path) whose multipart body its controller streams itself, with its own
 * size limit, instead of the servlet container parsing it under the global multipart limits
 * ({@code spring.servlet.multipart.*}). A module declares one as a bean; see {@link StreamedUploads}.
 */
public record StreamedUploadPath(String path) {
}
