package dev.mynasim.registry.api;

import static dev.mynasim.registry.RuleViolations.assertForbidden;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CallerTest {

    private static final ApiUserId OWN = new ApiUserId("SP00000001");
    private static final ApiUserId OTHER = new ApiUserId("SP00000002");

    @Test
    void operatorMayAccessEveryApiUsersRecords() {
        Caller operator = Caller.operator("admin");

        assertThat(operator.mayAccess(OWN)).isTrue();
        assertThat(operator.mayAccess(OTHER)).isTrue();
    }

    @Test
    void theSimulatorItselfActsAsOperator() {
        assertThat(Caller.SYSTEM.operator()).isTrue();
        assertThat(Caller.SYSTEM.mayAccess(OTHER)).isTrue();
        assertThatNoException().isThrownBy(Caller.SYSTEM::requireOperator);
    }

    @Test
    void apiUserAccountMayAccessOnlyItsOwnRecords() {
        Caller account = Caller.apiUser("dev@rp.example.jp", OWN);

        assertThat(account.mayAccess(OWN)).isTrue();
        assertThat(account.mayAccess(OTHER)).isFalse();
    }

    @Test
    void accountBoundToNoApiUserMayAccessNothing() {
        Caller nobody = new Caller("nobody", false, Optional.empty());

        assertThat(nobody.mayAccess(OWN)).isFalse();
    }

    @Test
    void operatorPassesTheOperatorCheck() {
        assertThatNoException().isThrownBy(() -> Caller.operator("admin").requireOperator());
    }

    @Test
    void apiUserAccountIsForbiddenOperatorOnlyWork() {
        assertForbidden(() -> Caller.apiUser("dev@rp.example.jp", OWN).requireOperator(), "operator-only");
    }
}
