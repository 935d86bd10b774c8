package org.inspectorate.agency;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.inspectorate.organisation.AccountProvisioning;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Organisation;
import org.inspectorate.organisation.OrganisationFixtures;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.Role;
import org.inspectorate.organisation.UserAccount;
import org.inspectorate.organisation.UserAccounts;
import org.inspectorate.support.Codes;
import org.inspectorate.support.TestClock;

/** Agencies and vetted, committed inspectors for tests of any module, made through the public APIs. */
public final class AgencyFixtures {

    /** The smallest valid PDF header a sniffer accepts. */
    public static final byte[] PDF = "%PDF-1.4\n% signed commitment\n".getBytes(StandardCharsets.US_ASCII);

    private AgencyFixtures() {
    }

    /** A testing agency with its own commitment valid from a year ago until {@code agencyValidUntil}. */
    public static Organisation agency(Organisations organisations, Agencies agencies, Actor officer,
            LocalDate agencyValidUntil) {
        Organisation agency = OrganisationFixtures.organisation(organisations, OrganisationType.TESTING_AGENCY, null,
                null);
        LocalDate today = TestClock.today();
        agencies.uploadCommitment(officer, agency.id(), null, today.minusDays(1).toString(),
                today.minusYears(1).toString(), agencyValidUntil.toString(), "agency.pdf", PDF);
        return agency;
    }

    /** An INSPECTOR account of the agency with a profile, vetted until and committed until the given days. */
    public static Inspector inspector(UserAccounts accounts, Agencies agencies, Actor officer, Organisation agency,
            List<String> skills, LocalDate vettedUntil, LocalDate committedUntil) {
        UserAccount account = accounts.provision(new AccountProvisioning(Codes.username("insp"), "检查员",
                agency.id(), "Juniper-Quay2031!Zz", Set.of(Role.INSPECTOR), false));
        agencies.registerInspector(officer, agency.id(), Long.toString(account.id()), skills);
        LocalDate today = TestClock.today();
        agencies.vet(officer, account.id(), today.minusDays(1).toString(), vettedUntil.toString(), "背景审查通过");
        agencies.uploadCommitment(officer, agency.id(), account.id(), today.minusDays(1).toString(),
                today.minusDays(1).toString(), committedUntil.toString(), "me.pdf", PDF);
        return agencies.inspector(officer, account.id());
    }
}
