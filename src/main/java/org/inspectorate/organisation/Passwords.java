package org.inspectorate.organisation;

import java.util.List;

import org.inspectorate.system.DemoMode;
import org.inspectorate.system.InvalidInputException;
import org.inspectorate.system.InvalidInputException.FieldProblem;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The password policy (口令策略) and hashing, for every place that sets a password: account creation,
 * password reset and the user's own change. Hashes use the application's delegating encoder (bcrypt).
 *
 * <p>The documented demo password {@value #DEMO_PASSWORD} is guessable by design (everyone reads it in the
 * README): only the shipped demo accounts, provisioned by the application in demo mode, may have it
 * ({@link #provisionedProblems}); anywhere else the strength rule refuses it like any other guessable password.
 */
@Component
public class Passwords {

    /** The password of every shipped demo account (demo mode only). */
    public static final String DEMO_PASSWORD = "Inspect@2026!";

    private final PasswordPolicy policy = PasswordPolicy.standard();
    private final PasswordEncoder encoder;
    private final DemoMode demoMode;

    Passwords(PasswordEncoder encoder, DemoMode demoMode) {
        this.encoder = encoder;
        this.demoMode = demoMode;
    }

    /**
     * What is wrong with {@code candidate} as the password of the account {@code context} describes, one problem
     * per broken rule, all on {@code field}; empty when it is acceptable. Lets a service collect these with its
     * other fields' problems before throwing one {@link InvalidInputException}.
     */
    public List<FieldProblem> problems(String field, PasswordContext context, String candidate) {
        return asProblems(field, policy.violations(context, candidate));
    }

    /**
     * As {@link #problems}, for an account the application provisions itself: in demo mode a shipped demo
     * account may have the documented demo password, which then meets every rule but the strength estimate.
     */
    List<FieldProblem> provisionedProblems(String field, PasswordContext context, String candidate) {
        if (demoMode.enabled() && DEMO_PASSWORD.equals(candidate)) {
            return asProblems(field, policy.structuralViolations(context.username(), candidate));
        }
        return problems(field, context, candidate);
    }

    private static List<FieldProblem> asProblems(String field, List<PasswordPolicy.Violation> violations) {
        return violations.stream().map(v -> new FieldProblem(field, v.code(), v.args().toArray())).toList();
    }

    /**
     * The hash to store for {@code candidate}, after checking it against the policy.
     *
     * @throws InvalidInputException naming {@code field} when the candidate breaks a rule
     */
    public String hash(String field, PasswordContext context, String candidate) {
        List<FieldProblem> problems = problems(field, context, candidate);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return encoder.encode(candidate);
    }

    boolean matches(String candidate, String hash) {
        return candidate != null && hash != null && encoder.matches(candidate, hash);
    }
}
