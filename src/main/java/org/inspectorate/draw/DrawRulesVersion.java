package org.inspectorate.draw;

import java.time.Instant;

import org.inspectorate.draw.algorithm.DrawRules;

/** One stored version of a set of draw rules (细则), with its canonical JSON's SHA-256. */
public record DrawRulesVersion(long id, DrawRules rules, String hash, String createdBy, Instant createdAt) {
}
