package dev.retention.examples;

import java.util.Locale;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class with the JVM's default locale set to {@link Locale#ROOT}, restoring the
 * machine's afterwards. The demo formats some numbers in the default locale ({@code 69.659} on a
 * German machine), and the tests expect ROOT's {@code 69,659}: with this they pass on a machine
 * with any locale (checked with {@code -DargLine="-Xmx2g -Duser.language=de -Duser.country=DE"}).
 */
final class RootLocale implements BeforeAllCallback, AfterAllCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RootLocale.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NAMESPACE).put("machine", Locale.getDefault());
        Locale.setDefault(Locale.ROOT);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Locale.setDefault(context.getStore(NAMESPACE).get("machine", Locale.class));
    }
}
