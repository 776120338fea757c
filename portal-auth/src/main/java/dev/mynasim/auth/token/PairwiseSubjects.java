package dev.mynasim.auth.token;

import dev.mynasim.auth.api.PersonId;
import dev.mynasim.auth.secret.ServerSecret;
import dev.mynasim.registry.api.ApiUserId;
import dev.mynasim.registry.api.Environment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code sub} a service sees: pairwise per API user and environment (DESIGN.md 4; OpenID Connect Core §8.1),
 * so every service of one API user in one environment sees the same subject and two API users never do.
 */
@ApplicationScoped
public class PairwiseSubjects {

    @Inject
    ServerSecret secret;

    public String subject(PersonId person, ApiUserId apiUser, Environment environment) {
        try {
            Mac derive = Mac.getInstance("HmacSHA256");
            derive.init(new SecretKeySpec(secret.bytes(), "HmacSHA256"));
            byte[] key = derive.doFinal("mynasim/pairwise-subject".getBytes(StandardCharsets.UTF_8));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] sub = mac.doFinal((environment.path() + "|" + apiUser.value() + "|" + person.value())
                    .getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sub);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java platform", e);
        }
    }
}
