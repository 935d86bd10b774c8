package org.inspectorate.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.inspectorate.system.ConflictException;
import org.junit.jupiter.api.Test;

/** The campaign aggregate's two transition tables, walked pair by pair, and the events its transitions return. */
class CampaignTest {

    private static final Map<CampaignState, Set<CampaignState>> CAMPAIGN_MOVES = Map.of(
            CampaignState.DRAFT, EnumSet.of(CampaignState.DRAFT, CampaignState.PUBLISHED),
            CampaignState.PUBLISHED, EnumSet.of(CampaignState.PUBLISHED, CampaignState.CLOSED),
            CampaignState.CLOSED, EnumSet.noneOf(CampaignState.class));

    private static final Map<VersionStatus, Set<VersionStatus>> VERSION_MOVES = Map.of(
            VersionStatus.DRAFT, EnumSet.of(VersionStatus.PUBLISHED),
            VersionStatus.PUBLISHED, EnumSet.of(VersionStatus.SUPERSEDED),
            VersionStatus.SUPERSEDED, EnumSet.noneOf(VersionStatus.class));

    static Campaign campaign(CampaignState state) {
        Integer published = state == CampaignState.DRAFT ? null : 2;
        return Campaign.restore(7, new CampaignSummary("C-1", 2018, new LocalizedText("检查", "Check"), state,
                published, 3, Instant.EPOCH, null));
    }

    /** Takes the campaign from {@code from} towards {@code to} by the transition that leads there. */
    private static Object step(CampaignState from, CampaignState to) {
        Campaign c = campaign(from);
        Object event = switch (to) {
            case DRAFT -> from == CampaignState.PUBLISHED ? null : c.upload("abc", Optional.empty(), "min");
            case PUBLISHED -> c.publish(4, VersionStatus.DRAFT, "abc", "min");
            case CLOSED -> c.close("min");
        };
        if (event == null) {
            // No transition leads a published campaign back to DRAFT: an upload keeps it PUBLISHED.
            c.upload("abc", Optional.empty(), "min");
            assertThat(c.state()).isEqualTo(CampaignState.PUBLISHED);
            return null;
        }
        assertThat(c.state()).isEqualTo(to);
        return event;
    }

    @Test
    void everyCampaignStatePairIsEitherAllowedOrRefusedNamingTheCurrentState() {
        int allowed = 0;
        for (CampaignState from : CampaignState.values()) {
            for (CampaignState to : CampaignState.values()) {
                boolean expected = CAMPAIGN_MOVES.get(from).contains(to);
                assertThat(Campaign.allows(from, to)).as(from + "->" + to).isEqualTo(expected);
                if (expected) {
                    assertThat(step(from, to)).as(from + "->" + to).isNotNull();
                    allowed++;
                } else if (from == CampaignState.PUBLISHED && to == CampaignState.DRAFT) {
                    assertThat(step(from, to)).isNull();
                } else {
                    assertThatThrownBy(() -> step(from, to)).as(from + "->" + to)
                            .isInstanceOf(ConflictException.class);
                }
            }
        }
        assertThat(allowed).isEqualTo(4);
    }

    private static final Map<Campaign.Step, Set<CampaignState>> STARTS = Map.of(
            Campaign.Step.UPLOAD, EnumSet.of(CampaignState.DRAFT, CampaignState.PUBLISHED),
            Campaign.Step.PUBLISH, EnumSet.of(CampaignState.DRAFT, CampaignState.PUBLISHED),
            Campaign.Step.CLOSE, EnumSet.of(CampaignState.PUBLISHED));

    @Test
    void everyStepFromEveryStateEitherLeadsToItsStateOrIsRefused() {
        for (CampaignState state : CampaignState.values()) {
            for (Campaign.Step step : Campaign.Step.values()) {
                Campaign c = campaign(state);
                Runnable take = switch (step) {
                    case UPLOAD -> () -> c.upload("abc", Optional.empty(), "min");
                    case PUBLISH -> () -> c.publish(4, VersionStatus.DRAFT, "abc", "min");
                    case CLOSE -> () -> c.close("min");
                };
                assertThat(step.startsFrom(state)).as(step + " from " + state).isEqualTo(STARTS.get(step).contains(state));
                if (STARTS.get(step).contains(state)) {
                    take.run();
                    assertThat(c.state()).as(step + " from " + state).isEqualTo(step.next(state));
                } else {
                    assertThatThrownBy(take::run).as(step + " from " + state).isInstanceOf(ConflictException.class);
                    assertThat(c.state()).isEqualTo(state);
                }
            }
        }
    }

