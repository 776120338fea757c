package dev.mynasim.web.demo;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.Duration;
import javax.cache.expiry.TouchedExpiryPolicy;

/**
 * The demo services' per-browser memory: a journey keyed by the random value of the {@code mynasim_demo} cookie,
 * kept as JSON in Payara's JCache (shared by the nodes of a cluster), forgotten after two idle hours.
 */
@ApplicationScoped
public class DemoJourneys {

    public static final String COOKIE = "mynasim_demo";
    private static final String CACHE = "mynasim-demo-journeys";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Resource(lookup = "payara/CacheManager")
    CacheManager manager;

    private final Jsonb json = JsonbBuilder.create();
    private Cache<String, String> cache;

    @PostConstruct
    void open() {
        Cache<String, String> existing = manager.getCache(CACHE, String.class, String.class);
        if (existing != null) {
            cache = existing;
            return;
        }
        try {
            cache = manager.createCache(CACHE, new MutableConfiguration<String, String>().setTypes(String.class, String.class)
                    .setExpiryPolicyFactory(TouchedExpiryPolicy.factoryOf(new Duration(TimeUnit.HOURS, 2))));
        } catch (CacheException createdByAnotherNode) {
            cache = manager.getCache(CACHE, String.class, String.class);
        }
    }

    /** A new cookie value: 256 random bits. */
    public static String newId() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public DemoJourney get(String id) {
        return Optional.ofNullable(id).map(cache::get).map(v -> json.fromJson(v, DemoJourney.class))
                .orElseGet(DemoJourney::new);
    }

    public void put(String id, DemoJourney journey) {
        cache.put(id, json.toJson(journey));
    }

    public void forget(String id) {
        if (id != null) {
            cache.remove(id);
        }
    }
}
