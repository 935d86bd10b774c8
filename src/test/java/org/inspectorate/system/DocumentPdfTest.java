package org.inspectorate.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class DocumentPdfTest {

    @Test
    void theOperatorsTextCannotAddMarkupThatWouldMakeTheRendererFetchAnything() {
        String hostile = "<img src=\"file:///etc/hostname\"/><link rel=\"stylesheet\" href=\"http://127.0.0.1:1/x.css\"/>"
                + " & 'quoted' \u0007";
        List<DocumentBlock> blocks = List.of(
                new DocumentBlock.Heading(1, hostile),
                new DocumentBlock.Paragraph(hostile),
                new DocumentBlock.Table(List.of(hostile), List.of(List.of(hostile))));

        String html = DocumentPdf.html("自查 <b>报告</b>", blocks);

        assertThat(html).doesNotContain("<img").doesNotContain("<link").doesNotContain("<b>")
                .contains("&lt;img src=&quot;file:///etc/hostname&quot;/&gt;")
                .contains("&amp; &#39;quoted&#39;")
                .doesNotContain("\u0007");
    }
}
