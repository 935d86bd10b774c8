/**
 * The double-random draw's algorithm and published-file format (双随机 算法与公开文件): the deterministic draw
 * ({@link DoubleRandomDraw}) over a frozen pool snapshot, the commitment, seed and
 * rules it binds, their canonical JSON and packed forms, and the verifier that anyone can run offline
 * ({@link VerifyDrawCli}). Plain Java, no Spring, no database, nothing of the draws'
 * governance: that is the {@code draw} module's root package, which uses this one. Exposed as the module's named
 * interface {@code algorithm}, for whoever reads a draw's rules or published file.
 */
@NamedInterface("algorithm")
package org.inspectorate.draw.algorithm;

import org.springframework.modulith.NamedInterface;
