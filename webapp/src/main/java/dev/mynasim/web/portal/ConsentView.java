package dev.mynasim.web.portal;

import dev.mynasim.auth.api.PortalFlow;
import jakarta.enterprise.context.RequestScoped;
import dev.mynasim.web.page.PortalLocale;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;
import java.util.ResourceBundle;

/** サービス連携 ({@code consent.xhtml}): who asks, for what, and 連携 or 連携をやめる. */
@Named
@RequestScoped
public class ConsentView extends FlowPage<PortalFlow.ConsentStep> {

    @Inject
    PortalLocale locale;

    @Override
    Optional<PortalFlow.ConsentStep> load(String transaction) {
        return flow.consentStep(transaction);
    }

    /** The approve button's word as the registration chose it (連携 or データ取得), in the page's language. */
    public String getApproveLabel() {
        PortalFlow.ConsentStep step = getStep();
        String code = step == null ? "link" : step.button().code();
        return ResourceBundle.getBundle("dev.mynasim.web.messages", locale.getCurrent())
                .getString("consent.approve." + code);
    }

    public String approve() {
        return follow(flow.decide(getTx(), true));
    }

    public String cancel() {
        return follow(flow.decide(getTx(), false));
    }
}
