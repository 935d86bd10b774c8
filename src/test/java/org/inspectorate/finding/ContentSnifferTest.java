package org.inspectorate.finding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

class ContentSnifferTest {

    static byte[] office(String mainType) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(("<Types><Override PartName=\"/x\" ContentType=\"application/vnd.openxmlformats-officedocument."
                    + mainType + "\"/></Types>").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    @Test
    void magicNumbersNameTheType() {
        assertThat(ContentSniffer.sniff("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII))).contains(ContentSniffer.Kind.PDF);
        assertThat(ContentSniffer.sniff(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0 }))
                .contains(ContentSniffer.Kind.PNG);
        assertThat(ContentSniffer.sniff(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0 }))
                .contains(ContentSniffer.Kind.JPEG);
        assertThat(ContentSniffer.sniff("GIF89a...".getBytes(StandardCharsets.US_ASCII))).contains(ContentSniffer.Kind.GIF);
        assertThat(ContentSniffer.sniff("主机,端口\n10.0.0.1,22\n".getBytes(StandardCharsets.UTF_8)))
                .contains(ContentSniffer.Kind.TEXT);
    }

    @Test
    void officeFilesAreToldApartByTheirContentTypesEntry() throws IOException {
        assertThat(ContentSniffer.sniff(office("wordprocessingml.document.main+xml"))).contains(ContentSniffer.Kind.DOCX);
        assertThat(ContentSniffer.sniff(office("spreadsheetml.sheet.main+xml"))).contains(ContentSniffer.Kind.XLSX);
        assertThat(ContentSniffer.sniff(office("presentationml.presentation.main+xml"))).contains(ContentSniffer.Kind.PPTX);
        assertThat(ContentSniffer.sniff(office("something.else+xml"))).isEmpty();
    }

    @Test
    void binariesAndBrokenUtf8AreRefused() {
        assertThat(ContentSniffer.sniff(new byte[] { 'M', 'Z', (byte) 0x90, 0, 3 })).isEmpty();
        assertThat(ContentSniffer.sniff(new byte[] { 'a', (byte) 0xC3, 'b' })).isEmpty();
        assertThat(ContentSniffer.sniff(new byte[0])).isEmpty();
        assertThat(ContentSniffer.sniff(new byte[] { 'P', 'K', 3, 4, 1, 2 })).isEmpty();
    }

    @Test
    void extensionsAreReadInLowerCase() {
        assertThat(ContentSniffer.extension("报告.PDF")).isEqualTo("pdf");
        assertThat(ContentSniffer.extension("README")).isEmpty();
        assertThat(ContentSniffer.Kind.claimedBy("jpeg")).contains(ContentSniffer.Kind.JPEG);
    }
}
