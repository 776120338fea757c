package dev.mynasim.auth.protocol;

import dev.mynasim.registry.api.ClientId;
import dev.mynasim.registry.api.RuleViolation;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The parameters of a request of either door, as JAX-RS gives them (name to values): read one, or require it. */
public final class Parameters {

    private Parameters() {
    }

    /** The parameter's first value; empty when it is absent or blank (RFC 6749 §3.1: treated as omitted). */
    public static Optional<String> single(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() || values.get(0) == null || values.get(0).isBlank()
                ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The parameter's value, else {@code invalid_request} naming it. */
    public static String required(Map<String, List<String>> form, String name) {
        return single(form, name).orElseThrow(() -> new OAuthError(400, "invalid_request", name + " is required"));
    }

    /** The first parameter given more than once (RFC 6749 §3.1, §3.2: no parameter may be repeated). */
    public static Optional<String> repeated(Map<String, List<String>> query) {
        return query.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey).findFirst();
    }

    public static Optional<ClientId> clientId(String value) {
        try {
            return Optional.of(ClientId.parse(value));
        } catch (RuleViolation e) {
            return Optional.empty();
        }
    }

    /**
     * {@code max_age} of either door (OpenID Connect Core §3.1.2.1; a simulator extension on the Mynaportal door): whole
     * seconds, at most nine digits.
     */
    public static Optional<Long> maxAge(Map<String, List<String>> query) {
        Optional<String> value = single(query, "max_age");
        if (value.isPresent() && !value.get().matches("\\d{1,9}")) {
            throw new OAuthError(400, "invalid_request", "max_age must be a number of seconds");
        }
        return value.map(Long::parseLong);
    }

    /** The card serial of a headless {@code login_hint=card:…} (TEST), which both doors check the same way. */
    public static String hintedCard(String loginHint) {
        if (!loginHint.matches("card:\\d{12}")) {
            throw new OAuthError(400, "invalid_request", "login_hint must be card: and a 12-digit card serial");
        }
        return loginHint.substring(5);
    }
}
