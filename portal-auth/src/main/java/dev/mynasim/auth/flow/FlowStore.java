package dev.mynasim.auth.flow;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;

/**
 * Short-lived flow state in JCache backed by Payara's Hazelcast (DESIGN.md 7), so any node of a cluster can serve
 * any step: values are JSON strings (no application classes inside the data grid). Each cache's expiry is only an
 * upper bound; the domain decides expiry with the simulator clock. {@link #take} removes atomically, so a code is
 * single-use across the cluster.
 */
@ApplicationScoped
public class FlowStore {

    /** The caches and their upper-bound lifetimes. */
    public enum Kind {
        TRANSACTION("mynasim-authorization-transactions", 60 * 60),
        CODE("mynasim-authorization-codes", 10 * 60),
        USED_CODE("mynasim-used-authorization-codes", 24 * 60 * 60),
        SESSION("mynasim-verification-sessions", 24 * 60 * 60),
        /** RFC 7523 §3: client assertion ids seen, remembered until the assertions expire. */
        ASSERTION_ID("mynasim-client-assertion-ids", 24 * 60 * 60),
        /** 連携中のサービス: a citizen's pass after a card read, for the page's next requests. */
        CITIZEN_PASS("mynasim-citizen-passes", 30 * 60),
        /** The challenge of a card step done with an outside signature, by transaction: single use. */
        CARD_CHALLENGE("mynasim-card-challenges", 10 * 60);

        private final String cacheName;
        private final long seconds;

        Kind(String cacheName, long seconds) {
            this.cacheName = cacheName;
            this.seconds = seconds;
        }
    }

    @Resource(lookup = "payara/CacheManager")
    CacheManager manager;

    private final Jsonb json = JsonbBuilder.create();
    private final Map<Kind, Shelf> caches = new EnumMap<>(Kind.class);

    /** What the store needs of a cache: JCache in the server, a plain map in unit tests. */
    private interface Shelf {
        String get(String key);

        String getAndRemove(String key);

        void put(String key, String value);

        boolean putIfAbsent(String key, String value);

        void remove(String key);
    }

    private record JCacheShelf(Cache<String, String> cache) implements Shelf {
        public String get(String key) {
            return cache.get(key);
        }

        public String getAndRemove(String key) {
            return cache.getAndRemove(key);
        }

        public void put(String key, String value) {
            cache.put(key, value);
        }

        public boolean putIfAbsent(String key, String value) {
            return cache.putIfAbsent(key, value);
        }

        public void remove(String key) {
            cache.remove(key);
        }
    }

    private record MapShelf(ConcurrentMap<String, String> map) implements Shelf {
        public String get(String key) {
            return map.get(key);
        }

        public String getAndRemove(String key) {
            return map.remove(key);
        }

        public void put(String key, String value) {
            map.put(key, value);
        }

        public boolean putIfAbsent(String key, String value) {
            return map.putIfAbsent(key, value) == null;
        }

        public void remove(String key) {
            map.remove(key);
        }
    }

    @PostConstruct
    void open() {
        for (Kind kind : Kind.values()) {
            caches.put(kind, new JCacheShelf(cache(kind)));
        }
    }

    /** A store of one JVM without expiry, for unit tests of what keeps flow state. */
    public static FlowStore inMemory() {
        FlowStore store = new FlowStore();
        for (Kind kind : Kind.values()) {
            store.caches.put(kind, new MapShelf(new ConcurrentHashMap<>()));
        }
        return store;
    }

    public void put(Kind kind, String key, Object value) {
        caches.get(kind).put(key, json.toJson(value));
    }

    public <T> Optional<T> get(Kind kind, String key, Class<T> type) {
        return Optional.ofNullable(key).map(k -> caches.get(kind).get(k)).map(v -> json.fromJson(v, type));
    }

    /** Reads and removes in one step: of two nodes taking the same key, one gets it. */
    public <T> Optional<T> take(Kind kind, String key, Class<T> type) {
        return Optional.ofNullable(key).map(k -> caches.get(kind).getAndRemove(k)).map(v -> json.fromJson(v, type));
    }

    /** Stores the value unless the key is present: of two nodes adding the same key, one succeeds. */
    public boolean putIfAbsent(Kind kind, String key, Object value) {
        return caches.get(kind).putIfAbsent(key, json.toJson(value));
    }

    public void remove(Kind kind, String key) {
        caches.get(kind).remove(key);
    }

    private Cache<String, String> cache(Kind kind) {
        Cache<String, String> cache = manager.getCache(kind.cacheName, String.class, String.class);
        if (cache != null) {
            return cache;
        }
        try {
            return manager.createCache(kind.cacheName, new MutableConfiguration<String, String>()
                    .setTypes(String.class, String.class)
                    .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(new Duration(TimeUnit.SECONDS, kind.seconds))));
        } catch (CacheException createdByAnotherNode) {
            return manager.getCache(kind.cacheName, String.class, String.class);
        }
    }
}
