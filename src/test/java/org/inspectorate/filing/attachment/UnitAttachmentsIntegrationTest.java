package org.inspectorate.filing.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.hamcrest.Matchers;
import org.inspectorate.filing.AssetInput;
import org.inspectorate.filing.FilingState;
import org.inspectorate.filing.NetworkUnit;
import org.inspectorate.filing.NetworkUnitFixtures;
import org.inspectorate.filing.NetworkUnits;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.OrganisationFixtures;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.Province;
import org.inspectorate.organisation.Role;
import org.inspectorate.support.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

@DatabaseTest
class UnitAttachmentsIntegrationTest {

    @Autowired
    Organisations organisations;
    @Autowired
    NetworkUnits units;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    private Actor operator(Province province) {
        return OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations,
                OrganisationType.INTERNET_ENTERPRISE, province, null), Role.OPERATOR_STAFF);
    }

    private NetworkUnit draft(Actor operator) {
        return units.create(operator, NetworkUnitFixtures.unitInput("附件单元", "2",
                List.of(new AssetInput("DOMAIN", "attach.example.cn", null))));
    }

    private ResultActions call(Actor actor, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        return mvc.perform(request.with(authentication(OrganisationFixtures.authentication(actor))));
    }

    private ResultActions upload(Actor actor, long unitId, String kind, MockMultipartFile file) throws Exception {
        return call(actor, multipart("/api/v1/network-units/{id}/attachments", unitId).file(file).param("kind", kind));
    }

    private long count(String table, String column, long id) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE " + column + " = :id").param("id", id)
                .query(Long.class).single();
    }

    private long audited(String action, long unitId) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = :a AND subject LIKE :s")
                .param("a", action).param("s", "unit:" + unitId + "/attachment:%").query(Long.class).single();
    }

    @Test
    void anOperatorUploadsATopologyPdfThatIsListedAndDownloadsByteForByteEachStepAudited() throws Exception {
        Actor operator = operator(Province.ZHEJIANG);
        NetworkUnit unit = draft(operator);
        byte[] pdf = UploadFixtures.pdf();
        String sha = UploadedFiles.sha256(pdf);

        String body = upload(operator, unit.id(), "TOPOLOGY",
                new MockMultipartFile("file", "C:\\图纸\\网络拓扑图.pdf", "image/png", pdf))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("TOPOLOGY"))
                .andExpect(jsonPath("$.fileName").value("网络拓扑图.pdf"))
                .andExpect(jsonPath("$.contentType").value("application/pdf"))
                .andExpect(jsonPath("$.size").value(pdf.length))
                .andExpect(jsonPath("$.sha256").value(sha))
                .andReturn().getResponse().getContentAsString();
        int attachmentId = JsonPath.read(body, "$.id");
        assertThat(audited("filing.attachment.added", unit.id())).isEqualTo(1);

        call(operator, get("/api/v1/network-units/{id}/attachments", unit.id())).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].id").value(attachmentId))
                .andExpect(jsonPath("$[0].uploadedBy").value(operator.username()));

        byte[] downloaded = call(operator, get("/api/v1/network-units/{id}/attachments/{aid}", unit.id(), attachmentId))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"))
                .andExpect(header().string("Content-Disposition", startsWith("attachment")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(downloaded).isEqualTo(pdf);
        assertThat(UploadedFiles.sha256(downloaded)).isEqualTo(sha);
        assertThat(audited("filing.attachment.downloaded", unit.id())).isEqualTo(1);

        call(operator, get("/network-units/{id}", unit.id())).andExpect(status().isOk())
                .andExpect(content().string(containsString("网络拓扑图.pdf")))
                .andExpect(content().string(containsString("id=\"attachment-form\"")));
        call(operator, get("/network-units/{id}/attachments/{aid}", unit.id(), attachmentId))
                .andExpect(status().isOk()).andExpect(content().bytes(pdf));
        assertThat(audited("filing.attachment.downloaded", unit.id())).isEqualTo(2);

        call(operator, delete("/api/v1/network-units/{id}/attachments/{aid}", unit.id(), attachmentId))
                .andExpect(status().isNoContent());
        assertThat(count("unit_attachment", "unit_id", unit.id())).isZero();
        assertThat(audited("filing.attachment.deleted", unit.id())).isEqualTo(1);
    }

    @Test
    void aTextFileNamedPdfIsRefusedWithAFieldErrorAndNothingIsSaved() throws Exception {
        Actor operator = operator(Province.ZHEJIANG);
        NetworkUnit unit = draft(operator);
        MockMultipartFile text = new MockMultipartFile("file", "报告.pdf", "application/pdf",
                "just some text, not a PDF".getBytes(StandardCharsets.UTF_8));

        upload(operator, unit.id(), "FILING_REPORT", text).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].code").value("filing.attachment.file.type"));
        upload(operator, unit.id(), "NOPE", new MockMultipartFile("file", "a.pdf", "application/pdf",
                UploadFixtures.pdf())).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("kind"));
        assertThat(count("unit_attachment", "unit_id", unit.id())).isZero();
        assertThat(audited("filing.attachment.added", unit.id())).isZero();

        call(operator, multipart("/network-units/{id}/attachments", unit.id()).file(text).param("kind", "FILING_REPORT")
                .with(csrf())).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("attachmentErrors", Map.of("file",
                        "文件内容不是 PDF、DOCX、XLSX、PNG 或 JPEG（按文件内容而非扩展名判断）")));
    }

    @Test
    void aFileOverTheLimitIsRefused() throws Exception {
        Actor operator = operator(Province.ZHEJIANG);
        NetworkUnit unit = draft(operator);
        byte[] big = Arrays.copyOf(UploadFixtures.pdf(), 10 * 1024 * 1024 + 1);

        upload(operator, unit.id(), "OTHER", new MockMultipartFile("file", "big.pdf", "application/pdf", big))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].code").value("filing.attachment.file.tooLarge"));
        assertThat(count("unit_attachment", "unit_id", unit.id())).isZero();
    }

    @Test
    void anotherOperatorNeitherListsNorDownloadsNorUploads() throws Exception {
        Actor operator = operator(Province.FUJIAN);
        Actor stranger = operator(Province.FUJIAN);
        NetworkUnit unit = draft(operator);
        byte[] pdf = UploadFixtures.pdf();
        String body = upload(operator, unit.id(), "TOPOLOGY", new MockMultipartFile("file", "t.pdf", "application/pdf", pdf))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        int attachmentId = JsonPath.read(body, "$.id");

        call(stranger, get("/api/v1/network-units/{id}/attachments", unit.id())).andExpect(status().isNotFound());
        call(stranger, get("/api/v1/network-units/{id}/attachments/{aid}", unit.id(), attachmentId))
                .andExpect(status().isNotFound());
        call(stranger, get("/network-units/{id}/attachments/{aid}", unit.id(), attachmentId))
                .andExpect(status().isNotFound());
        upload(stranger, unit.id(), "OTHER", new MockMultipartFile("file", "x.pdf", "application/pdf", pdf))
                .andExpect(status().isNotFound());
        call(stranger, delete("/api/v1/network-units/{id}/attachments/{aid}", unit.id(), attachmentId))
                .andExpect(status().isNotFound());
        assertThat(count("unit_attachment", "unit_id", unit.id())).isEqualTo(1);
        assertThat(audited("filing.attachment.downloaded", unit.id())).isZero();
    }

    @Test
    void uploadingWhileTheUnitIsUnderReviewIsAConflict() throws Exception {
        Actor operator = operator(Province.ANHUI);
        NetworkUnit unit = draft(operator);
        NetworkUnit submitted = units.submit(operator, unit.id(), unit.version());
        assertThat(submitted.state()).isEqualTo(FilingState.SUBMITTED);

        upload(operator, unit.id(), "FILING_REPORT", new MockMultipartFile("file", "备案报告.pdf", "application/pdf",
                UploadFixtures.pdf())).andExpect(status().isConflict());
        assertThat(count("unit_attachment", "unit_id", unit.id())).isZero();
        call(operator, get("/network-units/{id}", unit.id())).andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(containsString("id=\"attachment-form\""))));
    }
}
