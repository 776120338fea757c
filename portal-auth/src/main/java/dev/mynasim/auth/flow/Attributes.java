package dev.mynasim.auth.flow;

import java.util.Set;

/** The basic four attributes (基本 4 情報) as OpenID Connect scopes; the pages word them. */
public final class Attributes {

    public static final Set<String> SCOPES = Set.of("name", "address", "birthdate", "gender");

    private Attributes() {
    }
}
