package org.inspectorate.organisation;

import org.springframework.context.ApplicationContext;

/** Personal API tokens for other modules' tests (the token service itself is the module's own). */
public final class ApiTokenFixtures {

    private ApiTokenFixtures() {
    }

    /** A fresh one-day token of the account behind {@code actor}: the value to send as {@code Bearer …}. */
    public static String token(ApplicationContext context, Actor actor) {
        return context.getBean(ApiTokens.class).create(actor, new ApiTokens.NewToken("fixture", 1)).value();
    }
}
