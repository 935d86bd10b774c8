/**
 * Organisations (单位), their users and roles, jurisdiction, sign-in, multi-factor authentication
 * and API tokens. Depends only on {@code system}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organisation")
package org.inspectorate.organisation;
