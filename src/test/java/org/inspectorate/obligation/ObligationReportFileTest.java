package org.inspectorate.obligation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.inspectorate.filing.attachment.UploadFixtures;
import org.junit.jupiter.api.Test;

class ObligationReportFileTest {

    @Test
    void pdfDocxXlsxPngAndJpegAreRecognisedByTheirBytes() throws IOException {
        assertThat(ObligationReportFile.sniff(UploadFixtures.pdf())).contains("application/pdf");
        assertThat(ObligationReportFile.sniff(UploadFixtures.zip("[Content_Types].xml", "word/document.xml")))
                .contains("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(ObligationReportFile.sniff(UploadFixtures.zip("[Content_Types].xml", "xl/workbook.xml")))
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
        assertThat(ObligationReportFile.sniff(UploadFixtures.zip("payload.exe"))).isEmpty();
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
