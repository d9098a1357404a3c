package dev.retention.senders;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * One email's content, rendered for one message: what {@link SmtpSender} puts into a
 * {@code multipart/alternative} letter. Personal data; {@link #toString()} shows only the sizes.
 *
 * @param subject the subject line, not blank, on one line
 * @param text the plain-text part, not blank
 * @param html the HTML part, not blank
 */
public record RenderedEmail(String subject, String text, String html) {

    /**
     * Checks the parts.
     *
     * @param subject the subject line, not blank, without line breaks
     * @param text the plain-text part, not blank
     * @param html the HTML part, not blank
     * @throws IllegalArgumentException if a part is null or blank, or the subject holds a line break
     */
    public RenderedEmail {
        checkArgument(subject != null && !subject.isBlank(), "subject must not be blank");
        checkArgument(subject.indexOf('\n') < 0 && subject.indexOf('\r') < 0,
                "subject must be one line, got a line break at %s", subject.indexOf('\n') < 0
                        ? subject.indexOf('\r') : subject.indexOf('\n'));
        checkArgument(text != null && !text.isBlank(), "text must not be blank");
        checkArgument(html != null && !html.isBlank(), "html must not be blank");
    }

    /**
     * Leaves the content out (it is personalised).
     *
     * @return the parts' lengths
     */
    @Override
    public String toString() {
        return "RenderedEmail[subject=" + subject.length() + " chars, text=" + text.length() + " chars, html="
                + html.length() + " chars]";
    }

    static RenderedEmail requireRendered(RenderedEmail email, String templateId) {
        return requireNonNull(email, () -> "the renderer returned null for template " + templateId);
    }
}
