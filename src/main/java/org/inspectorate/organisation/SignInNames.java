package org.inspectorate.organisation;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The account a sign-in name stands for. Operators of value-added services are used to signing in
 * with their licence number (增值电信业务经营许可证编号), so besides a username this accepts:
 * <ol>
 * <li>a licence number in any letter case and with surrounding blanks ({@code " 京b2-20180001 "}) when
 * an account has it as its username (such usernames are kept upper-case, see {@code UserAccounts});</li>
 * <li>otherwise the licence number of an organisation that has exactly one OPERATOR_ADMIN account:
 * that account. With none or several, the name stands for no account.</li>
 * </ol>
 * The caller answers an unresolved name exactly as a wrong password, so nothing tells which names exist.
 */
@Component
class SignInNames {

    private final SignInRepository signIns;

    SignInNames(SignInRepository signIns) {
        this.signIns = signIns;
    }

    /** The username of the account {@code typed} stands for, or empty. */
    @Transactional(readOnly = true)
    Optional<String> resolve(String typed) {
        String name = typed == null ? "" : typed.strip();
        if (name.isEmpty() || name.length() > 64) {
            return Optional.empty();
        }
        Optional<String> exact = signIns.storedUsername(name);
        if (exact.isPresent()) {
            return exact;
        }
        String licence = name.toUpperCase(Locale.ROOT);
        if (LicenceNumber.problemWith(licence).isPresent()) {
            return Optional.empty();
        }
        Optional<String> licenceAccount = signIns.storedUsername(licence);
        if (licenceAccount.isPresent()) {
            return licenceAccount;
        }
        List<String> admins = signIns.usernamesWithRoleByLicence(licence, Role.OPERATOR_ADMIN);
        return admins.size() == 1 ? Optional.of(admins.get(0)) : Optional.empty();
    }
}
