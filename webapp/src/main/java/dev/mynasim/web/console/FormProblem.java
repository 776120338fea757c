package dev.mynasim.web.console;

import dev.mynasim.registry.api.RuleViolation;
import java.io.Serializable;
import java.util.Locale;

/**
 * The rule a console form broke, as the admin REST API reports it: the field (the REST field name, which is also the
 * input's id), the rule code and the message in the page's language.
 */
public final class FormProblem implements Serializable {

    private final String field;
    private final String rule;
    private final String message;

    FormProblem(String field, String rule, String message) {
        this.field = field;
        this.rule = rule;
        this.message = message;
    }

    static FormProblem of(RuleViolation violation, Locale locale) {
        return new FormProblem(violation.field(), violation.rule(),
                locale.getLanguage().equals("en") ? violation.getMessage() : violation.messageJa());
    }

    /** True when the rule concerns this field (a form then shows the message next to it). */
    public boolean on(String name) {
        return name.equals(field);
    }

    public String getField() {
        return field;
    }

    public String getRule() {
        return rule;
    }

    public String getMessage() {
        return message;
    }
}
