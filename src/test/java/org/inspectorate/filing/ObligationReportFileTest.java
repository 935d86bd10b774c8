package org.inspectorate.filing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

class ObligationReportFileTest {

    static byte[] zip(String... entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String e : entries) {
                zip.putNextEntry(new ZipEntry(e));
                zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    static byte[] pdf() {
        return "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void pdfDocxXlsxPngAndJpegAreRecognisedByTheirBytes() throws IOException {
        assertThat(ObligationReportFile.sniff(pdf())).contains("application/pdf");
        assertThat(ObligationReportFile.sniff(zip("[Content_Types].xml", "word/document.xml")))
                .contains("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(ObligationReportFile.sniff(zip("[Content_Types].xml", "xl/workbook.xml")))
                .contains("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(ObligationReportFile.sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0}))
                .contains("image/png");
        assertThat(ObligationReportFile.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}))
                .contains("image/jpeg");
    }

    @Test
    void htmlScriptsAnyOtherZipAndTruncatedBytesAreRefused() throws IOException {
        assertThat(ObligationReportFile.sniff("<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(ObligationReportFile.sniff(zip("payload.exe"))).isEmpty();
        assertThat(ObligationReportFile.sniff(new byte[] {'P', 'K', 3, 4, 1, 2})).isEmpty();
        assertThat(ObligationReportFile.sniff(new byte[] {'%', 'P'})).isEmpty();
        assertThat(ObligationReportFile.sniff(new byte[0])).isEmpty();
    }

    @Test
    void namesLoseTheirDirectoriesAndControlCharacters() {
        assertThat(ObligationReportFile.cleanName("C:\\Users\\a\\评测报告.pdf")).isEqualTo("评测报告.pdf");
        assertThat(ObligationReportFile.cleanName("../../etc/pa\"ss\r\nwd.pdf")).isEqualTo("passwd.pdf");
        assertThat(ObligationReportFile.cleanName("  ")).isEqualTo("report");
        assertThat(ObligationReportFile.cleanName("x".repeat(300) + ".pdf")).hasSize(200).endsWith(".pdf");
    }

    @Test
    void theDigestIsTheHexSha256OfTheBytes() {
        assertThat(ObligationReportFile.sha256("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
