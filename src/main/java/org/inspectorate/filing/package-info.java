/**
 * Network units (通信网络单元), their grading (定级), assets and filings (备案) with every version kept,
 * and the level-driven deadlines of Decree 11. Depends only on {@code organisation}'s API and {@code system}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Filing", allowedDependencies = {"organisation", "system"})
package org.inspectorate.filing;
