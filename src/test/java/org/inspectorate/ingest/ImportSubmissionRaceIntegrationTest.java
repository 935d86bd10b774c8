package org.inspectorate.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.inspectorate.ingest.ImportFixtures.item;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.inspectorate.filing.AssetInput;
import org.inspectorate.filing.NetworkUnitFixtures;
import org.inspectorate.filing.NetworkUnits;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.OrganisationFixtures;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.Province;
import org.inspectorate.organisation.Role;
import org.inspectorate.support.DatabaseTest;
import org.inspectorate.system.ConflictException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Submitting imports while others run, many times over: a submission frees stale operator locks and then appends to
 * the audit chain, a run appends its findings' entry and then frees its own operator's lock. On MariaDB the
 * submission's cleanup used to lock every operator's lock row, a running import's too, and the two then waited for
 * each other (one rolled back as a deadlock victim). Every import must end SUCCEEDED and every submission be accepted
 * or refused as busy, nothing else.
 */
@DatabaseTest
class ImportSubmissionRaceIntegrationTest {

    private static final int OPERATORS = 4;
    private static final int ROUNDS = 15;

    @Autowired
    ImportJobs jobs;
    @Autowired
    Organisations organisations;
    @Autowired
    NetworkUnits units;

    private record Operator(Actor actor, long unit) {
    }

    private Operator operator(int n) {
        Actor actor = OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations,
                OrganisationType.INTERNET_ENTERPRISE, Province.JIANGXI, null), Role.OPERATOR_ADMIN);
        long unit = units.create(actor, NetworkUnitFixtures.unitInput("竞争门户" + n, "PORTAL", "3.1",
                List.of(new AssetInput("IP_ADDRESS", "203.0.113." + (10 + n), null)))).id();
        return new Operator(actor, unit);
    }

    /** A report with a finding on the unit's host and many hosts no unit matches (staged after the findings). */
    private static byte[] report(int n, int round) {
        List<ImportFixtures.Item> items = new ArrayList<>();
        items.add(item("203.0.113." + (10 + n), 443, 5000 + round, "Race " + round));
        for (int h = 0; h < 150; h++) {
            items.add(item("198.18." + n + "." + h, 80, 6000 + h, "Unmatched " + h));
        }
        return ImportFixtures.nessus(items);
    }

    private Long submit(Operator o, byte[] report) throws Exception {
        Path file = Files.createTempFile("import-race", ".nessus");
        Files.write(file, report);
        try {
            return jobs.submit(o.actor(), new ImportJobs.Submission(null, List.of(o.unit()), null, "race.nessus", file))
                    .id();
        } catch (ConflictException busy) { // this operator's previous import still runs: refused, as it should be
            assertThat(busy.code()).isEqualTo("ingest.import.busy");
            return null;
        }
    }

    @Test
    void importsSubmittedWhileOthersRunAllSucceedWithoutADeadlock() throws Exception {
        List<Operator> operators = new ArrayList<>();
        for (int n = 0; n < OPERATORS; n++) {
            operators.add(operator(n));
        }
        ConcurrentLinkedQueue<long[]> submitted = new ConcurrentLinkedQueue<>();
        ExecutorService threads = Executors.newFixedThreadPool(OPERATORS);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> futures = new ArrayList<>();
                for (int n = 0; n < OPERATORS; n++) {
                    Operator o = operators.get(n);
                    byte[] report = report(n, round);
                    int index = n;
                    futures.add(threads.submit(() -> {
                        start.await();
                        Long id = submit(o, report);
                        if (id != null) {
                            submitted.add(new long[] {index, id});
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> f : futures) {
                    f.get(60, TimeUnit.SECONDS); // a deadlock victim on this side fails here
                }
            }
        } finally {
            threads.shutdown();
        }
        assertThat(submitted).hasSizeGreaterThanOrEqualTo(OPERATORS);
        for (long[] s : submitted) {
            ImportJob job = await(operators.get((int) s[0]).actor(), s[1]);
            assertThat(job.state()).as("import %d: %s", job.id(), job.errorKey()).isEqualTo(ImportState.SUCCEEDED);
        }
    }

    private ImportJob await(Actor actor, long id) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        ImportJob job = jobs.get(actor, id);
        while (job.state().active() && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
            job = jobs.get(actor, id);
        }
        return job;
    }
}
