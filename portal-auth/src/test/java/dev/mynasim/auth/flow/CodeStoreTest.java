package dev.mynasim.auth.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mynasim.auth.consent.Consents;
import dev.mynasim.auth.flow.AuthorizationTransaction.Stage;
import dev.mynasim.auth.protocol.OAuthError;
import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.SeededIds;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CodeStoreTest {

    static final String CLIENT = "SP00000001_AA0001";
    static final String REDIRECT = "https://rp.example/cb";
    static final Instant NOW = Instant.parse("2026-12-07T01:00:00Z");

    final FlowStore store = FlowStore.inMemory();
    final List<String> revoked = new ArrayList<>();
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    Optional<String> seeded = Optional.empty();

    final Consents consents = new Consents() {
        @Override
        public void revokeGrant(String grantId, String reason, String actor) {
            revoked.add(grantId + ": " + reason);
        }
    };

    CodeStore codes() {
        Clock current = new Clock() {
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            public Instant instant() {
                return clock.instant();
            }
        };
        SeededIds ids = (environment, client, kind) -> seeded;
        return new CodeStore(store, new Transactions(store, null, null, current), consents, ids, current);
    }

    static AuthorizationTransaction consented(String state) {
        return new AuthorizationTransaction("tx-1", Environment.TEST, CLIENT, REDIRECT, state, false, null,
                Stage.CONSENT, "person-1", NOW.minusSeconds(5), false, null, NOW.minusSeconds(10), null, null);
    }

    static String codeOf(String location) {
        String query = URI.create(location).getRawQuery();
        return java.net.URLDecoder.decode(query.replaceAll(".*code=([^&]*).*", "$1"), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void anIssuedCodeGoesToTheRedirectUriWithTheStateAndRedeemsOnceForItsClientAndRedirectUri() {
        CodeStore codes = codes();
        AuthorizationTransaction tx = consented("xyz");
        store.put(FlowStore.Kind.TRANSACTION, tx.id(), tx);

        String location = codes.issue(tx, "consent-1");

        assertThat(location).startsWith(REDIRECT + "?code=").endsWith("&state=xyz").doesNotContain("iss=");
        assertThat(store.get(FlowStore.Kind.TRANSACTION, tx.id(), AuthorizationTransaction.class))
                .as("the transaction ends with its code").isEmpty();
        IssuedCode redeemed = codes.redeem(Environment.TEST, CLIENT, codeOf(location), REDIRECT);
        assertThat(redeemed.consentId()).isEqualTo("consent-1");
        assertThat(redeemed.authTime()).isEqualTo(NOW.minusSeconds(5));
        assertThat(redeemed.expiresAt()).isEqualTo(NOW.plus(CodeStore.LIFETIME));
        assertThat(redeemed.oidc()).isFalse();
        assertThatThrownBy(() -> codes.redeem(Environment.TEST, CLIENT, codeOf(location), REDIRECT))
                .isInstanceOf(OAuthError.class).hasMessage("the code is unknown or expired")
                .extracting(e -> ((OAuthError) e).error()).isEqualTo("invalid_grant");
        assertThat(revoked).as("nothing was issued from it, so nothing is revoked").isEmpty();
    }

    @Test
    void aReplayedCodeRevokesTheGrantItsFirstUseIssued() {
        CodeStore codes = codes();
        String code = codeOf(codes.issue(consented(null), "consent-1"));
        codes.redeem(Environment.TEST, CLIENT, code, REDIRECT);
        codes.markUsed(code, "grant-1");

        assertThatThrownBy(() -> codes.redeem(Environment.TEST, CLIENT, code, REDIRECT))
                .isInstanceOf(OAuthError.class)
                .hasMessage("the code was already used; the tokens it issued are now revoked");
        assertThat(revoked).containsExactly("grant-1: authorization code used twice");
    }

    @Test
    void aCodeExpiresAfterItsLifetime() {
        CodeStore codes = codes();
        String code = codeOf(codes.issue(consented(null), "consent-1"));
        clock = Clock.fixed(NOW.plus(CodeStore.LIFETIME), ZoneOffset.UTC);

        assertThatThrownBy(() -> codes.redeem(Environment.TEST, CLIENT, code, REDIRECT))
                .isInstanceOf(OAuthError.class).hasMessage("the code has expired (codes live 60 s)");
    }

    @Test
    void aCodeOfAnotherClientOrEnvironmentOrRedirectUriIsRefusedAndUsedUp() {
        CodeStore codes = codes();
        String first = codeOf(codes.issue(consented(null), "consent-1"));
        String second = codeOf(codes.issue(consented(null), "consent-2"));
        String third = codeOf(codes.issue(consented(null), "consent-3"));

        assertThatThrownBy(() -> codes.redeem(Environment.TEST, "SP00000001_AA0002", first, REDIRECT))
                .isInstanceOf(OAuthError.class).hasMessage("the code was issued to another client");
        assertThatThrownBy(() -> codes.redeem(Environment.PRODUCTION, CLIENT, second, REDIRECT))
                .isInstanceOf(OAuthError.class).hasMessage("the code was issued to another client");
        assertThatThrownBy(() -> codes.redeem(Environment.TEST, CLIENT, third, REDIRECT + "/"))
                .isInstanceOf(OAuthError.class)
                .hasMessage("redirect_uri differs from the one of the authorization request");
        assertThatThrownBy(() -> codes.redeem(Environment.TEST, CLIENT, first, REDIRECT))
                .as("RFC 6749 §4.1.2: a code is single-use, a refused attempt included")
                .isInstanceOf(OAuthError.class).hasMessage("the code is unknown or expired");
    }

    @Test
    void aSeededServiceGetsItsDerivedCodeAndARedirectUriWithAQueryKeepsIt() {
        seeded = Optional.of("derived-code_0123456789");
        CodeStore codes = codes();
        AuthorizationTransaction tx = new AuthorizationTransaction("tx-2", Environment.TEST, CLIENT,
                REDIRECT + "?from=app", "a b", false, null, Stage.CONSENT, "person-1", NOW, false, null, NOW, null, null);

        String location = codes.issue(tx, "consent-1");

        assertThat(location).isEqualTo(REDIRECT + "?from=app&code=derived-code_0123456789&state=a+b");
        assertThat(codes.redeem(Environment.TEST, CLIENT, "derived-code_0123456789", REDIRECT + "?from=app").consentId())
                .isEqualTo("consent-1");
    }

    @Test
    void theTransactionsOfTheStoreAreFoundOnlyAtTheirStepAndWithinTheirLifetime() {
        Transactions transactions = new Transactions(store, null, null, Clock.fixed(NOW, ZoneOffset.UTC));
        AuthorizationTransaction tx = consented(null);
        transactions.save(tx);

        assertThat(transactions.at(tx.id(), Stage.CONSENT)).contains(tx);
        assertThat(transactions.at(tx.id(), Stage.CARD)).isEmpty();
        assertThat(new Transactions(store, null, null, Clock.fixed(tx.createdAt().plus(Transactions.LIFETIME),
                ZoneOffset.UTC)).at(tx.id(), Stage.CONSENT)).as("expired").isEmpty();
        assertThat(transactions.errors(tx)).isEqualTo(new ErrorRedirect(REDIRECT, null, null));
        transactions.end(tx);
        assertThat(transactions.at(tx.id(), Stage.CONSENT)).isEmpty();
        assertThat(Duration.ofMinutes(30)).isEqualTo(Transactions.LIFETIME);
    }
}
