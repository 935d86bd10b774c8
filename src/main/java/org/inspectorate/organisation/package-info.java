/**
 * Organisations (单位), their users and roles, jurisdiction, sign-in, multi-factor authentication
 * and API tokens. Depends only on {@code system}.
 */
@ApplicationModule(displayName = "Organisation")
package org.inspectorate.organisation;

import org.springframework.modulith.ApplicationModule;
