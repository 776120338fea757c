package dev.mynasim.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Jakarta Faces form as a browser sees it in the page: its action, its hidden fields ({@code jakarta.faces.ViewState},
 * the form's own marker, the portal's {@code tx}) and the names of its inputs and buttons, read from the HTML the
 * server rendered rather than assumed, so the driver posts exactly what a browser would.
 */
final class FacesForm {

    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z_:][-a-zA-Z0-9_:.]*)\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern INPUT = Pattern.compile("<input\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern SELECT = Pattern.compile("<select\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern BUTTON = Pattern.compile("<button\\b([^>]*)>", Pattern.CASE_INSENSITIVE);

    private final String action;
    private final Map<String, String> hidden = new LinkedHashMap<>();
    /** Visible inputs and selects by id: their names. */
    private final Map<String, String> fields = new LinkedHashMap<>();
    /** Submit buttons by id: name and value. */
    private final Map<String, String[]> buttons = new LinkedHashMap<>();

    private FacesForm(String action) {
        this.action = action;
    }

    /** The form with the given id in the page; fails when the page does not hold it (another page was shown). */
    static FacesForm in(String html, String formId) {
        int at = html.indexOf("id=\"" + formId + "\"");
        int start = at < 0 ? -1 : html.lastIndexOf("<form", at);
        int end = start < 0 ? -1 : html.indexOf("</form>", start);
        if (start < 0 || end < 0) {
            throw new IllegalStateException("no form " + formId + " in the page: " + excerpt(html));
        }
        String form = html.substring(start, end);
        Map<String, String> formAttributes = attributes(form.substring(0, form.indexOf('>')));
        FacesForm parsed = new FacesForm(unescape(formAttributes.getOrDefault("action", "")));
        Matcher input = INPUT.matcher(form);
        while (input.find()) {
            Map<String, String> a = attributes(input.group(1));
            String type = a.getOrDefault("type", "text").toLowerCase();
            String name = a.get("name");
            if (name == null) {
                continue;
            }
            switch (type) {
                case "hidden" -> parsed.hidden.put(name, unescape(a.getOrDefault("value", "")));
                case "submit" -> parsed.buttons.put(a.getOrDefault("id", name), new String[]{name,
                        unescape(a.getOrDefault("value", ""))});
                default -> parsed.fields.put(a.getOrDefault("id", name), name);
            }
        }
        Matcher button = BUTTON.matcher(form);
        while (button.find()) {
            Map<String, String> a = attributes(button.group(1));
            if (a.get("name") != null) {
                parsed.buttons.put(a.getOrDefault("id", a.get("name")), new String[]{a.get("name"),
                        unescape(a.getOrDefault("value", ""))});
            }
        }
        Matcher select = SELECT.matcher(form);
        while (select.find()) {
            Map<String, String> a = attributes(select.group(1));
            if (a.get("name") != null) {
                parsed.fields.put(a.getOrDefault("id", a.get("name")), a.get("name"));
            }
        }
        if (!parsed.hidden.containsKey("jakarta.faces.ViewState")) {
            throw new IllegalStateException("form " + formId + " has no jakarta.faces.ViewState");
        }
        return parsed;
    }

    String action() {
        return action;
    }

    /**
     * What a browser posts when the user fills the given fields (by element id) and clicks the button (by id): every
     * hidden field, the filled fields, and the button's own name and value.
     */
    Map<String, String> submit(Map<String, String> filled, String buttonId) {
        Map<String, String> form = new LinkedHashMap<>(hidden);
        filled.forEach((id, value) -> {
            String name = fields.get(id);
            if (name == null) {
                throw new IllegalStateException("no field " + id + " in the form (fields: " + fields.keySet() + ")");
            }
            form.put(name, value);
        });
        String[] button = buttons.get(buttonId);
        if (button == null) {
            throw new IllegalStateException("no button " + buttonId + " in the form (buttons: " + buttons.keySet() + ")");
        }
        form.put(button[0], button[1]);
        return form;
    }

    private static Map<String, String> attributes(String tag) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher m = ATTRIBUTE.matcher(tag);
        while (m.find()) {
            attributes.put(m.group(1).toLowerCase(), m.group(2));
        }
        return attributes;
    }

    static String unescape(String value) {
        if (value.indexOf('&') < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            int semi = c == '&' ? value.indexOf(';', i) : -1;
            if (semi < 0 || semi - i > 10) {
                out.append(c);
                continue;
            }
            String entity = value.substring(i + 1, semi);
            String decoded = switch (entity) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos", "#39" -> "'";
                default -> entity.startsWith("#x") || entity.startsWith("#X")
                        ? new String(Character.toChars(Integer.parseInt(entity.substring(2), 16)))
                        : entity.startsWith("#") ? new String(Character.toChars(Integer.parseInt(entity.substring(1))))
                        : null;
            };
            if (decoded == null) {
                out.append(c);
            } else {
                out.append(decoded);
                i = semi;
            }
        }
        return out.toString();
    }

    private static String excerpt(String html) {
        return html.length() > 300 ? html.substring(0, 300) + "…" : html;
    }
}
