package dev.mynasim.auth.card;

import dev.mynasim.registry.api.RuleViolation;

/**
 * The card's 4-digit PIN (利用者証明用電子証明書の暗証番号), as typed by the tester. Only ASCII digits count: a
 * full-width １２３４ is refused rather than normalised, as the real card reader takes no such input.
 * {@link #toString()} hides the digits so a PIN never ends up in a log.
 */
public record Pin(String value) {

    public Pin {
        if (!isFourAsciiDigits(value)) {
            throw RuleViolation.invalid("pin", "pin-format", "The PIN is 4 digits", "暗証番号は数字 4 桁です");
        }
    }

    private static boolean isFourAsciiDigits(String value) {
        if (value == null || value.length() != 4) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "****";
    }
}
