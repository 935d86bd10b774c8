package org.inspectorate.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.inspectorate.exposure.Discrepancies;
import org.inspectorate.exposure.ObservedService;
import org.inspectorate.exposure.ObservedServices;
import org.inspectorate.filing.NetworkUnitFixtures;
import org.inspectorate.filing.NetworkUnits;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.OrganisationFixtures;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.Province;
import org.inspectorate.organisation.Role;
import org.inspectorate.support.DatabaseTest;
import org.inspectorate.system.PageRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The import's hook: informational items of a matched host become observed services, not findings. */
@DatabaseTest
class ImportObservedServicesIntegrationTest {

    @Autowired
    ImportJobs jobs;
    @Autowired
    Organisations organisations;
    @Autowired
    NetworkUnits units;
    @Autowired
    ObservedServices observed;
    @Autowired
    Discrepancies discrepancies;

    @Test
    void anInformationalItemWithAPortIsAnObservedServiceAndOneWithoutIsNotStored() throws Exception {
        Actor operator = OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations,
                OrganisationType.INTERNET_ENTERPRISE, Province.QINGHAI, null), Role.OPERATOR_ADMIN);
        long unit = units.create(operator, NetworkUnitFixtures.unitInput("西宁门户", "PORTAL", "2",
                List.of(NetworkUnitFixtures.ipAddress("192.0.2.40")))).id();
        Path file = Files.createTempFile("observed", ".nessus");
        Files.write(file, ImportFixtures.nessus(List.of(
                ImportFixtures.item("192.0.2.40", 443, 10001, "Weak TLS"),
                new ImportFixtures.Item("192.0.2.40", 8080, 11219, "Open port", 0),
                new ImportFixtures.Item("192.0.2.40", 0, 19506, "Scan information", 0))));
        ImportJob queued = jobs.submit(operator, new ImportJobs.Submission(null, List.of(unit), null, "scan.nessus",
                file));
        long deadline = System.currentTimeMillis() + 60_000;
        while (queued.state().active() && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
            queued = jobs.get(operator, queued.id());
        }
        ImportJob job = queued;

        assertThat(job.state()).isEqualTo(ImportState.SUCCEEDED);
        assertThat(job.created()).as("only the vulnerability is a finding").isEqualTo(1);
        List<ObservedService> services = observed.ofUnit(operator, unit, PageRequest.first(20)).items();
        assertThat(services).singleElement().satisfies(s -> {
            assertThat(s.port()).isEqualTo(8080);
            assertThat(s.protocol()).isEqualTo("tcp");
            assertThat(s.lastImportId()).isEqualTo(job.id());
        });
        // the fixture's protocols and ports name 80 and 443 only
        assertThat(discrepancies.ofUnit(operator, unit, PageRequest.first(20)).items()).singleElement()
                .satisfies(d -> assertThat(d.service().port()).isEqualTo(8080));
    }
}
