package dev.mynasim.web.portal;

import dev.mynasim.auth.api.PortalFlow;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.Optional;

/** サービス連携 ({@code consent.xhtml}): who asks, for what, and 連携 or 連携をやめる. */
@Named
@RequestScoped
public class ConsentView extends FlowPage<PortalFlow.ConsentStep> {

    @Override
    Optional<PortalFlow.ConsentStep> load(String transaction) {
        return flow.consentStep(transaction);
    }

    public String approve() {
        return follow(flow.decide(getTx(), true));
    }

    public String cancel() {
        return follow(flow.decide(getTx(), false));
    }
}
