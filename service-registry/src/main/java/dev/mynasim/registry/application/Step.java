package dev.mynasim.registry.application;

import dev.mynasim.registry.api.RuleViolation;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** A step of the usage application: A-1 … A-21, then LAUNCHED (提供開始). Labels come from a data file. */
public record Step(int number) implements Comparable<Step> {

    static final int LAST_A_STEP = 21;
    static final int LAUNCHED_NUMBER = LAST_A_STEP + 1;
    public static final Step FIRST = new Step(1);
    /** 接続確認環境の利用承認: from here TEST registrations are usable in gated mode. */
    public static final Step CONNECTION_TEST_APPROVED = new Step(11);
    /** The connection test starts here; the skip feature must be declared before. */
    public static final Step CONNECTION_TEST_APPLICATION = new Step(10);
    /** 本番動作確認の利用申請: PRODUCTION registrations and groups exist from here on. */
    public static final Step PRODUCTION_APPLICATION = new Step(16);
    public static final Step PRE_LAUNCH_CHECK = new Step(LAST_A_STEP);
    public static final Step LAUNCHED = new Step(LAUNCHED_NUMBER);

    private static final Properties LABELS = loadLabels();

    public Step {
        if (number < 1 || number > LAUNCHED_NUMBER) {
            throw new IllegalArgumentException("step out of range: " + number);
        }
    }

    /** Reads {@code A-7} or {@code LAUNCHED}. */
    public static Step parse(String code) {
        if ("LAUNCHED".equals(code)) {
            return LAUNCHED;
        }
        if (code != null && code.matches("A-([1-9]|1\\d|2[01])")) {
            return new Step(Integer.parseInt(code.substring(2)));
        }
        throw RuleViolation.invalid("step", "step-format", "step must be A-1 … A-21 or LAUNCHED, got: " + code,
                "step は A-1 から A-21、または LAUNCHED で指定してください。入力値: " + code);
    }

    public String code() {
        return number == LAUNCHED_NUMBER ? "LAUNCHED" : "A-" + number;
    }

    public String label() {
        return LABELS.getProperty(code(), code());
    }

    public Phase phase() {
        return Phase.of(number);
    }

    public Step next() {
        return new Step(number + 1);
    }

    public boolean isBefore(Step other) {
        return number < other.number;
    }

    @Override
    public int compareTo(Step other) {
        return Integer.compare(number, other.number);
    }

    private static Properties loadLabels() {
        var labels = new Properties();
        try (var in = Step.class.getResourceAsStream("usage-steps.properties")) {
            if (in != null) {
                labels.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return labels;
    }
}
