package org.inspectorate.spotcheck;

import static org.assertj.core.api.Assertions.assertThat;

import org.inspectorate.scoring.ScoringSubject;
import org.inspectorate.scoring.ScoringSubjects;
import org.inspectorate.support.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Scoring reads a spot check through its SPI as the spot-check module knows it: a scheduled or running check with its
 * operator, authority, year and team; not a planned one; and the team as cleared today — a member whose commitment
 * lapsed is off it, a leader who lapsed leaves it without a leader.
 */
@DatabaseTest
class SpotCheckScoringSubjectsIntegrationTest extends SpotCheckFixture {

    @Autowired
    ScoringSubjects subjects;

    @Test
    void aRunningCheckIsScoredByItsClearedTeamForItsOperatorAndAuthority() {
        SpotCheckView check = started(outsideDraw());

        ScoringSubject subject = subjects.find(check.id()).orElseThrow();

        assertThat(subject.operatorId()).isEqualTo(check.targetOrganisationId());
        assertThat(subject.authorityProvince().code()).isEqualTo(check.authorityProvinceCode());
        assertThat(subject.year()).isEqualTo(check.startsOn().getYear());
        assertThat(subject.leaderAccountId()).isEqualTo(check.leaderUserId());
        assertThat(subject.teamAccountIds()).containsExactlyInAnyOrderElementsOf(check.team());
        assertThat(subject.outsideDraw()).isTrue();
    }

    @Test
    void aPlannedCheckIsNotScoredYet() {
        SpotCheckView planned = outsideDraw();
        assertThat(planned.state()).isEqualTo(SpotCheckState.PLANNED);

        assertThat(subjects.find(planned.id())).isEmpty();
        assertThat(subjects.find(Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void aMemberWhoseCommitmentLapsedIsOffTheTeamAndALapsedLeaderLeavesNoLeader() {
        SpotCheckView check = started(outsideDraw());
        lapse(member.userId());

        assertThat(subjects.find(check.id()).orElseThrow().teamAccountIds()).doesNotContain(member.userId())
                .contains(check.leaderUserId());

        lapse(check.leaderUserId());
        ScoringSubject leaderless = subjects.find(check.id()).orElseThrow();
        assertThat(leaderless.leaderAccountId()).isEqualTo(SpotCheckScoringSubjects.NO_LEADER);
        assertThat(leaderless.onTeam(check.leaderUserId())).isFalse();
    }

    private void lapse(long userId) {
        jdbc.sql("UPDATE confidentiality_commitment SET valid_until = :d WHERE user_id = :u")
                .param("d", today.minusDays(1)).param("u", userId).update();
    }
}
