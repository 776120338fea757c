package dev.mynasim.registry.apiuser;

import dev.mynasim.registry.api.RuleViolation;

/**
 * 法人番号: 13 digits whose first digit is a check digit over the other twelve, computed as the National Tax Agency
 * publishes it: 9 - (sum of P(n) * Q(n) mod 9), P(n) the n-th digit counted from the right of the twelve,
 * Q(n) 1 for odd n and 2 for even n.
 */
public record CorporateNumber(String value) {

    public CorporateNumber {
        if (value == null || !value.matches("\\d{13}")) {
            throw RuleViolation.invalid("corporateNumber", "corporate-number-format",
                    "Corporate number must be 13 digits, got: " + value,
                    "法人番号は数字 13 桁で指定してください。入力値: " + value);
        }
        if (value.charAt(0) - '0' != checkDigit(value.substring(1))) {
            throw RuleViolation.invalid("corporateNumber", "corporate-number-check-digit",
                    "Corporate number " + value + " has a wrong check digit (expected "
                            + checkDigit(value.substring(1)) + ")",
                    "法人番号 " + value + " のチェックデジットが正しくありません (正しくは "
                            + checkDigit(value.substring(1)) + ")");
        }
    }

    /** The check digit for the twelve-digit base number. */
    public static int checkDigit(String base) {
        int sum = 0;
        for (int n = 1; n <= 12; n++) {
            int digit = base.charAt(12 - n) - '0';
            sum += digit * (n % 2 == 1 ? 1 : 2);
        }
        return 9 - sum % 9;
    }

    @Override
    public String toString() {
        return value;
    }
}
