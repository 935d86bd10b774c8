/**
 * The double-random draw (双随机): inspection targets and inspection teams chosen by a documented,
 * deterministic function of a frozen pool snapshot, a committed-then-revealed seed, witness entropy
 * and versioned rules, so that anyone can re-run and verify a past draw (see docs/draw-algorithm.md).
 * The algorithm and the published file's format are plain Java without Spring in the sub-package {@code algorithm}
 * (the module's named interface of that name); this package is the governance: the {@code Draw} aggregate and its
 * events, who may do what ({@code DrawAccess}), the rules' versions, and {@code Draws}, which reads organisation,
 * filing and agency APIs.
 */
@ApplicationModule(displayName = "Draw", allowedDependencies = {"system", "organisation", "filing", "agency"})
package org.inspectorate.draw;

import org.springframework.modulith.ApplicationModule;
