package org.inspectorate.organisation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.inspectorate.system.InvalidInputException;
import org.inspectorate.system.InvalidInputException.FieldProblem;
import org.inspectorate.system.NotFoundException;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Account administration (用户管理) under the separation of the three administrators (三员分立):
 * the system administrator creates, enables and disables accounts; the security administrator
 * grants and revokes roles; an operator's administrator creates staff accounts of its own
 * organisation tree. Every change is audited.
 */
@Service
public class UserAccounts {

    /** 3–64 letters, digits and {@code . _ @ -}; a value-added operator may also sign in with its licence number. */
    private static final Pattern USERNAME = Pattern.compile("^[A-Za-z0-9._@-]{3,64}$");

    private final AccountDirectoryRepository directory;
    private final UserAccountRepository accounts;
    private final OrganisationRepository organisations;
    private final PasswordEncoder passwordEncoder;
    private final Passwords passwords;
    private final SignInRepository signIns;
    private final RecoveryCodeRepository recoveryCodes;
    private final SessionTermination sessions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    UserAccounts(AccountDirectoryRepository directory, UserAccountRepository accounts,
            OrganisationRepository organisations, PasswordEncoder passwordEncoder, Passwords passwords,
            SignInRepository signIns, RecoveryCodeRepository recoveryCodes, SessionTermination sessions,
            ApplicationEventPublisher events, Clock clock) {
        this.sessions = sessions;
        this.passwords = passwords;
        this.signIns = signIns;
        this.recoveryCodes = recoveryCodes;
        this.directory = directory;
        this.accounts = accounts;
        this.organisations = organisations;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public PageResult<AccountSummary> search(Actor actor, UserQuery query, PageRequest page) {
        return directory.search(query, scope(actor), page);
    }

    /** The account if the actor administers it; {@link NotFoundException} when it is outside their scope. */
    @Transactional(readOnly = true)
    public AccountSummary get(Actor actor, long id) {
        return directory.find(id, scope(actor)).orElseThrow(() -> new NotFoundException("user", id));
    }

    /** What the actor may do to this account. */
    public AccountPermissions permissions(Actor actor, AccountSummary target) {
        long id = target.account().id();
        boolean changeRoles = OrganisationAccess.mayChangeRoles(actor, id);
        return new AccountPermissions(changeRoles, OrganisationAccess.mayChangeEnabled(actor, id),
                OrganisationAccess.mayResetMfa(actor, id),
                changeRoles ? RoleGrantPolicy.grantableFor(target.organisationType()) : List.of());
    }

    /** The organisations in which the actor may create accounts. */
    @Transactional(readOnly = true)
    public List<Organisation> organisationsForNewAccounts(Actor actor) {
        if (!OrganisationAccess.mayCreateAccounts(actor)) {
            throw new AccessDeniedException("may not create accounts");
        }
        Jurisdiction scope = creationScope(actor);
        return organisations.search(OrganisationQuery.all(), scope, new PageRequest(0, PageRequest.MAX_SIZE, "name",
                true)).items();
    }

    /**
     * Creates an account with an initial password that must be changed at the first sign-in. The
     * system administrator's accounts start without roles (the security administrator grants them);
     * an operator's administrator creates staff (单位工作人员) of its own organisation tree.
     */
    @Transactional
    public AccountSummary create(Actor actor, AccountInput input) {
        if (!OrganisationAccess.mayCreateAccounts(actor)) {
            throw new AccessDeniedException("only the system administrator or an operator's administrator creates accounts");
        }
        List<FieldProblem> problems = new ArrayList<>();
        String username = checkUsername(input.username(), problems);
        String displayName = checkDisplayName(input.displayName(), problems);
        Optional<Organisation> organisation = Optional.empty();
        if (input.organisationId() == null) {
            problems.add(new FieldProblem("organisationId", "user.organisation.required"));
        } else {
            organisation = organisations.find(input.organisationId(), creationScope(actor));
            if (organisation.isEmpty()) {
                problems.add(new FieldProblem("organisationId", "user.organisation.unknown"));
            }
        }
        Set<Role> roles = OrganisationAccess.createsAccountsAnywhere(actor) ? EnumSet.noneOf(Role.class)
                : EnumSet.of(Role.OPERATOR_STAFF);
        organisation.ifPresent(o -> problems.addAll(RoleGrantPolicy.problemsWith(roles, o.type())));
        String hash = initialPasswordHash(new PasswordContext(username, displayName,
                organisation.map(Organisation::name).orElse(null)), input.initialPassword(), false, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long orgId = organisation.orElseThrow().id();
        long id = accounts.insert(username, displayName, hash, orgId, true, roles, clock.instant());
        events.publishEvent(new UserAccountCreated(id, username, orgId, roles, false));
        return directory.find(id, new Jurisdiction.Nationwide().organisationScope("u.organisation_id")).orElseThrow();
    }

    /**
     * Creates an account on behalf of the application itself (installation, demo data), with its
     * roles. Every rule on usernames and role combinations holds; only the actor is absent.
     */
    @Transactional
    public UserAccount provision(AccountProvisioning p) {
        List<FieldProblem> problems = new ArrayList<>();
        String username = checkUsername(p.username(), problems);
        String displayName = checkDisplayName(p.displayName(), problems);
        Optional<Organisation> organisation = organisations.findUnscoped(p.organisationId());
        if (organisation.isEmpty()) {
            problems.add(new FieldProblem("organisationId", "user.organisation.unknown"));
        } else {
            problems.addAll(RoleGrantPolicy.problemsWith(p.roles(), organisation.get().type()));
        }
        String hash = initialPasswordHash(new PasswordContext(username, displayName,
                organisation.map(Organisation::name).orElse(null)), p.password(), true, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long id = accounts.insert(username, displayName, hash, p.organisationId(), p.mustChangePassword(), p.roles(),
                clock.instant());
        accounts.markProvisioned(id);
        events.publishEvent(new UserAccountCreated(id, username, p.organisationId(), p.roles(), true));
        return accounts.findById(id).orElseThrow().account();
    }

    /** For other modules' rules (an agency's inspectors): the account, no jurisdiction applied. */
    @Transactional(readOnly = true)
    public Optional<UserAccount> findUnscoped(long id) {
        return accounts.findById(id).map(UserAccountRepository.Credentials::account);
    }

    /** For other modules' rules (naming a draw's teams): "display name (username)" by account id, no jurisdiction. */
    @Transactional(readOnly = true)
    public Map<Long, String> labelsUnscoped(Collection<Long> ids) {
        return ids.isEmpty() ? Map.of() : accounts.labels(ids);
    }

    /**
     * For other modules' rules (a draw's inspector pool), in one query: the organisation of every enabled account
     * holding the role, by account id; no jurisdiction applied.
     */
    @Transactional(readOnly = true)
    public Map<Long, Long> enabledHoldersOf(Role role) {
        return accounts.enabledHoldersOf(role);
    }

    /**
     * For notifications' recipients: the enabled accounts of the organisation holding any of the roles, by id; no
     * jurisdiction applied (a recipient is told of their own records only).
     */
    @Transactional(readOnly = true)
    public List<Long> enabledMembersOf(long organisationId, Set<Role> roles) {
        return roles.isEmpty() ? List.of() : accounts.enabledMembersOf(organisationId, roles);
    }

    /**
     * For notifications' recipients: the enabled officers of a filing or reporting authority, by id — the provincial
     * officers of the province's administration, or with {@code null} the Ministry's officers; no jurisdiction applied.
     */
    @Transactional(readOnly = true)
    public List<Long> enabledOfficersOf(Province province) {
        return accounts.enabledOfficersOf(province);
    }

    /**
     * For reminders of a campaign's deadline (自查报告): the enabled accounts holding any of the roles in organisations of
     * the types, by id, a page of at most {@code limit} after {@code afterId}; no jurisdiction applied.
     */
    @Transactional(readOnly = true)
    public List<Long> enabledMembersOfTypes(Set<OrganisationType> types, Set<Role> roles, long afterId, int limit) {
        return types.isEmpty() || roles.isEmpty() ? List.of()
                : accounts.enabledMembersOfTypes(types, roles, afterId, limit);
    }

    /** For other modules' rules and the demo data: the account of this username, no jurisdiction applied. */
    @Transactional(readOnly = true)
    public Optional<UserAccount> findByUsernameUnscoped(String username) {
        return accounts.findByUsername(username).map(UserAccountRepository.Credentials::account);
    }

    /** Whether an account of this name exists, in any letter case. */
    @Transactional(readOnly = true)
    public boolean usernameTaken(String username) {
        return username != null && directory.usernameTaken(username.strip());
    }

    /**
     * Replaces the account's roles with {@code roleNames}. Only the security administrator may, and
     * never for their own account; the new set must satisfy {@link RoleGrantPolicy}.
     */
    @Transactional
    public AccountSummary changeRoles(Actor actor, long id, Collection<String> roleNames) {
        if (!OrganisationAccess.grantsRoles(actor)) {
            throw new AccessDeniedException("only the security administrator grants roles");
        }
        AccountSummary target = get(actor, id);
        if (!OrganisationAccess.mayChangeRoles(actor, id)) {
            throw new AccessDeniedException("nobody grants roles to themselves");
        }
        List<FieldProblem> problems = new ArrayList<>();
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : roleNames == null ? List.<String>of() : roleNames) {
            try {
                roles.add(Role.valueOf(name == null ? "" : name.strip()));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem(RoleGrantPolicy.FIELD, "user.role.unknown", name));
            }
        }
        problems.addAll(RoleGrantPolicy.problemsWith(roles, target.organisationType()));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        directory.lock(id);
        Set<Role> before = accounts.rolesOf(id);
        if (!before.equals(roles)) {
            accounts.replaceRoles(id, roles);
            events.publishEvent(new UserRolesChanged(id, target.account().username(), before, roles));
        }
        return get(actor, id);
    }

    /** Enables or disables an account: the system administrator only, and never their own. */
    @Transactional
    public AccountSummary setEnabled(Actor actor, long id, boolean enabled) {
        if (!OrganisationAccess.enablesAccounts(actor)) {
            throw new AccessDeniedException("only the system administrator enables and disables accounts");
        }
        AccountSummary target = get(actor, id);
        if (!OrganisationAccess.mayChangeEnabled(actor, id)) {
            throw new AccessDeniedException("an administrator cannot disable their own account");
        }
        directory.lock(id);
        if (target.account().enabled() != enabled) {
            directory.setEnabled(id, enabled);
            events.publishEvent(new UserEnabledChanged(id, target.account().username(), enabled));
        }
        return get(actor, id);
    }

    /**
     * Resets the account's second factor (the user lost their authenticator): the security administrator only,
     * never their own, within their scope (else {@link NotFoundException}). The TOTP secret and every recovery
     * code are forgotten, and every session of the account ends at once, so that a session taken over along
     * with the lost device does not outlive the reset; the user enrols afresh at the next sign-in. Personal API
     * tokens stay: the second factor never guarded them (disabling the account stops them).
     */
    @Transactional
    public AccountSummary resetMfa(Actor actor, long id) {
        AccountSummary target = get(actor, id);
        if (!OrganisationAccess.resetsSecondFactors(actor)) {
            throw new AccessDeniedException("only the security administrator resets the second factor");
        }
        if (!OrganisationAccess.mayResetMfa(actor, id)) {
            throw new AccessDeniedException("nobody resets their own second factor");
        }
        directory.lock(id);
        signIns.resetMfa(id);
        recoveryCodes.deleteAll(id);
        int ended = sessions.endAll(target.account().username());
        events.publishEvent(new AccountSecurityEvent.MfaReset(actor.username(), target.account().username(), ended));
        return get(actor, id);
    }

    /** Where the actor's new accounts may belong: anywhere, or the actor's own organisation tree. */
    private static Jurisdiction creationScope(Actor actor) {
        return OrganisationAccess.createsAccountsAnywhere(actor) ? new Jurisdiction.Nationwide()
                : new Jurisdiction.OrganisationTree(actor.organisationId());
    }

    /**
     * Whose accounts the actor administers: every account for the system and security
     * administrators, an operator's organisation tree for its administrator, none for anyone else.
     */
    private static Jurisdiction.SqlScope scope(Actor actor) {
        if (OrganisationAccess.administersEveryAccount(actor)) {
            return new Jurisdiction.Nationwide().organisationScope("u.organisation_id");
        }
        if (OrganisationAccess.administersOwnOrganisationsAccounts(actor)) {
            return new Jurisdiction.OrganisationTree(actor.organisationId()).organisationScope("u.organisation_id");
        }
        throw new AccessDeniedException("no account administration role");
    }

    private String checkUsername(String input, List<FieldProblem> problems) {
        String username = input == null ? "" : input.strip();
        boolean plain = USERNAME.matcher(username).matches();
        boolean licence = !plain && LicenceNumber.problemWith(username.toUpperCase(Locale.ROOT)).isEmpty();
        if (licence) {
            username = username.toUpperCase(Locale.ROOT);
        }
        if (!plain && !licence) {
            problems.add(new FieldProblem("username", "user.username.invalid"));
        } else if (directory.usernameTaken(username)) {
            problems.add(new FieldProblem("username", "user.username.duplicate", username));
        }
        return username;
    }

    private static String checkDisplayName(String input, List<FieldProblem> problems) {
        String displayName = input == null ? "" : input.strip();
        if (displayName.isEmpty() || displayName.length() > 100) {
            problems.add(new FieldProblem("displayName", "user.displayName.invalid"));
        }
        return displayName;
    }

    /**
     * The hash of an initial password, after the full password policy ({@code provisioned}: the application's own
     * accounts, where demo mode allows the demo password); problems go with the other fields'.
     */
    private String initialPasswordHash(PasswordContext context, String password, boolean provisioned,
            List<FieldProblem> problems) {
        List<FieldProblem> weak = provisioned ? passwords.provisionedProblems("initialPassword", context, password)
                : passwords.problems("initialPassword", context, password);
        problems.addAll(weak);
        return problems.isEmpty() ? passwordEncoder.encode(password) : null;
    }
}
