package dev.retention.testkit;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.OrderId;
import dev.retention.core.ProductId;
import dev.retention.core.event.CustomEvent;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.event.CustomerHistory;
import dev.retention.core.event.LineItem;
import dev.retention.core.event.OrderPlaced;
import dev.retention.core.event.ProductViewed;
import dev.retention.core.profile.Channel;
import dev.retention.core.profile.Consent;
import dev.retention.core.profile.CustomerProfile;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A customer with a history, written the way a test reads: who they are and what they did,
 * relative to "now", which is given only when the events are built.
 *
 * <pre>{@code
 * CustomerFixture anna = aCustomer("anna")
 *         .withOrders(3).lastOrderedDaysAgo(100).everyDays(20).worth(Money.of(40, "USD"))
 *         .viewedDaysAgo("tent", 2);
 * CustomerHistory history = anna.history(now);
 * driver.given(anna);
 * }</pre>
 *
 * <p>Defaults: {@link #withOrders} places orders of one unit of {@code "product-1"} worth 50.00 USD,
 * 30 days apart, the last one a day before now. The profile has an email address and email consent
 * given when the customer signed up: 365 days before now, or at their first event if that is earlier;
 * times are UTC. Event ids are derived from the customer id, so the same fixture always builds the
 * same events (delivering them twice stores them once).
 *
 * <p>Immutable: every method returns a new fixture, so a base fixture can be shared and varied.
 */
public final class CustomerFixture {
    private static final Money DEFAULT_ORDER_VALUE = Money.of(50, "USD");
    private static final Duration DEFAULT_SIGNUP_AGE = Duration.ofDays(365);

    private final CustomerId id;
    private final int orders;
    private final Duration lastOrderAgo;
    private final Duration orderGap;
    private final Money orderValue;
    private final List<ProductId> products;
    private final List<Function<Instant, CustomerEvent>> extras;
    private final boolean emailConsent;
    private final ZoneId zone;
    private final Map<String, String> attributes;

    private CustomerFixture(CustomerId id, int orders, Duration lastOrderAgo, Duration orderGap, Money orderValue,
            List<ProductId> products, List<Function<Instant, CustomerEvent>> extras, boolean emailConsent, ZoneId zone,
            Map<String, String> attributes) {
        this.id = id;
        this.orders = orders;
        this.lastOrderAgo = lastOrderAgo;
        this.orderGap = orderGap;
        this.orderValue = orderValue;
        this.products = List.copyOf(products);
        this.extras = List.copyOf(extras);
        this.emailConsent = emailConsent;
        this.zone = zone;
        this.attributes = Map.copyOf(attributes);
    }

    /** A customer with no events yet, email consent and the defaults of the class comment. */
    public static CustomerFixture aCustomer(String id) {
        return new CustomerFixture(CustomerId.of(id), 0, Duration.ofDays(1), Duration.ofDays(30), DEFAULT_ORDER_VALUE,
                List.of(ProductId.of("product-1")), List.of(), true, ZoneOffset.UTC, Map.of());
    }

    public CustomerId id() {
        return id;
    }

    /** {@code count} regular orders (see {@link #lastOrderedDaysAgo}, {@link #everyDays}, {@link #worth}). */
    public CustomerFixture withOrders(int count) {
        checkArgument(count >= 0, "order count must not be negative, got %s", count);
        return copy(count, lastOrderAgo, orderGap, orderValue, products, extras, emailConsent, zone, attributes);
    }

    /** The last regular order was {@code days} days before now (0: at now). */
    public CustomerFixture lastOrderedDaysAgo(long days) {
        checkArgument(days >= 0, "days ago must not be negative, got %s", days);
        return copy(orders, Duration.ofDays(days), orderGap, orderValue, products, extras, emailConsent, zone,
                attributes);
    }

    /** The regular orders are {@code days} days apart. */
    public CustomerFixture everyDays(long days) {
        checkArgument(days >= 1, "days between orders must be at least 1, got %s", days);
        return copy(orders, lastOrderAgo, Duration.ofDays(days), orderValue, products, extras, emailConsent, zone,
                attributes);
    }

    /** Each regular order is worth {@code value}. */
    public CustomerFixture worth(Money value) {
        requireNonNull(value, "value");
        checkArgument(value.isPositive(), "order value must be positive, got %s", value);
        return copy(orders, lastOrderAgo, orderGap, value, products, extras, emailConsent, zone, attributes);
    }

    /** The regular orders buy these products in turn, one per order, the first on the oldest order. */
    public CustomerFixture buying(String... productIds) {
        checkArgument(productIds.length >= 1, "buying needs at least one product");
        List<ProductId> ids = new ArrayList<>();
        for (String p : productIds) {
            ids.add(ProductId.of(p));
        }
        return copy(orders, lastOrderAgo, orderGap, orderValue, ids, extras, emailConsent, zone, attributes);
    }

    /** One more order at {@code at}: one unit of each product, each line worth the regular order value. */
    public CustomerFixture ordered(Instant at, String... productIds) {
        requireNonNull(at, "at");
        return ordered(now -> at, productIds);
    }

    /**
     * One more order {@code days} days before now: one unit of each product, each line worth the
     * regular order value.
     */
    public CustomerFixture orderedDaysAgo(long days, String... productIds) {
        checkArgument(days >= 0, "days ago must not be negative, got %s", days);
        return ordered(now -> now.minus(Duration.ofDays(days)), productIds);
    }

    /** A view of the product at {@code at}. */
    public CustomerFixture viewed(String productId, Instant at) {
        requireNonNull(at, "at");
        return viewed(productId, now -> at);
    }

    /** A view of the product {@code ago} before now. */
    public CustomerFixture viewedAgo(String productId, Duration ago) {
        requireNonNull(ago, "ago");
        checkArgument(!ago.isNegative(), "ago must not be negative, got %s", ago);
        return viewed(productId, now -> now.minus(ago));
    }

    /** A view of the product {@code days} days before now. */
    public CustomerFixture viewedDaysAgo(String productId, long days) {
        checkArgument(days >= 0, "days ago must not be negative, got %s", days);
        return viewedAgo(productId, Duration.ofDays(days));
    }

    /** A custom event (e.g. {@code "loyalty-joined"}) at {@code at}. */
    public CustomerFixture did(String eventName, Instant at) {
        requireNonNull(eventName, "eventName");
        requireNonNull(at, "at");
        int n = extras.size() + 1;
        return withExtra(now -> new CustomEvent(id.value() + "-custom-" + n, id, at, eventName));
    }

    /** No email consent: the engine suppresses email to this customer. */
    public CustomerFixture withoutEmailConsent() {
        return copy(orders, lastOrderAgo, orderGap, orderValue, products, extras, false, zone, attributes);
    }

    /** The customer's time zone, for quiet hours and birthdays. */
    public CustomerFixture inZone(ZoneId zone) {
        requireNonNull(zone, "zone");
        return copy(orders, lastOrderAgo, orderGap, orderValue, products, extras, emailConsent, zone, attributes);
    }

    public CustomerFixture withAttribute(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(attributes);
        copy.put(requireNonNull(name, "name"), requireNonNull(value, "value"));
        return copy(orders, lastOrderAgo, orderGap, orderValue, products, extras, emailConsent, zone, copy);
    }

    /** The customer's events as of {@code now}, in time order (ties keep the order they were added). */
    public List<CustomerEvent> events(Instant now) {
        requireNonNull(now, "now");
        List<CustomerEvent> out = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            Instant at = now.minus(lastOrderAgo).minus(orderGap.multipliedBy(orders - 1L - i));
            ProductId product = products.get(i % products.size());
            out.add(new OrderPlaced(id.value() + "-order-" + (i + 1), id, at, OrderId.of(id.value() + "-o" + (i + 1)),
                    List.of(new LineItem(product, 1, orderValue)), orderValue));
        }
        for (Function<Instant, CustomerEvent> extra : extras) {
            out.add(extra.apply(now));
        }
        out.sort(Comparator.comparing(CustomerEvent::occurredAt));
        return List.copyOf(out);
    }

    /** The customer's history as of {@code now}. */
    public CustomerHistory history(Instant now) {
        return CustomerHistory.of(id, events(now));
    }

    /** The customer's profile as of {@code now} (see the class comment for the sign-up time). */
    public CustomerProfile profile(Instant now) {
        Instant signedUp = now.minus(DEFAULT_SIGNUP_AGE);
        for (CustomerEvent event : events(now)) {
            if (event.occurredAt().isBefore(signedUp)) {
                signedUp = event.occurredAt();
            }
        }
        CustomerProfile.Builder b = CustomerProfile.builder(id).email(id.value() + "@example.com")
                .signedUpAt(signedUp).zone(zone);
        if (emailConsent) {
            b.consent(Consent.given(Channel.EMAIL, signedUp));
        }
        attributes.forEach(b::attribute);
        return b.build();
    }

    @Override
    public String toString() {
        return "CustomerFixture[" + id + ", orders=" + orders + ", extraEvents=" + extras.size() + "]";
    }

    private CustomerFixture ordered(Function<Instant, Instant> at, String... productIds) {
        checkArgument(productIds.length >= 1, "an order needs at least one product");
        int n = extras.size() + 1;
        Money value = orderValue;
        return withExtra(now -> {
            List<LineItem> items = new ArrayList<>();
            for (String p : productIds) {
                items.add(new LineItem(ProductId.of(p), 1, value));
            }
            Money total = value.times(productIds.length);
            return new OrderPlaced(id.value() + "-extra-order-" + n, id, at.apply(now),
                    OrderId.of(id.value() + "-x" + n), items, total);
        });
    }

    private CustomerFixture viewed(String productId, Function<Instant, Instant> at) {
        ProductId product = ProductId.of(productId);
        int n = extras.size() + 1;
        return withExtra(now -> new ProductViewed(id.value() + "-view-" + n, id, at.apply(now), product));
    }

    private CustomerFixture withExtra(Function<Instant, CustomerEvent> extra) {
        List<Function<Instant, CustomerEvent>> copy = new ArrayList<>(extras);
        copy.add(extra);
        return copy(orders, lastOrderAgo, orderGap, orderValue, products, copy, emailConsent, zone, attributes);
    }

    private CustomerFixture copy(int orders, Duration lastOrderAgo, Duration orderGap, Money orderValue,
            List<ProductId> products, List<Function<Instant, CustomerEvent>> extras, boolean emailConsent, ZoneId zone,
            Map<String, String> attributes) {
        return new CustomerFixture(id, orders, lastOrderAgo, orderGap, orderValue, products, extras, emailConsent,
                zone, attributes);
    }
}
