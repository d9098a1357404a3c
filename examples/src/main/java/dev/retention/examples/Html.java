package dev.retention.examples;

/** Escaping for text and attribute values in the HTML report: the five XML-special characters. */
final class Html {
    private Html() {
    }

    /** The text with {@code & < > " '} replaced by entities, safe in element content and quoted attributes. */
    static String escape(String text) {
        StringBuilder s = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> s.append("&amp;");
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '"' -> s.append("&quot;");
                case '\'' -> s.append("&#39;");
                default -> {
                    // control characters other than tab and newline are not allowed in XML
                    if (c < 0x20 && c != '\t' && c != '\n') {
                        s.append('?');
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        return s.toString();
    }
}
