package dev.mynasim.adapters.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mynasim.registry.api.RuleViolation;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The synchronous view's paging and date filter, with the field named when a value is wrong. */
class ViewRequestTest {

    @Test
    void defaultsToTheFirstPageOfTwenty() {
        ViewRequest request = ViewRequest.get(null, "", null, null);
        assertThat(request.page()).isEqualTo(1);
        assertThat(request.size()).isEqualTo(20);
        assertThat(request.offset()).isZero();
        assertThat(request.from()).isEmpty();
        assertThat(request.reads()).isTrue();
    }

    @Test
    void pagesAndDatesAreRead() {
        ViewRequest request = ViewRequest.get("2025-01-01", "2025-12-31", "3", "50");
        assertThat(request.offset()).isEqualTo(100);
        assertThat(request.from()).contains(LocalDate.of(2025, 1, 1));
        assertThat(request.to()).contains(LocalDate.of(2025, 12, 31));
    }

    @Test
    void wrongValuesNameTheirField() {
        assertField(() -> ViewRequest.get("2025-13-01", null, null, null), "from", "date-format");
        assertField(() -> ViewRequest.get(null, "20250101", null, null), "to", "date-format");
        assertField(() -> ViewRequest.get(null, null, "0", null), "page", "page-range");
        assertField(() -> ViewRequest.get(null, null, "x", null), "page", "number-format");
        assertField(() -> ViewRequest.get(null, null, null, "101"), "size", "size-range");
        assertField(() -> ViewRequest.get("2025-02-01", "2025-01-01", null, null), "to", "date-range");
    }

    private static void assertField(Runnable call, String field, String rule) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(RuleViolation.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.rule()).isEqualTo(rule);
            assertThat(e.messageJa()).isNotBlank();
        });
    }
}
