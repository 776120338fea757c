package dev.mynasim.adapters.selfinfo;

import dev.mynasim.adapters.data.ExchangeShape;
import dev.mynasim.adapters.record.RecordAdapter;
import dev.mynasim.registry.api.MynaApi;
import jakarta.enterprise.context.ApplicationScoped;

/** 自己情報取得 API: 予防接種と自治体健診. */
@ApplicationScoped
public class SelfInfoAdapter extends RecordAdapter {

    private static final ExchangeShape SHAPE = ExchangeShape.of("IFA", "selfProvisionDataReqInfo", "selfPersonalDataProvisionInfo", "selfPersonalData");

    @Override
    public MynaApi api() {
        return MynaApi.SELF_INFO;
    }

    @Override
    public ExchangeShape shape() {
        return SHAPE;
    }
}
