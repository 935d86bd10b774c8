package org.inspectorate.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor.TaskResult;
import org.inspectorate.filing.NetworkUnit;
import org.inspectorate.filing.NetworkUnitFixtures;
import org.inspectorate.filing.NetworkUnits;
import org.inspectorate.finding.FindingDue;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Organisation;
import org.inspectorate.organisation.OrganisationFixtures;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.Province;
import org.inspectorate.organisation.Role;
import org.inspectorate.organisation.UserAccounts;
import org.inspectorate.organisation.UserFixtures;
import org.inspectorate.support.DatabaseTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.StreamUtils;

/**
 * Mail through a real SMTP server (GreenMail) and reminders once across two schedulers on one database: the mail
 * content and recipients, a mail server that is down (the publication stays incomplete, the mail goes when it is
 * back), the digest, and two nodes' reminder runs at once.
 */
@DatabaseTest
class NotificationDeliveryIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int PORT = freePort();
    private static GreenMail smtp;

    @Autowired
    Organisations organisations;
    @Autowired
    UserAccounts accounts;
    @Autowired
    NetworkUnits units;
    @Autowired
    Notifications notifications;
    @Autowired
    Deliveries deliveries;
    @Autowired
    NotificationJobs jobs;
    @Autowired
    Reminders reminders;
    @Autowired
    LockProvider lockProvider;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> PORT);
        registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> "2000");
    }

    private static int freePort() {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeAll
    static void startSmtp() {
        smtp = newServer();
        smtp.start();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    private static GreenMail newServer() {
        return new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    private Organisation operator() {
        return OrganisationFixtures.organisation(organisations, OrganisationType.INTERNET_ENTERPRISE, Province.SHANDONG,
                null);
    }

    private Actor account(Organisation organisation, Role role) {
        return UserFixtures.actor(UserFixtures.account(accounts, organisation, role), organisation);
    }

    private Actor withMail(Actor actor, String email, String language, boolean digest) {
        notifications.savePreferences(actor, new PreferencesInput(email, language, digest, List.of(), List.of(), 0));
        return actor;
    }

    private NetworkUnit returned(Actor operator, Actor officer, String name) {
        NetworkUnit draft = units.create(operator, NetworkUnitFixtures.unitInput(name, "2",
                List.of(NetworkUnitFixtures.domain(Math.abs(name.hashCode()) + ".mail.example.cn"))));
        NetworkUnit submitted = units.submit(operator, draft.id(), draft.version());
        return units.returnForCorrection(officer, draft.id(), submitted.version(), "请补充资产清单");
    }

    private List<MimeMessage> mailTo(String address) throws Exception {
        List<MimeMessage> out = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getRecipients(Message.RecipientType.TO)[0].toString().equals(address)) {
                out.add(m);
            }
        }
        return out;
    }

    private String mailerPublicationStatus(long notificationId) {
        return jdbc.sql("SELECT status FROM EVENT_PUBLICATION WHERE listener_id LIKE '%NotificationMailer%'"
                        + " AND serialized_event LIKE :id")
                .param("id", "%\"notificationId\":" + notificationId + "}%").query(String.class).optional()
                .orElse("none");
    }

    private long notificationOf(Actor recipient, NotificationKind kind) {
        return jdbc.sql("SELECT MAX(id) FROM notification WHERE recipient_id = :r AND kind = :k")
                .param("r", recipient.userId()).param("k", kind.name()).query(Long.class).optional().orElse(0L);
    }

    private Actor officer() {
        return account(OrganisationFixtures.organisation(organisations, OrganisationType.PROVINCIAL_ADMINISTRATION,
                Province.SHANDONG, null), Role.PROVINCIAL_OFFICER);
    }

    @Test
    void aReturnedFilingIsMailedToTheTeamInEachOnesLanguageAndAServerThatIsDownDelaysTheMailButLosesNone()
            throws Exception {
        Organisation org = operator();
        String en = "admin." + org.id() + "@example.cn";
        String zh = "staff." + org.id() + "@example.cn";
        Actor admin = withMail(account(org, Role.OPERATOR_ADMIN), en, "en", false);
        withMail(account(org, Role.OPERATOR_STAFF), zh, "zh-CN", false);
        account(org, Role.OPERATOR_STAFF); // no address: told in the inbox only
        Actor officer = officer();

        NetworkUnit unit = returned(admin, officer, "邮件门户");
        await().atMost(WAIT).until(() -> mailTo(en).size() == 1 && mailTo(zh).size() == 1);
        MimeMessage english = mailTo(en).get(0);
        assertThat(english.getSubject()).isEqualTo("Filing returned for correction: 邮件门户");
        assertThat(english.getFrom()[0].toString()).isEqualTo("noreply@inspectorate.localhost");
        assertThat(english.getAllRecipients()).hasSize(1);
        String body = GreenMailUtil.getBody(english);
        assertThat(StreamUtils.copyToString(english.getInputStream(),
                StandardCharsets.UTF_8)).contains("请补充资产清单").contains("/network-units/" + unit.id());
        assertThat(body).isNotBlank();
        assertThat(mailTo(zh).get(0).getSubject()).isEqualTo("备案被退回补正：邮件门户");

        // The server goes down: the mail's publication fails and stays incomplete; nothing is sent.
        smtp.stop();
        returned(admin, officer, "停机门户");
        await().atMost(WAIT).until(() -> notificationOf(admin, NotificationKind.FILING_RETURNED) > 0
                && "FAILED".equals(mailerPublicationStatus(notificationOf(admin, NotificationKind.FILING_RETURNED))));
        long waiting = notificationOf(admin, NotificationKind.FILING_RETURNED);
        assertThat(jdbc.sql("SELECT mail_state FROM notification WHERE id = :id").param("id", waiting)
                .query(String.class).single()).isEqualTo("PENDING");

        // Back up: the resubmission sends it, once.
        smtp = newServer();
        smtp.start();
        assertThat(mailTo(en)).isEmpty();
        jobs.retryOlderThan(Duration.ZERO);
        await().atMost(WAIT).until(() -> mailTo(en).size() == 1 && mailTo(zh).size() == 1);
        assertThat(mailTo(en).get(0).getSubject()).isEqualTo("Filing returned for correction: 停机门户");
        await().atMost(WAIT).until(() -> "COMPLETED".equals(mailerPublicationStatus(waiting)));
        assertThat(jdbc.sql("SELECT mail_state FROM notification WHERE id = :id").param("id", waiting)
                .query(String.class).single()).isEqualTo("SENT");
        jobs.retryOlderThan(Duration.ZERO);
        Thread.sleep(500);
        assertThat(mailTo(en)).hasSize(1);
    }

    @Test
    void aDigestMailsTheDaysNotificationsInOneMailAndThenNothingMore() throws Exception {
        Organisation org = operator();
        String address = "digest." + org.id() + "@example.cn";
        Actor me = withMail(account(org, Role.OPERATOR_ADMIN), address, "zh-CN", true);
        for (int i = 1; i <= 3; i++) {
            deliveries.deliver(FindingDeadlines.deadline(new FindingDue(i, org.id(),
                    "汇总项" + i, LocalDate.of(2026, 6, 20))).notice(ReminderPolicy.Stage.SOON), List.of(me.userId()));
        }
        assertThat(mailTo(address)).isEmpty();
        jobs.sendDigests();
        await().atMost(WAIT).until(() -> mailTo(address).size() == 1);
        MimeMessage digest = mailTo(address).get(0);
        assertThat(digest.getSubject()).isEqualTo("网络安全检查平台：今日 3 条通知");
        String text = StreamUtils.copyToString(digest.getInputStream(),
                StandardCharsets.UTF_8);
        assertThat(text).contains("汇总项1").contains("汇总项2").contains("汇总项3");
        jobs.sendDigests();
        Thread.sleep(300);
        assertThat(mailTo(address)).hasSize(1);
    }

    private long remindersOf(Actor recipient) {
        return jdbc.sql("SELECT COUNT(*) FROM notification WHERE recipient_id = :r AND kind = 'FILING_DUE'")
                .param("r", recipient.userId()).query(Long.class).single();
    }

    /** A unit whose first filing is due in five days: graded 25 days ago, not filed. */
    private void dueInFiveDays(Actor operator, String name) {
        units.create(operator, NetworkUnitFixtures.minimalUnitInput(name, LocalDate.now(clock).minusDays(25)));
    }

    @Test
    void twoSchedulersOnOneDatabaseRunTheRemindersOnceAndEachReminderIsSentOnce() throws Exception {
        jdbc.sql("DELETE FROM shedlock").update();
        Organisation org = operator();
        Actor admin = account(org, Role.OPERATOR_ADMIN);
        Actor staff = account(org, Role.OPERATOR_STAFF);
        dueInFiveDays(admin, "提醒门户");

        // Two nodes: this context's lock provider and another one on the same database.
        List<LockProvider> nodes = List.of(lockProvider, NotificationConfiguration.lockProvider(dataSource));
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<Future<TaskResult<Integer>>> runs = new ArrayList<>();
        for (LockProvider node : nodes) {
            runs.add(threads.submit(() -> {
                start.await();
                try {
                    return new DefaultLockingTaskExecutor(node).executeWithLock(reminders::run,
                            new LockConfiguration(clock.instant(), "notification-reminders", Duration.ofMinutes(10),
                                    Duration.ofMinutes(10)));
                } catch (Throwable failed) {
                    throw new IllegalStateException(failed);
                }
            }));
        }
        int executed = 0;
        for (Future<TaskResult<Integer>> run : runs) {
            executed += run.get().wasExecuted() ? 1 : 0;
        }
        threads.shutdown();
        assertThat(executed).isOne();
        assertThat(remindersOf(admin)).isOne();
        assertThat(remindersOf(staff)).isOne();

        // A later run the same day (the lock gone) sends nothing again: the reminder's key is taken.
        jdbc.sql("DELETE FROM shedlock").update();
        reminders.run();
        assertThat(remindersOf(admin)).isOne();
    }

    @Test
    void evenWithoutTheLockTwoRunsAtOnceSendEachReminderOnce() throws Exception {
        Organisation org = operator();
        Actor admin = account(org, Role.OPERATOR_ADMIN);
        dueInFiveDays(admin, "并发门户");
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<Future<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(threads.submit(() -> {
                start.await();
                return reminders.run();
            }));
        }
        for (Future<Integer> run : runs) {
            run.get();
        }
        threads.shutdown();
        assertThat(remindersOf(admin)).isOne();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notification WHERE recipient_id = :r")
                .param("r", admin.userId()).query(Long.class).single()).isOne();
    }
}
