/**
 * A unit's exposure (暴露面): the services scanners saw on its hosts (已观测服务) and the open ports its filing
 * does not declare (备案不符), which the operator resolves by declaring them in a change filing or by opening a
 * finding. Depends on {@code filing} (units, their filed ports, proposed additions), {@code finding} (to open a
 * finding), {@code organisation} and {@code system}; {@code ingest} hands it an import's informational items
 * through {@link org.inspectorate.exposure.ObservedServices#session}, and nothing here depends on {@code ingest}.
 *
 * <p>A module of its own rather than a part of {@code finding}: an open port is no finding and must stay out of
 * the register and its unresolved counts; nor of {@code filing}, which must not depend on findings.
 */
@ApplicationModule(displayName = "Exposure", allowedDependencies = {"filing", "finding",
        "organisation", "system"})
package org.inspectorate.exposure;

import org.springframework.modulith.ApplicationModule;
