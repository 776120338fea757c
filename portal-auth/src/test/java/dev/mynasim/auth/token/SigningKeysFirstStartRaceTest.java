package dev.mynasim.auth.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mynasim.auth.secret.ServerSecret;
import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.SchemaMigrated;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two nodes of a cluster starting at the same moment on an empty database: both see no signing key, both create one,
 * and the JWKS they publish must still be the same (the database keeps one key per environment and kind).
 */
class SigningKeysFirstStartRaceTest {

    private String url;

    @BeforeEach
    void emptyDatabase() {
        url = "jdbc:h2:mem:keys-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        migrate(null);
    }

    @Test
    void twoNodesStartingTogetherPublishTheSameKeysAndStoreOnePerEnvironmentAndKind() throws Exception {
        CyclicBarrier bothLookAtOnce = new CyclicBarrier(2);
        SigningKeys nodeA = node(bothLookAtOnce);
        SigningKeys nodeB = node(bothLookAtOnce);

        CompletableFuture<Void> a = CompletableFuture.runAsync(() -> nodeA.init(new SchemaMigrated()));
        CompletableFuture<Void> b = CompletableFuture.runAsync(() -> nodeB.init(new SchemaMigrated()));
        CompletableFuture.allOf(a, b).get(60, TimeUnit.SECONDS);

        for (Environment environment : Environment.values()) {
            assertThat(nodeB.published(environment).toString()).isEqualTo(nodeA.published(environment).toString());
            assertThat(nodeA.published(environment).getKeys()).hasSize(2);
            assertThat(nodeB.signingKey(environment).getKeyID()).isEqualTo(nodeA.signingKey(environment).getKeyID());
            assertThat(nodeB.ecSigningKey(environment).getKeyID()).isEqualTo(nodeA.ecSigningKey(environment).getKeyID());
        }
        assertThat(count("select count(*) from signing_key")).isEqualTo(2L * Environment.values().length);
    }

    @Test
    void aRotationAfterTheRaceTakesTheNextGenerationAndBothKeysStayPublished() throws Exception {
        SigningKeys node = node(null);
        node.init(new SchemaMigrated());
        String first = node.signingKey(Environment.TEST).getKeyID();

        String rotated = node.rotate(Environment.TEST);

        assertThat(node.signingKey(Environment.TEST).getKeyID()).isEqualTo(rotated).isNotEqualTo(first);
        assertThat(node.published(Environment.TEST).getKeyByKeyId(first)).isNotNull();
        assertThat(count("select max(generation) from signing_key where kind = 'rsa' and environment = 'TEST'"))
                .isEqualTo(1L);
    }

    @Test
    void theMigrationNumbersTheKeysOfADatabaseThatAlreadyHeldTwoFirstKeys() throws Exception {
        url = "jdbc:h2:mem:keys-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        migrate("4");
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            for (String kid : List.of("test-aaaaaaaa", "test-bbbbbbbb", "test-ec-cccccccc")) {
                var insert = c.prepareStatement("insert into signing_key (kid, environment, public_jwk, sealed_key,"
                        + " created_at) values (?, 'TEST', '{}', 'x', ?)");
                insert.setString(1, kid);
                insert.setTimestamp(2, Timestamp.from(Instant.parse("2026-11-01T00:00:00Z")));
                insert.executeUpdate();
            }
        }
        migrate(null);

        assertThat(count("select count(*) from signing_key where kind = 'rsa' and generation = 0")).isEqualTo(1L);
        assertThat(count("select count(*) from signing_key where kind = 'rsa' and generation = 1")).isEqualTo(1L);
        assertThat(count("select count(*) from signing_key where kind = 'ec' and generation = 0")).isEqualTo(1L);
    }

    private void migrate(String target) {
        var flyway = Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration/auth")
                .table("flyway_history_auth");
        if (target != null) {
            flyway.target(target);
        }
        flyway.load().migrate();
    }

    private long count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "sa", ""); var result = c.createStatement().executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    /** A node: its own key cache and its own connection per read or write, as each node has its own pool. */
    private SigningKeys node(CyclicBarrier lookTogether) {
        SigningKeys keys = new SigningKeys();
        keys.rows = new JdbcRows(url, lookTogether);
        keys.secret = new ServerSecret() {
            @Override
            public byte[] bytes() {
                return "a server key of at least thirty-two bytes".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            }
        };
        keys.clock = Clock.systemUTC();
        return keys;
    }

    /** The node's reads and writes of key rows in plain JDBC, each its own transaction like the JPA ones. */
    private static final class JdbcRows extends SigningKeys.Rows {
        private final String url;
        private final CyclicBarrier lookTogether;

        JdbcRows(String url, CyclicBarrier lookTogether) {
            this.url = url;
            this.lookTogether = lookTogether;
        }

        @Override
        public List<SigningKeyRow> load(Environment environment) {
            try {
                if (lookTogether != null) {
                    lookTogether.await(30, TimeUnit.SECONDS);
                }
                try (Connection c = DriverManager.getConnection(url, "sa", "")) {
                    var select = c.prepareStatement("select kid, kind, generation, public_jwk, sealed_key, created_at"
                            + " from signing_key where environment = ? and retired_at is null");
                    select.setString(1, environment.name());
                    List<SigningKeyRow> rows = new ArrayList<>();
                    try (var result = select.executeQuery()) {
                        while (result.next()) {
                            rows.add(new SigningKeyRow(result.getString(1), environment, result.getString(2),
                                    result.getInt(3), result.getString(4), result.getString(5),
                                    result.getObject(6, OffsetDateTime.class).toInstant()));
                        }
                    }
                    return rows;
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void insert(SigningKeyRow row) {
            try (Connection c = DriverManager.getConnection(url, "sa", "")) {
                var insert = c.prepareStatement("insert into signing_key (kid, environment, kind, generation,"
                        + " public_jwk, sealed_key, created_at) values (?, ?, ?, ?, ?, ?, ?)");
                insert.setString(1, row.kid());
                insert.setString(2, row.environment().name());
                insert.setString(3, row.kind());
                insert.setInt(4, row.generation());
                insert.setString(5, row.publicJwk());
                insert.setString(6, row.sealedKey());
                insert.setTimestamp(7, Timestamp.from(row.createdAt()));
                insert.executeUpdate();
            } catch (SQLException e) {
                // as the JTA commit of the real Rows does: a refused insert is a runtime failure
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void retire(String kid, Instant now) {
            try (Connection c = DriverManager.getConnection(url, "sa", "")) {
                var update = c.prepareStatement("update signing_key set retired_at = ? where kid = ?");
                update.setTimestamp(1, Timestamp.from(now));
                update.setString(2, kid);
                update.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
