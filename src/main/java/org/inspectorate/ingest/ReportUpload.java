package org.inspectorate.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.apache.tomcat.util.http.fileupload.FileItemIterator;
import org.apache.tomcat.util.http.fileupload.FileItemStream;
import org.apache.tomcat.util.http.fileupload.FileUpload;
import org.apache.tomcat.util.http.fileupload.FileUploadException;
import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.apache.tomcat.util.http.fileupload.impl.SizeLimitExceededException;
import org.apache.tomcat.util.http.fileupload.servlet.ServletRequestContext;
import org.inspectorate.system.InvalidInputException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Receives an uploaded report without ever holding it whole: the multipart body is read as a stream
 * (Tomcat's streaming multipart reader, limits set per request) and the {@code file} part copied to a
 * temporary file with a byte cap. A declared length over the limit is refused before a byte is read; an
 * undeclared (chunked) one at the first byte past the cap, and the partial copy is deleted. A page upload's
 * CSRF token is checked here too, before the file ({@link FormToken}).
 */
final class ReportUpload {

    /** Room for the multipart framing and the small form fields around the file. */
    static final long OVERHEAD = 1024 * 1024;
    private static final int MAX_FIELD = 8 * 1024;
    private static final String CSRF_FIELD = "_csrf";

    /** The copied file and the form's other fields. */
    record Received(Path file, String fileName, Map<String, String> fields) {
    }

    /** The upload is larger than the limit. */
    static final class TooLarge extends RuntimeException {

        final long limit;

        TooLarge(long limit) {
            super("report larger than " + limit + " bytes");
            this.limit = limit;
        }
    }

    private ReportUpload() {
    }

    /** An upload of the API: authenticated by a token, no CSRF token (the API chain has no session). */
    static Received receive(HttpServletRequest request, long max, Path dir) throws IOException {
        return receive(request, max, dir, null);
    }

    /**
     * An upload of the page: the session's CSRF token must come, in the header or as the {@code _csrf} field
     * before the file, before a byte of the file is read ({@link FormToken}).
     */
    static Received receiveForm(HttpServletRequest request, long max, Path dir) throws IOException {
        return receive(request, max, dir, new FormToken(request));
    }

    private static Received receive(HttpServletRequest request, long max, Path dir, FormToken token)
            throws IOException {
        if (token != null && token.inHeader()) {
            token.check(null);
        }
        if (request instanceof MultipartHttpServletRequest multipart) {
            if (token != null && !token.checked()) {
                token.check(multipart.getParameter(CSRF_FIELD));
            }
            return received(multipart, max, dir);
        }
        long declared = request.getContentLengthLong();
        if (declared > max + OVERHEAD) {
            throw new TooLarge(max);
        }
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw new InvalidInputException("file", "ingest.import.fileMissing");
        }
        FileUpload upload = new FileUpload();
        upload.setSizeMax(max + OVERHEAD);
        upload.setFileSizeMax(max);
        upload.setFileCountMax(20);
        Map<String, String> fields = new HashMap<>();
        Path file = null;
        String fileName = null;
        try {
            FileItemIterator items = upload.getItemIterator(new ServletRequestContext(request));
            while (items.hasNext()) {
                FileItemStream item = items.next();
                try (InputStream in = item.openStream()) {
                    if (item.isFormField()) {
                        byte[] value = in.readNBytes(MAX_FIELD + 1);
                        if (value.length > MAX_FIELD) {
                            throw new InvalidInputException(item.getFieldName(), "ingest.import.fieldTooLong");
                        }
                        String text = new String(value, StandardCharsets.UTF_8);
                        if (token != null && CSRF_FIELD.equals(item.getFieldName())) {
                            if (!token.checked()) {
                                token.check(text);
                            }
                            continue;
                        }
                        fields.merge(item.getFieldName(), text, (a, b) -> a + "," + b);
                    } else if ("file".equals(item.getFieldName()) && file == null) {
                        if (token != null && !token.checked()) {
                            // a form whose token does not come before its file is refused unread
                            throw new FormToken.Refused();
                        }
                        fileName = item.getName();
                        file = copy(in, max, dir);
                    } else {
                        in.transferTo(OutputStream.nullOutputStream());
                    }
                }
            }
        } catch (SizeException e) {
            TempFiles.delete(file);
            throw new TooLarge(max);
        } catch (FileUploadException e) {
            TempFiles.delete(file);
            throw new InvalidInputException("file", "ingest.import.multipartBroken");
        } catch (IOException | RuntimeException e) {
            TempFiles.delete(file);
            if (cause(e) != null) {
                throw new TooLarge(max);
            }
            throw e;
        }
        if (token != null && !token.checked()) {
            token.check(null);
        }
        if (file == null) {
            throw new InvalidInputException("file", "ingest.import.fileMissing");
        }
        return new Received(file, fileName, fields);
    }

    private static SizeException cause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SizeException s) {
                return s;
            }
            if (t instanceof TooLarge) {
                return new SizeLimitExceededException("", 0, 0);
            }
        }
        return null;
    }

    private static Received received(MultipartHttpServletRequest request, long max, Path dir) throws IOException {
        MultipartFile part = request.getFile("file");
        if (part == null || part.isEmpty()) {
            throw new InvalidInputException("file", "ingest.import.fileMissing");
        }
        if (part.getSize() > max) {
            throw new TooLarge(max);
        }
        Map<String, String> fields = new HashMap<>();
        request.getParameterMap().forEach((k, v) -> fields.put(k, v.length == 0 ? null : String.join(",", v)));
        try (InputStream in = part.getInputStream()) {
            return new Received(copy(in, max, dir), part.getOriginalFilename(), fields);
        }
    }

    /** Copies at most {@code max} bytes; one more and the copy is deleted and refused. */
    static Path copy(InputStream in, long max, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = Files.createTempFile(dir, "report-", ".upload");
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            long total = 0;
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                total += n;
                if (total > max) {
                    throw new TooLarge(max);
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            TempFiles.delete(file);
            throw e;
        }
        return file;
    }
}
