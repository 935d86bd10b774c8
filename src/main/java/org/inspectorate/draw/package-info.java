/**
 * The double-random draw (双随机): inspection targets and inspection teams chosen by a documented,
 * deterministic function of a frozen pool snapshot, a committed-then-revealed seed, witness entropy
 * and versioned rules, so that anyone can re-run and verify a past draw (see docs/draw-algorithm.md).
 * The algorithm is plain Java without Spring. Depends only on {@code system}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Draw")
package org.inspectorate.draw;
