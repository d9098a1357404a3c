package dev.retention.senders;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.github.mustachejava.Code;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.codes.IterableCode;
import com.github.mustachejava.codes.NotIterableCode;
import com.github.mustachejava.codes.ValueCode;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedSet;
import dev.retention.core.send.OutgoingMessage;
import dev.retention.core.send.PlannedMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Mustache templates for email: a subject, a text and an HTML body per template id and locale,
 * rendered with the message's personalisation ({@code {{viewedProducts}}}, {@code {{incentiveCode}}},
 * points, tier, anything the trigger put there) and the engine's own fields ({@code campaignId},
 * {@code step}, {@code triggerReason}, {@code variant}). Immutable and thread-safe.
 *
 * <p>The HTML body escapes every {@code {{value}}} (use {@code {{{value}}}} only for markup you
 * trust); subject and text are plain text and are not escaped.
 *
 * <p>The version is chosen by the customer's language: the message's {@link OutgoingMessage#locale()},
 * which the campaign engine sets from the profile ({@code CustomerProfile.locale()}) as it addresses
 * the message. A {@code locale} field in the personalisation (a language tag such as {@code "de-AT"})
 * overrides it, for a trigger of your own that decides the language. It falls back as resource
 * bundles do: {@code de-AT}, then {@code de}, then the template's {@link Locale#ROOT} version; a
 * customer without a locale gets the root version.
 *
 * <p>A field the template uses outside any section, as a value or as a section of its own, is
 * required. The campaign engine asks, when it is built, whether every step's template gets the
 * fields it requires ({@link #check(PlannedMessage)}, through the sender), so a campaign whose
 * trigger does not put a required field into its messages fails {@code build()}, naming the
 * campaign, the step, the template, the locale and the field; rendering without it fails too (a
 * permanent failure, never a blank in a sent letter). A field may be absent when the template says
 * what to write without it, in an inverted section:
 * {@code {{#incentiveCode}}Your code: {{incentiveCode}}{{/incentiveCode}}{{^incentiveCode}}...{{/incentiveCode}}}.
 *
 * <pre>{@code
 * Templates templates = Templates.builder()
 *         .template("abandoned-view", Locale.ROOT, "You looked at {{viewedProducts.size}} things", text, html)
 *         .template("abandoned-view", Locale.GERMAN, "Sie haben sich {{viewedProducts.size}} Dinge angesehen", de, deHtml)
 *         .build();
 * }</pre>
 */
public final class Templates implements EmailRenderer {
    private final Map<String, Map<Locale, Compiled>> templates;
    private final Function<OutgoingMessage, Optional<Locale>> locale;

    private Templates(Builder b) {
        this.templates = ImmutableMap.copyOf(b.templates);
        this.locale = b.locale;
    }

    /**
     * Starts an empty set of templates.
     *
     * @return a builder choosing the locale from the message's {@code locale} field
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public RenderedEmail render(OutgoingMessage message) {
        requireNonNull(message, "message");
        Compiled template = choose(message.templateId(), locale.apply(message).orElse(Locale.ROOT));
        for (String field : template.required) {
            checkArgument(message.personalisation().containsKey(field),
                    "template %s (%s) needs the field '%s', which the message does not carry", message.templateId(),
                    describe(template.locale), field);
        }
        Map<String, Object> scope = message.personalisation();
        return new RenderedEmail(execute(template.subject, scope).strip(), execute(template.text, scope),
                execute(template.html, scope));
    }

    /**
     * The fields a template uses outside any section and has no inverted section for, in any of
     * its locales: what every message for it must carry.
     *
     * @param templateId a template id
     * @return the field names, sorted
     * @throws IllegalArgumentException if there is no such template
     */
    public SortedSet<String> requiredFields(String templateId) {
        TreeSet<String> fields = new TreeSet<>();
        versions(templateId).values().forEach(c -> fields.addAll(c.required));
        return ImmutableSortedSet.copyOf(fields);
    }

    /**
     * Checks that a campaign step's messages carry every field the step's template requires, in
     * each of its locales (any may be chosen for a customer). The campaign engine calls this
     * through its sender when it is built ({@link SmtpSender#check}).
     *
     * @param planned the step: its template and the fields its messages carry
     * @throws IllegalArgumentException if there is no such template, or a version of it requires a
     *     field the messages do not carry, naming the template, the locale and the field
     */
    @Override
    public void check(PlannedMessage planned) {
        requireNonNull(planned, "planned");
        for (Compiled c : versions(planned.templateId()).values()) {
            TreeSet<String> missing = new TreeSet<>(c.required);
            missing.removeAll(planned.fields());
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("template " + planned.templateId() + " (" + describe(c.locale)
                        + ") uses " + (missing.size() == 1 ? "the variable " : "the variables ") + String.join(", ", missing)
                        + ", which the messages do not carry (they carry " + planned.fields() + "); put it into the "
                        + "trigger's payload, or say what to write without it in an inverted section {{^"
                        + missing.first() + "}}...{{/" + missing.first() + "}}");
            }
        }
    }

    private Map<Locale, Compiled> versions(String templateId) {
        Map<Locale, Compiled> versions = templates.get(templateId);
        checkArgument(versions != null, "no template %s (known: %s)", templateId, new TreeSet<>(templates.keySet()));
        return versions;
    }

    private static String describe(Locale locale) {
        return locale.equals(Locale.ROOT) ? "root locale" : "locale " + locale.toLanguageTag();
    }

    private Compiled choose(String templateId, Locale wanted) {
        Map<Locale, Compiled> versions = versions(templateId);
        for (Locale candidate : List.of(wanted, new Locale(wanted.getLanguage(), wanted.getCountry()),
                new Locale(wanted.getLanguage()), Locale.ROOT)) {
            Compiled c = versions.get(candidate);
            if (c != null) {
                return c;
            }
        }
        throw new IllegalArgumentException("template " + templateId + " has no version for " + wanted.toLanguageTag()
                + " and no fallback (Locale.ROOT); it has " + versions.keySet());
    }

    private static String execute(Mustache mustache, Map<String, Object> scope) {
        StringWriter out = new StringWriter();
        mustache.execute(out, scope);
        return out.toString();
    }

    /** One template in one locale, compiled, with the fields it requires. */
    private record Compiled(Locale locale, Mustache subject, Mustache text, Mustache html, Set<String> required) {
    }

    /** Collects templates; {@link #build()} freezes them. Each template compiles as it is added. */
    public static final class Builder {
        private final Map<String, Map<Locale, Compiled>> templates = new LinkedHashMap<>();
        private Function<OutgoingMessage, Optional<Locale>> locale = Builder::customerLocale;
        // HTML escapes (the factory's default); subject and text are plain text, written as they are
        private final DefaultMustacheFactory html = new DefaultMustacheFactory();
        private final DefaultMustacheFactory plain = new DefaultMustacheFactory() {
            @Override
            public void encode(String value, Writer writer) {
                try {
                    writer.write(value);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };

        private Builder() {
        }

        /**
         * Adds a template in one locale.
         *
         * @param templateId the id messages name, not blank
         * @param locale the locale this version is for; {@link Locale#ROOT} for the fallback
         * @param subject the subject's Mustache source, not blank
         * @param text the text body's Mustache source, not blank
         * @param html the HTML body's Mustache source, not blank (values HTML-escaped)
         * @return this builder
         * @throws IllegalArgumentException if an argument is blank, the template id and locale are
         *     already added, or a source does not compile (naming the template, locale and part)
         */
        public Builder template(String templateId, Locale locale, String subject, String text, String html) {
            checkArgument(templateId != null && !templateId.isBlank(), "templateId must not be blank");
            requireNonNull(locale, "locale");
            Map<Locale, Compiled> versions = templates.computeIfAbsent(templateId, id -> new LinkedHashMap<>());
            checkArgument(!versions.containsKey(locale), "template %s (%s) is already added", templateId, locale);
            Mustache s = compile(plain, templateId, locale, "subject", subject);
            Mustache t = compile(plain, templateId, locale, "text", text);
            Mustache h = compile(this.html, templateId, locale, "html", html);
            TreeSet<String> required = new TreeSet<>();
            TreeSet<String> optional = new TreeSet<>();
            for (Mustache m : List.of(s, t, h)) {
                for (Code code : m.getCodes()) {
                    // top level only: inside a section a name may be the item's own
                    if (code instanceof NotIterableCode) {
                        optional.add(field(code));
                    } else if ((code instanceof ValueCode || code instanceof IterableCode) && !code.getName().equals(".")) {
                        required.add(field(code));
                    }
                }
            }
            required.removeAll(optional);
            versions.put(locale, new Compiled(locale, s, t, h, Set.copyOf(required)));
            return this;
        }

        /**
         * Adds a template read from three resources beside {@code owner}:
         * {@code base + ".subject.mustache"}, {@code ".txt.mustache"} and {@code ".html.mustache"}
         * (UTF-8). The shipped example is
         * {@code fromResources(Templates.class, "/META-INF/retention/templates/abandoned-view", "abandoned-view", Locale.ROOT)}
         * (and {@code "abandoned-view_de"} for German).
         *
         * @param owner the class whose module and class loader hold the resources
         * @param base the resources' common path, as {@link Class#getResourceAsStream(String)} takes it
         * @param templateId the id messages name
         * @param locale the locale this version is for
         * @return this builder
         * @throws IllegalArgumentException if a resource is missing, or as {@link #template}
         */
        public Builder fromResources(Class<?> owner, String base, String templateId, Locale locale) {
            requireNonNull(owner, "owner");
            checkArgument(base != null && !base.isBlank(), "base must not be blank");
            return template(templateId, locale, read(owner, base + ".subject.mustache"),
                    read(owner, base + ".txt.mustache"), read(owner, base + ".html.mustache"));
        }

        /**
         * How to choose a message's locale; default: its {@code locale} personalisation field as a
         * language tag (e.g. {@code "de-AT"}) if it has one, else {@link OutgoingMessage#locale()}
         * (the customer's, from the profile), else none ({@link Locale#ROOT}).
         *
         * @param locale the locale for a message, or empty for the fallback
         * @return this builder
         */
        public Builder locale(Function<OutgoingMessage, Optional<Locale>> locale) {
            this.locale = requireNonNull(locale, "locale");
            return this;
        }

        /**
         * The templates.
         *
         * @return the templates added so far
         * @throws IllegalStateException if none was added
         */
        public Templates build() {
            if (templates.isEmpty()) {
                throw new IllegalStateException("no template added");
            }
            return new Templates(this);
        }

        private static String field(Code code) {
            return code.getName().split("\\.", 2)[0];
        }

        private static Optional<Locale> customerLocale(OutgoingMessage m) {
            Object field = m.personalisation().get("locale");
            return field != null ? Optional.of(Locale.forLanguageTag(field.toString())) : m.locale();
        }

        private static Mustache compile(DefaultMustacheFactory factory, String id, Locale locale, String part,
                String source) {
            checkArgument(source != null && !source.isBlank(), "template %s (%s): %s must not be blank", id, locale,
                    part);
            try {
                return factory.compile(new StringReader(source), id + "/" + locale + "/" + part);
            } catch (MustacheException e) {
                throw new IllegalArgumentException("template " + id + " (" + locale + "): " + part
                        + " does not compile: " + e.getMessage(), e);
            }
        }

        private static String read(Class<?> owner, String name) {
            try (InputStream in = owner.getResourceAsStream(name)) {
                checkArgument(in != null, "no resource %s beside %s", name, owner.getName());
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read template resource " + name, e);
            }
        }
    }
}
