/** Real senders: signed webhooks, SMTP email, Mustache templates, rate and concurrency limits. */
module dev.retention.senders {
    requires transitive dev.retention.core;
    requires com.google.common;
    requires org.slf4j;
    requires com.fasterxml.jackson.databind;
    requires java.net.http;
    requires jakarta.mail;
    requires org.eclipse.angus.mail;
    requires com.github.mustachejava;

    exports dev.retention.senders;
}
