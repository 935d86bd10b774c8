package org.inspectorate.organisation;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.inspectorate.organisation.OrganisationApi.PageDto;
import org.inspectorate.system.InvalidInputException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Account administration over REST, under the separation of duties (三员分立): the system
 * administrator creates and disables accounts, the security administrator sets roles and resets the second
 * factor. No password hash, MFA secret or token ever appears in a response.
 */
@RestController
@RequestMapping("/api/v1/users")
@PreAuthorize(UserPages.ACCOUNT_ROLES)
@Tag(name = "Users", description = "用户管理 — accounts and their roles")
class UserApi {

    private final UserAccounts accounts;

    UserApi(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    @Operation(summary = "List the accounts the caller administers",
            description = "All accounts for the system and security administrators; an operator's administrator sees "
                    + "its organisation tree. `sort` is one of username, displayName, organisation, createdAt, lastSignInAt.")
    PageDto<UserDto> list(
            @Parameter(description = "Text in the username, name or organisation name") @RequestParam(required = false) String q,
            @RequestParam(required = false) Long organisationId,
            @Parameter(description = "Holding this role, e.g. PROVINCIAL_OFFICER") @RequestParam(required = false) String role,
            @RequestParam(required = false) Boolean enabled,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size, Actor actor) {
        UserQuery query = new UserQuery(q, organisationId, OrganisationPages.parse(Role.class, role), enabled);
        return PageDto.of(accounts.search(actor, query, Paging.request(page, size, sort, dir, "username")),
                UserDto::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One account", description = "404 when unknown or outside the caller's administration.")
    @ApiResponse(responseCode = "404", description = "Unknown or outside the caller's administration")
    UserDto get(@PathVariable long id, Actor actor) {
        return UserDto.of(accounts.get(actor, id));
    }

    @PostMapping
    @Operation(summary = "Create an account (system administrator; an operator's administrator for its staff)",
            description = "The initial password must be changed at the first sign-in. Accounts made by the system "
                    + "administrator have no roles until the security administrator grants them; an operator's "
                    + "administrator creates staff (OPERATOR_STAFF) of its own organisation tree.")
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "400", description = "Invalid input, with field errors")
    @ApiResponse(responseCode = "403", description = "The caller may not create accounts")
    ResponseEntity<UserDto> create(@RequestBody AccountInput input, Actor actor) {
        AccountSummary created = accounts.create(actor, input);
        return ResponseEntity.created(URI.create("/api/v1/users/" + created.account().id()))
                .body(UserDto.of(created));
    }

    @PutMapping("/{id}/roles")
    @Operation(summary = "Set an account's roles (security administrator, never their own)",
            description = "Replaces the roles. Each must suit the account's organisation type; no account holds two "
                    + "administrator roles, nor an administrator role with a business role.")
    @ApiResponse(responseCode = "400", description = "A forbidden combination, with the field `roles`")
    @ApiResponse(responseCode = "403", description = "The caller may not grant roles to this account")
    UserDto setRoles(@PathVariable long id, @RequestBody RolesRequest request, Actor actor) {
        return UserDto.of(accounts.changeRoles(actor, id, request.roles() == null ? List.of() : request.roles()));
    }

    @PutMapping("/{id}/enabled")
    @Operation(summary = "Enable or disable an account (system administrator, never their own)")
    UserDto setEnabled(@PathVariable long id, @RequestBody EnabledRequest request, Actor actor) {
        if (request.enabled() == null) {
            throw new InvalidInputException("enabled", "user.enabled.required");
        }
        return UserDto.of(accounts.setEnabled(actor, id, request.enabled()));
    }

    @PostMapping("/{id}/mfa/reset")
    @Operation(summary = "Reset an account's second factor (security administrator, never their own)",
            description = "Forgets the account's TOTP secret and recovery codes and ends its sessions; the user enrols "
                    + "an authenticator again at the next sign-in. Personal API tokens stay valid.")
    @ApiResponse(responseCode = "403", description = "The caller may not reset this account's second factor")
    @ApiResponse(responseCode = "404", description = "Unknown or outside the caller's administration")
    UserDto resetMfa(@PathVariable long id, Actor actor) {
        return UserDto.of(accounts.resetMfa(actor, id));
    }

    /** The roles an account is to hold, by name. */
    record RolesRequest(List<String> roles) {
    }

    record EnabledRequest(Boolean enabled) {
    }

    /** An account as the API shows it: never a password hash, MFA secret or token. */
    record UserDto(long id, String username, String displayName, long organisationId, String organisationName,
            List<String> roles, boolean enabled, boolean mustChangePassword, boolean mfaEnrolled,
            Instant lastSignInAt, Instant createdAt) {

        static UserDto of(AccountSummary s) {
            UserAccount a = s.account();
            return new UserDto(a.id(), a.username(), a.displayName(), a.organisationId(), s.organisationName(),
                    a.roles().stream().map(Role::name).sorted().toList(), a.enabled(), a.mustChangePassword(),
                    a.mfaEnrolled(), a.lastSignInAt(), a.createdAt());
        }
    }
}
