package dev.mynasim.registry.api;

/** For the few pages written without Faces (error pages, the printable connection-test report). */
public final class Html {

    private Html() {
    }

    /** Text and attribute values: the five characters HTML gives a meaning. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
