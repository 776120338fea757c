package dev.mynasim.web.portal;

import dev.mynasim.auth.api.PortalFlow;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.Optional;

/** 利用者登録 ({@code register.xhtml}): a first-time user registers with the portal inside the flow. */
@Named
@RequestScoped
public class RegisterView extends FlowPage<PortalFlow.RegistrationStep> {

    @Override
    Optional<PortalFlow.RegistrationStep> load(String transaction) {
        return flow.registrationStep(transaction);
    }

    public String register() {
        return follow(flow.register(getTx(), true));
    }

    public String cancel() {
        return follow(flow.register(getTx(), false));
    }
}
