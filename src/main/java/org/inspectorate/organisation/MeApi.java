package org.inspectorate.organisation;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the API caller is: the simplest end-to-end check of a personal API token. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "account", description = "The caller's own account")
class MeApi {

    private final SignInService signIn;

    MeApi(SignInService signIn) {
        this.signIn = signIn;
    }

    /** The caller's account summary; never a secret. */
    record Me(long id, String username, String displayName, long organisationId, List<String> roles,
            boolean mfaEnrolled) {
    }

    @GetMapping("/me")
    @Operation(summary = "The account the bearer token belongs to",
            description = "Username, organisation id and roles of the caller; 401 for a missing, unknown, "
                    + "expired or revoked token.")
    Me me(Actor actor) {
        UserAccount a = signIn.credentials(actor.userId()).account();
        return new Me(a.id(), a.username(), a.displayName(), a.organisationId(),
                a.roles().stream().map(Role::name).sorted().toList(), a.mfaEnrolled());
    }
}
