package dev.mynasim.adapters.medical;

import dev.mynasim.adapters.data.DataRefused;
import dev.mynasim.adapters.data.ExchangeShape;
import dev.mynasim.adapters.record.RecordAdapter;
import dev.mynasim.auth.api.PortalAccounts;
import dev.mynasim.auth.api.VerifiedAccessToken;
import dev.mynasim.registry.api.MynaApi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** 医療保険情報取得 API: 薬剤情報、特定健診情報、医療費通知情報. */
@ApplicationScoped
public class MedicalInsuranceAdapter extends RecordAdapter {

    private static final ExchangeShape SHAPE = ExchangeShape.of("MIA", "medicalInsuranceDataReqInfo", "medicalInsuranceDataProvisionInfo", "medicalInsuranceData");

    @Inject
    PortalAccounts accounts;

    /** Only persons registered with the portal (利用者登録) get their insurance data. */
    @Override
    public void admit(VerifiedAccessToken token) {
        if (accounts.registeredAt(token.person()).isEmpty()) {
            throw DataRefused.notRegistered();
        }
    }

    @Override
    public MynaApi api() {
        return MynaApi.MEDICAL_INSURANCE;
    }

    @Override
    public ExchangeShape shape() {
        return SHAPE;
    }
}
