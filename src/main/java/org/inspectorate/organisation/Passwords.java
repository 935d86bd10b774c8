package org.inspectorate.organisation;

import java.util.List;

import org.inspectorate.system.InvalidInputException;
import org.inspectorate.system.InvalidInputException.FieldProblem;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The password policy (口令策略) and hashing, for every place that sets a password: account creation,
 * password reset and the user's own change. Hashes use the application's delegating encoder (bcrypt).
 */
@Component
public class Passwords {

    private final PasswordPolicy policy = PasswordPolicy.standard();
    private final PasswordEncoder encoder;

    Passwords(PasswordEncoder encoder) {
        this.encoder = encoder;
    }

    /**
     * What is wrong with {@code candidate} as the password of {@code username}, one problem per broken
     * rule, all on {@code field}; empty when it is acceptable. Lets a service collect these with its
     * other fields' problems before throwing one {@link InvalidInputException}.
     */
    public List<FieldProblem> problems(String field, String username, String candidate) {
        return policy.violations(username, candidate).stream()
                .map(v -> new FieldProblem(field, v.code(), v.args().toArray()))
                .toList();
    }

    /**
     * The hash to store for {@code candidate}, after checking it against the policy.
     *
     * @throws InvalidInputException naming {@code field} when the candidate breaks a rule
     */
    public String hash(String field, String username, String candidate) {
        List<FieldProblem> problems = problems(field, username, candidate);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return encoder.encode(candidate);
    }

    boolean matches(String candidate, String hash) {
        return candidate != null && hash != null && encoder.matches(candidate, hash);
    }
}
