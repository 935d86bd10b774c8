/**
 * The double-random draw (双随机): inspection targets and inspection teams chosen by a documented,
 * deterministic function of a frozen pool snapshot, a committed-then-revealed seed, witness entropy
 * and versioned rules, so that anyone can re-run and verify a past draw (see docs/draw-algorithm.md).
 * The algorithm is plain Java without Spring; the governance (Draws) reads organisation, filing and agency APIs.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Draw", allowedDependencies = {"system", "organisation", "filing", "agency"})
package org.inspectorate.draw;
