package org.inspectorate.spotcheck;

import java.time.Instant;

/** An inspector of the team found without clearance mid-check (保密资格失效): which and what lapsed, and when seen. */
public record ClearanceLapse(long spotCheckId, long userId, String lapse, Instant noticedAt) {
}
