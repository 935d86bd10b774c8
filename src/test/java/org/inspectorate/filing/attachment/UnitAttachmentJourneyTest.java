package org.inspectorate.filing.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;

import org.inspectorate.filing.AssetInput;
import org.inspectorate.filing.NetworkUnitFixtures;
import org.inspectorate.filing.NetworkUnits;
import org.inspectorate.organisation.BrowserAccountFixtures;
import org.inspectorate.organisation.Organisation;
import org.inspectorate.organisation.OrganisationFixtures;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.Province;
import org.inspectorate.organisation.Role;
import org.inspectorate.support.BrowserTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;

/**
 * Unit attachments in the browser: an operator uploads a topology diagram to a draft unit, sees it listed, downloads
 * it (the same bytes, as PNG), deletes it; a text file named {@code .png} is refused with the field's message.
 */
class UnitAttachmentJourneyTest extends BrowserTest {

    private static final String PASSWORD = "Qz7!attach-Journey";

    @Autowired
    ApplicationContext context;
    @Autowired
    Organisations organisations;
    @Autowired
    NetworkUnits units;
    @Autowired
    MessageSource messages;

    private String operator;
    private long unitId;
    private Path folder;

    @BeforeEach
    void draftUnit() throws Exception {
        Organisation enterprise = OrganisationFixtures.organisation(organisations, OrganisationType.INTERNET_ENTERPRISE,
                Province.FUJIAN, null);
        operator = BrowserAccountFixtures.account(context, enterprise, PASSWORD, Role.OPERATOR_ADMIN);
        unitId = units.create(OrganisationFixtures.actor(enterprise, Role.OPERATOR_ADMIN), NetworkUnitFixtures.unitInput(
                "附件旅程单元", "2", List.of(new AssetInput("DOMAIN", "attach-journey.example.cn", null)))).id();
        folder = Files.createTempDirectory("attachment-journey-");
    }

    @AfterEach
    void removeFiles() throws Exception {
        try (var files = Files.list(folder)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(folder);
    }

    private String text(String key) {
        return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
    }

    private void signIn() {
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys(operator);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.id("signin-submit")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".role-badge")));
    }

    private void upload(String kind, Path file) {
        driver.get(url("/network-units/" + unitId));
        WebElement form = waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("attachment-form")));
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", form);
        new Select(driver.findElement(By.id("attachment-kind"))).selectByValue(kind);
        driver.findElement(By.id("attachment-file")).sendKeys(file.toAbsolutePath().toString());
        driver.findElement(By.id("attachment-upload")).click();
    }

    private static byte[] png() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    @Test
    void anOperatorUploadsATopologyDiagramSeesItDownloadsItAndDeletesIt() throws Exception {
        byte[] diagram = png();
        Path file = Files.write(folder.resolve("topology.png"), diagram);
        signIn();

        upload("TOPOLOGY", file);
        WebElement table = waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("attachments-table")));
        assertThat(table.getText()).contains(text("filing.attachment.kind.TOPOLOGY"), "topology.png");

        // the download link serves the same bytes as PNG to this session
        String href = table.findElement(By.cssSelector("a[href*='/attachments/']")).getAttribute("href");
        @SuppressWarnings("unchecked")
        Map<String, Object> fetched = (Map<String, Object>) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done({status: r.status,
                    type: r.headers.get('content-type'), disposition: r.headers.get('content-disposition'),
                    size: b.byteLength})));""", href);
        assertThat(((Number) fetched.get("status")).intValue()).isEqualTo(200);
        assertThat((String) fetched.get("type")).startsWith("image/png");
        assertThat((String) fetched.get("disposition")).startsWith("attachment");
        assertThat(((Number) fetched.get("size")).intValue()).isEqualTo(diagram.length);

        WebElement delete = table.findElement(By.cssSelector("button[type='submit']"));
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", delete);
        delete.click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("attachments-empty")));
        assertThat(driver.findElements(By.id("attachments-table"))).isEmpty();
        assertNoContentSecurityPolicyViolation();
    }

    @Test
    void aTextFileNamedPngIsRefusedWithTheFieldsMessage() throws Exception {
        Path lying = Files.writeString(folder.resolve("diagram.png"), "this is not an image", StandardCharsets.UTF_8);
        signIn();

        upload("TOPOLOGY", lying);

        WebElement error = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("attachment-file-error")));
        assertThat(error.getText()).isEqualTo(text("filing.attachment.file.type"));
        assertThat(driver.findElements(By.id("attachments-table"))).isEmpty();
        assertNoContentSecurityPolicyViolation();
    }
}
