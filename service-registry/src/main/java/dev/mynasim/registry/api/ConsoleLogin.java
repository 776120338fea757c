package dev.mynasim.registry.api;

import java.util.Optional;

/** Checks a console account's user name and password; the web layer's authentication calls it. */
public interface ConsoleLogin {

    /** The caller behind the credentials, or empty when they do not match an account. */
    Optional<Caller> authenticate(String username, String password);
}
