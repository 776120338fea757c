package dev.mynasim.adapters.notices;

import dev.mynasim.adapters.data.DataRefused;
import dev.mynasim.adapters.data.ExchangeShape;
import dev.mynasim.adapters.record.RecordAdapter;
import dev.mynasim.auth.api.PortalAccounts;
import dev.mynasim.auth.api.VerifiedAccessToken;
import dev.mynasim.registry.api.MynaApi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** お知らせ／民送情報取得 API: お知らせと民間送達. */
@ApplicationScoped
public class NoticesAdapter extends RecordAdapter {

    private static final ExchangeShape SHAPE = ExchangeShape.of("NTA", "noticeDataReqInfo", "noticeDataProvisionInfo", "noticeData");

    @Inject
    PortalAccounts accounts;

    /** Notices reach a service only for persons linked to it (属性連携) first. */
    @Override
    public void admit(VerifiedAccessToken token) {
        if (accounts.link(token.person(), token.environment(), token.client()).isEmpty()) {
            throw DataRefused.notLinked();
        }
    }

    @Override
    public MynaApi api() {
        return MynaApi.NOTICES;
    }

    @Override
    public ExchangeShape shape() {
        return SHAPE;
    }
}
