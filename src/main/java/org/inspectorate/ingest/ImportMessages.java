package org.inspectorate.ingest;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The words the pages and the API show for an import: why it failed, with the value at fault and where, and
 * how far it got. One place, so that the page and the API's {@code detail} say the same thing.
 */
@Component
class ImportMessages {

    private static final String WRONG_FORMAT = "ingest.parse.wrong-format";
    private static final String[] UNITS = {"B", "KB", "MB", "GB", "TB"};

    private final MessageSource messages;

    ImportMessages(MessageSource messages) {
        this.messages = messages;
    }

    /** Why the job failed, naming the value and the line and column; {@code null} unless it failed. */
    String error(ImportJob job, Locale locale) {
        ImportError error = job.error();
        if (error == null) {
            return null;
        }
        // each stored value is an argument of its own: handing the array over as one argument printed its identity
        Object[] args = error.args().stream().map(a -> argument(error.key(), a, locale)).toArray();
        String text = messages.getMessage(error.key(), args, error.key(), locale);
        String position = position(error, locale);
        return position == null ? text : text + " (" + position + ")";
    }

    private Object argument(String key, String value, Locale locale) {
        if (WRONG_FORMAT.equals(key)) {
            for (ReportFormat f : ReportFormat.values()) {
                if (f.name().equals(value)) {
                    return messages.getMessage("ingest.format." + f.name(), null, value, locale);
                }
            }
        }
        return value;
    }

    private String position(ImportError error, Locale locale) {
        if (error.line() <= 0) {
            return null;
        }
        // as text: MessageFormat would group a number's digits (line 1,234)
        String line = Long.toString(error.line());
        return error.column() > 0
                ? messages.getMessage("ingest.parse.position", new Object[] {line, Long.toString(error.column())},
                        locale)
                : messages.getMessage("ingest.parse.position.line", new Object[] {line}, locale);
    }

    /** The progress line: waiting, how much of how much read, done, or how far a failed one got. */
    String progress(ImportJob job, Locale locale) {
        String read = size(job.bytesRead(), locale);
        String total = size(job.bytesTotal(), locale);
        return switch (job.state()) {
            case QUEUED -> messages.getMessage("ingest.import.progress.queued", new Object[] {total}, locale);
            case RUNNING -> messages.getMessage("ingest.import.progress.running",
                    new Object[] {read, total, job.percent(), job.findingsParsed()}, locale);
            case SUCCEEDED -> messages.getMessage("ingest.import.progress.succeeded",
                    new Object[] {total, job.findingsParsed()}, locale);
            case FAILED -> job.bytesRead() <= 0
                    ? messages.getMessage("ingest.import.progress.failedUnread", null, locale)
                    : messages.getMessage("ingest.import.progress.failed",
                            new Object[] {read, total, job.percent(), job.findingsParsed()}, locale);
        };
    }

    /**
     * A size people read: bytes below 1 KB, else KB, MB, GB with one decimal below 100 where the decimal is
     * not 0 (1.5 MB, 12 KB, 340 MB), binary multiples as file managers show them.
     */
    static String size(long bytes, Locale locale) {
        if (bytes < 1024) {
            return Math.max(0, bytes) + " B";
        }
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        double tenths = Math.round(value * 10) / 10.0;
        if (tenths >= 1024 && unit < UNITS.length - 1) {
            tenths = 1;
            unit++;
        }
        boolean decimal = tenths < 100 && tenths != Math.rint(tenths);
        return (decimal ? String.format(locale, "%.1f", tenths) : String.format(locale, "%d", Math.round(tenths)))
                + " " + UNITS[unit];
    }
}
