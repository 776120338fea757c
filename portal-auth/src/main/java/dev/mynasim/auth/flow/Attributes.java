package dev.mynasim.auth.flow;

import java.util.Map;

/** The basic four attributes (基本 4 情報) as OpenID Connect scopes, with their names on the consent screen. */
public final class Attributes {

    public static final Map<String, String> NAMES = Map.of("name", "氏名", "address", "住所",
            "birthdate", "生年月日", "gender", "性別");

    private Attributes() {
    }
}
