package dev.mynasim.adapters.data;

import dev.mynasim.registry.api.MynaApi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** Every adapter deployed, by API and by request or result telegram type. */
@ApplicationScoped
public class Adapters {

    private final Map<MynaApi, ApiAdapter> byApi = new EnumMap<>(MynaApi.class);

    @Inject
    void collect(Instance<ApiAdapter> adapters) {
        adapters.forEach(adapter -> byApi.put(adapter.api(), adapter));
    }

    public Optional<ApiAdapter> of(MynaApi api) {
        return Optional.ofNullable(byApi.get(api));
    }

    public Optional<ApiAdapter> byCode(String code) {
        return byApi.values().stream().filter(a -> a.api().code().equals(code)).findFirst();
    }

    public Optional<ApiAdapter> byRequestType(String telegramType) {
        return byApi.values().stream().filter(a -> a.shape().requestType().equals(telegramType)).findFirst();
    }

    public Optional<ApiAdapter> byResultType(String telegramType) {
        return byApi.values().stream().filter(a -> a.shape().resultType().equals(telegramType)).findFirst();
    }

    public java.util.Collection<ApiAdapter> all() {
        return byApi.values();
    }
}
