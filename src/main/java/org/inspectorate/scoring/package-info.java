/**
 * Quantitative scoring of spot checks (量化评分): the campaign's scoring standards as data (考核要点与评分标准),
 * the team's score sheet for one spot check with its review by the authority, and the ranking of approved scores
 * that feeds the annual responsibility assessment (考核依据).
 *
 * <p>It depends on no spot-check module: the check it scores is resolved through the SPI {@link
 * org.inspectorate.scoring.ScoringSubjects}, which the spot-check module implements ({@code
 * SpotCheckScoringSubjects}: scheduled, running and reported checks, with the team as cleared today).
 */
@ApplicationModule(displayName = "Scoring", allowedDependencies = {"organisation", "system"})
package org.inspectorate.scoring;

import org.springframework.modulith.ApplicationModule;
