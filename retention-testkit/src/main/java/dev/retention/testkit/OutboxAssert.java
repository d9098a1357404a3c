package dev.retention.testkit;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.core.CustomerId;
import dev.retention.core.ProductId;
import dev.retention.core.send.OutgoingMessage;
import dev.retention.rules.campaign.FireEntry;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on what a {@link CampaignTestDriver} sent. Narrow the messages with
 * {@link #sentTo}, {@link #campaign} and {@link #template}, then count them and check their
 * contents:
 *
 * <pre>{@code
 * assertThat(driver.outbox()).sentTo(carla).campaign("win-back").exactlyOnce().withField("orderCount", 3);
 * assertThat(driver.outbox()).sentTo(anna).campaign("abandoned-view").exactlyOnce().withProduct("tent");
 * assertThat(driver.outbox()).sentTo(dan).campaign("win-back").never();
 * assertThat(driver.outbox()).sentTo(anna).templatesInOrder("welcome", "early-access");
 * assertThat(driver.outbox()).sentTo(anna).template("welcome").exactlyOnce().sentAt(monday9am)
 *         .addressedTo("anna@example.com");
 * }</pre>
 *
 * A failure names the selection, lists the messages sent and the engine's decisions about the
 * customer (or everyone, if no customer was selected), with their reasons: a missing message is
 * usually explained by a suppressed, held-out or still pending decision.
 */
public final class OutboxAssert extends AbstractAssert<OutboxAssert, Outbox> {
    private final List<SentMessage> selected;
    private final String selection;
    private final Optional<CustomerId> customer;

    OutboxAssert(Outbox actual) {
        this(actual, actual == null ? List.of() : actual.sent(), "", Optional.empty());
    }

    private OutboxAssert(Outbox actual, List<SentMessage> selected, String selection,
            Optional<CustomerId> customer) {
        super(actual, OutboxAssert.class);
        this.selected = List.copyOf(selected);
        this.selection = selection;
        this.customer = customer;
    }

    /**
     * Only the messages sent to the customer.
     *
     * @param customer the customer
     * @return an assertion on the narrower selection
     */
    public OutboxAssert sentTo(CustomerId customer) {
        requireNonNull(customer, "customer");
        return narrow(m -> m.customerId().equals(customer), " sent to " + customer.value(), Optional.of(customer));
    }

    /**
     * Only the messages of the campaign.
     *
     * @param campaignId the campaign's id
     * @return an assertion on the narrower selection
     */
    public OutboxAssert campaign(String campaignId) {
        requireNonNull(campaignId, "campaignId");
        return narrow(m -> m.campaignId().equals(campaignId), " of campaign " + campaignId, customer);
    }

    /**
     * Only the messages with the template.
     *
     * @param templateId the template's id
     * @return an assertion on the narrower selection
     */
    public OutboxAssert template(String templateId) {
        requireNonNull(templateId, "templateId");
        return narrow(m -> m.templateId().equals(templateId), " with template " + templateId, customer);
    }

    /**
     * Exactly {@code count} messages are selected, each with its own idempotency key: a key sent
     * twice is a resend the customer may have received twice, and fails every count.
     *
     * @param count the expected number of messages, not negative
     * @return this assertion, on the same selection
     */
    public OutboxAssert times(int count) {
        checkArgument(count >= 0, "count must not be negative, got %s", count);
        isNotNull();
        Map<String, Long> perKey = selected.stream().map(SentMessage::message)
                .collect(Collectors.groupingBy(OutgoingMessage::idempotencyKey, TreeMap::new, Collectors.counting()));
        for (Map.Entry<String, Long> key : perKey.entrySet()) {
            if (key.getValue() > 1) {
                fail("exactly " + count + (count == 1 ? " message" : " messages") + selection
                        + " with distinct keys, but idempotency key " + key.getKey() + " sent " + key.getValue()
                        + " times");
            }
        }
        if (selected.size() != count) {
            fail("exactly " + count + (count == 1 ? " message" : " messages") + selection + ", but found "
                    + selected.size());
        }
        return this;
    }

    /**
     * Exactly one message is selected: {@code times(1)}.
     *
     * @return this assertion, on the same selection
     */
    public OutboxAssert exactlyOnce() {
        return times(1);
    }

    /**
     * No message is selected.
     *
     * @return this assertion, on the same selection
     */
    public OutboxAssert never() {
        return times(0);
    }

    /**
     * Every selected message (at least one) names the product in its personalisation.
     *
     * @param productId the product's id, as a personalisation value or in a collection value
     * @return this assertion, on the same selection
     */
    public OutboxAssert withProduct(String productId) {
        requireNonNull(productId, "productId");
        return every(m -> mentions(m, productId), "to name product " + productId + " in its personalisation");
    }

    /**
     * {@link #withProduct(String)} for a {@link ProductId}.
     *
     * @param product the product
     * @return this assertion, on the same selection
     */
    public OutboxAssert withProduct(ProductId product) {
        return withProduct(requireNonNull(product, "product").value());
    }

    /**
     * Every selected message (at least one) has the personalisation field with the value.
     *
     * @param name the personalisation field
     * @param value its expected value (compared with {@code equals})
     * @return this assertion, on the same selection
     */
    public OutboxAssert withField(String name, Object value) {
        requireNonNull(name, "name");
        requireNonNull(value, "value");
        return every(m -> Objects.equals(m.personalisation().get(name), value),
                "to have personalisation " + name + "=" + value);
    }

    /**
     * Every selected message (at least one) uses the template.
     *
     * @param templateId the template's id
     * @return this assertion, on the same selection
     */
    public OutboxAssert withTemplate(String templateId) {
        requireNonNull(templateId, "templateId");
        return every(m -> m.templateId().equals(templateId), "to use template " + templateId);
    }

    /**
     * The selected messages' templates, in sending order, are exactly these.
     *
     * @param templateIds the expected template ids, in sending order (none: nothing selected)
     * @return this assertion, on the same selection
     */
    public OutboxAssert templatesInOrder(String... templateIds) {
        isNotNull();
        List<String> actualTemplates = selected.stream().map(s -> s.message().templateId()).toList();
        if (!actualTemplates.equals(List.of(templateIds))) {
            fail("templates " + List.of(templateIds) + " in this order for the messages" + selection + ", but found "
                    + actualTemplates);
        }
        return this;
    }

    /**
     * Every selected message (at least one) was sent at {@code instant} on the driver's clock: when
     * the sender accepted it, after quiet hours, sequence delays and retries.
     *
     * @param instant the expected instant
     * @return this assertion, on the same selection
     */
    public OutboxAssert sentAt(Instant instant) {
        requireNonNull(instant, "instant");
        return everySent(s -> s.sentAt().equals(instant), "to be sent at " + instant,
                s -> s.message().idempotencyKey() + " was sent at " + s.sentAt());
    }

    /**
     * Every selected message (at least one) went to {@code recipient}: the contact point the engine
     * read from the customer's profile for the message's channel (see {@link OutgoingMessage#recipient()}).
     *
     * @param recipient the expected email address, phone number, ...
     * @return this assertion, on the same selection
     */
    public OutboxAssert addressedTo(String recipient) {
        requireNonNull(recipient, "recipient");
        return everySent(s -> s.message().recipient().equals(Optional.of(recipient)), "to go to " + recipient,
                s -> s.message().idempotencyKey() + (s.message().recipient().isPresent()
                        ? " went to " + s.message().recipient().get() : " has no recipient"));
    }

    /**
     * The selected messages, for checks the kit does not offer.
     *
     * @return the messages, an immutable list
     */
    public List<OutgoingMessage> messages() {
        return selected.stream().map(SentMessage::message).toList();
    }

    /**
     * The selected messages with the instants they were sent.
     *
     * @return the messages and instants, an immutable list
     */
    public List<SentMessage> sent() {
        return selected;
    }

    private OutboxAssert narrow(Predicate<OutgoingMessage> filter, String what, Optional<CustomerId> who) {
        isNotNull();
        return new OutboxAssert(actual, selected.stream().filter(s -> filter.test(s.message())).toList(),
                selection + what, who);
    }

    private OutboxAssert every(Predicate<OutgoingMessage> check, String what) {
        return everySent(s -> check.test(s.message()), what, s -> s.message().idempotencyKey()
                + " has personalisation " + new TreeMap<>(s.message().personalisation()));
    }

    private OutboxAssert everySent(Predicate<SentMessage> check, String what,
            Function<SentMessage, String> offender) {
        isNotNull();
        if (selected.isEmpty()) {
            fail("at least one message" + selection + " " + what + ", but there is none");
        }
        for (SentMessage s : selected) {
            if (!check.test(s)) {
                fail("every message" + selection + " " + what + ", but " + offender.apply(s));
            }
        }
        return this;
    }

    private static boolean mentions(OutgoingMessage message, String productId) {
        for (Object value : message.personalisation().values()) {
            if (value.equals(productId) || value instanceof Collection<?> c && c.contains(productId)) {
                return true;
            }
        }
        return false;
    }

    /** Personalisation maps print with sorted keys, so messages are stable. */
    private void fail(String expectation) {
        StringBuilder context = new StringBuilder("Messages sent:\n");
        if (actual.messages().isEmpty()) {
            context.append("  (none)\n");
        }
        for (SentMessage s : actual.sent()) {
            OutgoingMessage m = s.message();
            context.append("  ").append(s.sentAt()).append(' ').append(m.customerId().value()).append(" <- ")
                    .append(m.campaignId()).append(" [").append(m.templateId()).append("] ")
                    .append(new TreeMap<>(m.personalisation())).append('\n');
        }
        if (customer.isPresent()) {
            List<FireEntry> mine = actual.decisions().stream()
                    .filter(e -> e.customerId().equals(customer.get())).toList();
            context.append(FireEntryAssert.describe(customer.get(), mine));
        } else {
            context.append("Decisions:\n");
            actual.decisions().forEach(e -> context.append("  ").append(e.customerId().value()).append(": ")
                    .append(FireEntryAssert.line(e)).append('\n'));
        }
        failWithMessage("%nExpecting %s.%n%s", expectation, context);
    }
}