    @Test
    void everyVersionStatusPairIsEitherAllowedOrRefused() {
        int allowed = 0;
        for (VersionStatus from : VersionStatus.values()) {
            for (VersionStatus to : VersionStatus.values()) {
                assertThat(Campaign.allows(from, to)).as(from + "->" + to).isEqualTo(VERSION_MOVES.get(from).contains(to));
                allowed += VERSION_MOVES.get(from).contains(to) ? 1 : 0;
            }
        }
        assertThat(allowed).isEqualTo(2);
    }

    @Test
    void onlyADraftVersionIsPublishedAndARefusalNamesTheVersionsStatus() {
        for (VersionStatus status : VersionStatus.values()) {
            Campaign c = campaign(CampaignState.PUBLISHED);
            if (status == VersionStatus.DRAFT) {
                assertThat(c.publish(3, status, "abc", "min").version()).isEqualTo(3);
            } else {
                assertThatThrownBy(() -> c.publish(3, status, "abc", "min"))
                        .isInstanceOfSatisfying(ConflictException.class, e -> {
                            assertThat(e.code()).isEqualTo("campaign.version.notDraft");
                            assertThat(e.args()).containsExactly("C-1", 3, status.name());
                        });
                assertThat(c.publishedVersion()).isEqualTo(2);
            }
        }
    }

    @Test
    void aClosedCampaignRefusesUploadsAndPublicationsAsClosed() {
        Campaign c = campaign(CampaignState.CLOSED);
        assertThatThrownBy(() -> c.upload("abc", Optional.empty(), "min"))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo("campaign.closed");
                    assertThat(e.args()).containsExactly("C-1");
                });
        assertThatThrownBy(() -> c.publish(3, VersionStatus.DRAFT, "abc", "min"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("campaign.closed"));
        assertThat(c.latestVersion()).isEqualTo(3);
    }

    @Test
    void closingNamesTheCurrentStateWhenTheCampaignIsNotPublished() {
        for (CampaignState state : EnumSet.of(CampaignState.DRAFT, CampaignState.CLOSED)) {
            assertThatThrownBy(() -> campaign(state).close("min"))
                    .isInstanceOfSatisfying(ConflictException.class, e -> {
                        assertThat(e.code()).isEqualTo("campaign.close.notPublished");
                        assertThat(e.args()).containsExactly("C-1", state.name());
                    });
        }
    }

    @Test
    void anUploadNumbersTheNextVersionAndAnIdenticalTextIsRefusedNamingTheVersionItRepeats() {
        Campaign c = campaign(CampaignState.PUBLISHED);
        assertThatThrownBy(() -> c.upload("abc", Optional.of(2), "min"))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo("campaign.upload.identical");
                    assertThat(e.args()).containsExactly("C-1", 2);
                });
        CampaignUploaded uploaded = c.upload("abc", Optional.empty(), "min");
        assertThat(uploaded).isEqualTo(new CampaignUploaded("C-1", 4, "abc", "min"));
        assertThat(uploaded.action()).isEqualTo("campaign.uploaded");
        assertThat(uploaded.subject()).isEqualTo("campaign:C-1/v4");
        assertThat(Campaign.first("C-2").upload("def", Optional.empty(), "min").version()).isEqualTo(1);
    }

    @Test
    void publishingSupersedesThePublishedVersionAndClosingNamesIt() {
        Campaign c = campaign(CampaignState.PUBLISHED);
        CampaignPublished published = c.publish(3, VersionStatus.DRAFT, "abc", "min");
        assertThat(published).isEqualTo(new CampaignPublished("C-1", 3, "abc", 2, "min"));
        assertThat(published.detail()).isEqualTo("sha256=abc supersedes v2");
        CampaignClosed closed = c.close("min");
        assertThat(closed).isEqualTo(new CampaignClosed("C-1", 3, "min"));
        assertThat(closed.action()).isEqualTo("campaign.closed");
        assertThat(closed.detail()).isEqualTo("published v3");
        assertThat(campaign(CampaignState.DRAFT).publish(1, VersionStatus.DRAFT, "abc", "min").detail())
                .isEqualTo("sha256=abc");
    }
}
