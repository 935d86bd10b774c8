package org.inspectorate.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the TrueType CJK font for PDF reports is: the configured path ({@code inspectorate.report.font},
 * environment {@code INSPECTORATE_REPORT_FONT}) if it names a readable file, else the first of the usual
 * Debian and Fedora places of WenQuanYi Micro Hei (Debian package {@code fonts-wqy-microhei}), which
 * carries Latin glyphs too. Without one, PDF export is off and the page says how to enable it.
 */
public final class ReportFont {

    /** The usual places, in order. CFF-based fonts (fonts-noto-cjk) do not work with the PDF renderer. */
    public static final List<Path> USUAL_PLACES = List.of(
            Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
            Path.of("/usr/share/fonts/wqy-microhei/wqy-microhei.ttc"),
            Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
            Path.of("/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc"));

    private ReportFont() {
    }

    /** The font to use: {@code configured} (blank means none) first, then the usual places. */
    public static Optional<Path> locate(String configured) {
        List<Path> candidates = new ArrayList<>();
        if (configured != null && !configured.isBlank()) {
            candidates.add(Path.of(configured.strip()));
        }
        candidates.addAll(USUAL_PLACES);
        return candidates.stream().filter(p -> Files.isRegularFile(p) && Files.isReadable(p)).findFirst();
    }
}
