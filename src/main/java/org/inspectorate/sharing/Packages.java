package org.inspectorate.sharing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;

import org.inspectorate.organisation.Actor;

/**
 * Renders a package into memory before anything is sent, so that a refusal (404) is still answered as such; a
 * package is capped per record type ({@link SharedPackage}), unlike the streamed list exports.
 */
final class Packages {

    private Packages() {
    }

    static byte[] render(SharedPackage packages, Actor actor, long id, Locale locale) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        packages.write(actor, id, locale, out);
        return out.toByteArray();
    }
}
