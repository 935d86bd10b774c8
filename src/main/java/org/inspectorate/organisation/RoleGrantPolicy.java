package org.inspectorate.organisation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.inspectorate.system.InvalidInputException.FieldProblem;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Which roles one account may hold together, and who may grant them (三员分立). Plain rules, no
 * Spring wiring: the account service asks, and refuses before changing anything.
 *
 * <ul>
 * <li>every role must suit the account's organisation type ({@link Role#allowedFor});</li>
 * <li>no account holds two of the system, security and audit administrator roles;</li>
 * <li>an administrator role never comes with a business role (officer, operator, inspector, other
 * department), so that no administrator sees inspection data by their administrator account;</li>
 * <li>only the security administrator grants and revokes roles, and never their own
 * ({@link OrganisationAccess#mayChangeRoles}).</li>
 * </ul>
 */
final class RoleGrantPolicy {

    /** The field that role problems are reported against. */
    static final String FIELD = "roles";

    private RoleGrantPolicy() {
    }

    /** The business roles: those that see inspection data. */
    static Set<Role> inspectionRoles() {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        for (Role r : Role.values()) {
            if (!r.isAdministrator()) {
                roles.add(r);
            }
        }
        return roles;
    }

    /** What is wrong with an account of an organisation of {@code type} holding {@code roles}; empty when nothing. */
    static List<FieldProblem> problemsWith(Set<Role> roles, OrganisationType type) {
        List<FieldProblem> problems = new ArrayList<>();
        for (Role role : roles.stream().sorted().toList()) {
            if (!role.allowedFor(type)) {
                problems.add(new FieldProblem(FIELD, "user.role.notAllowed", name(role), name(type)));
            }
        }
        List<Role> administrators = roles.stream().filter(Role::isAdministrator).sorted().toList();
        if (administrators.size() > 1) {
            problems.add(new FieldProblem(FIELD, "user.role.twoAdministrators", name(administrators.get(0)),
                    name(administrators.get(1))));
        }
        if (!administrators.isEmpty()) {
            roles.stream().filter(r -> !r.isAdministrator()).sorted().findFirst().ifPresent(business ->
                    problems.add(new FieldProblem(FIELD, "user.role.administratorWithBusinessRole",
                            name(administrators.get(0)), name(business))));
        }
        return problems;
    }

    /** The roles that may be offered for an account of an organisation of {@code type}. */
    static List<Role> grantableFor(OrganisationType type) {
        return Arrays.stream(Role.values()).filter(r -> r.allowedFor(type)).toList();
    }

    /** A message argument that the message source translates: a role's or type's name in the reader's language. */
    private static DefaultMessageSourceResolvable name(Role role) {
        return new DefaultMessageSourceResolvable(new String[] {role.messageKey()}, role.name());
    }

    private static DefaultMessageSourceResolvable name(OrganisationType type) {
        return new DefaultMessageSourceResolvable(new String[] {type.messageKey()}, type.name());
    }
}
