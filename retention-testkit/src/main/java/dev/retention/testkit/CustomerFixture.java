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
import java.util.Optional;
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
 * <p>{@link #worth} prices the order it follows: after {@link #ordered} or {@link #orderedDaysAgo}
 * that one extra order, otherwise the regular orders of {@link #withOrders}:
 * {@code aCustomer("anna").withOrders(3).orderedDaysAgo(3, "tent").worth(Money.of(300, "EUR"))} has
 * three regular orders of 50.00 USD and one tent order of 300.00 EUR.
 *
 * <p>Defaults: {@link #withOrders} places orders of one unit of {@code "product-1"} worth 50.00 USD,
 * 30 days apart, the last one a day before now. The profile has the email address
 * {@code ID@example.com}, no phone number, and email consent given when the customer signed up: 365
 * days before now, or at their first event if that is earlier; times are UTC. Event ids are derived
 * from the customer id, so the same fixture always builds the same events (delivering them twice
 * stores them once).
 *
 * <p>Immutable: every method returns a new fixture, so a base fixture can be shared and varied.
 */
public final class CustomerFixture {
    private static final Money DEFAULT_ORDER_VALUE = Money.of(50, "USD");
    private static final Duration DEFAULT_SIGNUP_AGE = Duration.ofDays(365);
    private static final int REGULAR_ORDERS = -1;

    // never changed once a fixture is handed out: every method changes a fresh copy
    private final CustomerId id;
    private int orders;
    private Duration lastOrderAgo;
    private Duration orderGap;
    private Money orderValue;
    private List<ProductId> products;
    private List<Function<Instant, CustomerEvent>> extras;
    /** The index in {@code extras} of the order {@link #worth} prices, or {@link #REGULAR_ORDERS}. */
    private int lastOrder;
    private boolean emailConsent;
    private ZoneId zone;
    private Map<String, String> attributes;
    private Optional<String> email;
    private Optional<String> phone;

    private CustomerFixture(CustomerId id) {
        this.id = id;
        this.orders = 0;
        this.lastOrderAgo = Duration.ofDays(1);
        this.orderGap = Duration.ofDays(30);
        this.orderValue = DEFAULT_ORDER_VALUE;
        this.products = List.of(ProductId.of("product-1"));
        this.extras = List.of();
        this.lastOrder = REGULAR_ORDERS;
        this.emailConsent = true;
        this.zone = ZoneOffset.UTC;
        this.attributes = Map.of();
        this.email = Optional.of(id.value() + "@example.com");
        this.phone = Optional.empty();
    }

    private CustomerFixture(CustomerFixture from) {
        this.id = from.id;
        this.orders = from.orders;
        this.lastOrderAgo = from.lastOrderAgo;
        this.orderGap = from.orderGap;
        this.orderValue = from.orderValue;
        this.products = from.products;
        this.extras = from.extras;
        this.lastOrder = from.lastOrder;
        this.emailConsent = from.emailConsent;
        this.zone = from.zone;
        this.attributes = from.attributes;
        this.email = from.email;
        this.phone = from.phone;
    }

    /**
     * A customer with no events yet, an email address, email consent and the defaults of the class comment.
     *
     * @param id the customer id, not blank
     * @return the fixture
     */
    public static CustomerFixture aCustomer(String id) {
        return new CustomerFixture(CustomerId.of(id));
    }

    /**
     * The customer's id.
     *
     * @return the customer's id
     */
    public CustomerId id() {
        return id;
    }

    /**
     * {@code count} regular orders (see {@link #lastOrderedDaysAgo}, {@link #everyDays}, {@link #worth});
     * a {@link #worth} that follows prices them.
     *
     * @param count how many regular orders, not negative (0: none)
     * @return a new fixture; this one is unchanged
     */
    public CustomerFixture withOrders(int count) {
        checkArgument(count >= 0, "order count must not be negative, got %s", count);
        CustomerFixture next = regular();
        next.orders = count;
        return next;
    }

    /**
     * The last regular order was {@code days} days before now (0: at now).
     *
     * @param days days before now, not negative
     * @return a new fixture; this one is unchanged
     */
    public CustomerFixture lastOrderedDaysAgo(long days) {
        checkArgument(days >= 0, "days ago must not be negative, got %s", days);
        CustomerFixture next = regular();
        next.lastOrderAgo = Duration.ofDays(days);
        return next;
    }

    /**
     * The regular orders are {@code days} days apart.
     *
     * @param days days between consecutive regular orders, at least 1
     * @return a new fixture; this one is unchanged
     */
    public CustomerFixture everyDays(long days) {
        checkArgument(days >= 1, "days between orders must be at least 1, got %s", days);
        CustomerFixture next = regular();
        next.orderGap = Duration.ofDays(days);
        return next;
    }

    /**
     * Prices the order this call follows: the extra order of the last {@link #ordered} or
     * {@link #orderedDaysAgo}, whose total becomes {@code value} (its lines share it equally, the
     * first lines taking the odd minor units), unless {@link #withOrders}, {@link #lastOrderedDaysAgo},
     * {@link #everyDays} or {@link #buying} came after it; otherwise each regular order, which is then
     * worth {@code value}. Extra orders added later have lines worth the regular order value.
     *
     * @throws IllegalArgumentException if {@code value} is not positive, or too small to give each
     *     line of the extra order at least one minor unit
     * @param value the order's (or each regular order's) total, positive
     * @return a new fixture; this one is unchanged
     */
    public CustomerFixture worth(Money value) {
        requireNonNull(value, "value");
        checkArgument(value.isPositive(), "order value must be positive, got %s", value);
        CustomerFixture next = new CustomerFixture(this);
        if (lastOrder == REGULAR_ORDERS) {
            next.orderValue = value;
        } else {
            List<Function<Instant, CustomerEvent>> copy = new ArrayList<>(extras);
            copy.set(lastOrder, ((ExtraOrder) extras.get(lastOrder)).worth(value));
            next.extras = List.copyOf(copy);
        }
        return next;
    }

    /**
     * The regular orders buy these products in turn, one per order, the first on the oldest order.
     *
     * @param productIds the products, at least one
     * @return a new fixture; this one is unchanged
     */
    public CustomerFixture buying(String... productIds) {
        checkArgument(productIds.length >= 1, "buying needs at least one product");
        List<ProductId> ids = new ArrayList<>();
        for (String p : productIds) {
            ids.add(ProductId.of(p));
        }
        CustomerFixture next = regular();
        next.products = List.copyOf(ids);
        return next;
    }

    /**
     * One more order at {@code at}: one unit of each product, each line worth the regular order
     * value unless a {@link #worth} follows.
     *
     * @param at when the order was placed
     * @param productIds the products, one line each, at least one
     * @return a new fixture; this one is unchanged
     */
    public CustomerFixture ordered(Instant at, String... productIds) {
        requireNonNull(at, "at");
        return ordered(now -> at, productIds);
    }

    /**
     * One more order {@code days} days before now: one unit of each product, each line worth the
     * regular order value unless a {@link #worth} follows.
     *
     * @param days days before now, not negative
     * @param productIds the products, one line each, at least one
     * @return a new fixture; this one is unchanged
     */
    public CustomerFixture orderedDaysAgo(long days, String... productIds) {
        checkArgument(days >= 0, "days ago must not be negative, got %s", days);
        return ordered(now -> now.minus(Duration.ofDays(days)), productIds);
    }

    /**
     * A view of the product at {@code at}.
     *
     * @param productId the product viewed
     * @param at when
     * @return a new fixture; this one is unchanged
     */
    public CustomerFixture viewed(String productId, Instant at) {
        requireNonNull(at, "at");
        return viewed(productId, now -> at);
    }

    /**
     * A view of the product {@code ago} before now.
     *
     * @param productId the product viewed
     * @param ago how long before now, not negative
     * @return a new fixture; this one is unchanged
     */
    public CustomerFixture viewedAgo(String productId, Duration ago) {
        requireNonNull(ago, "ago");
        checkArgument(!ago.isNegative(), "ago must not be negative, got %s", ago);
        return viewed(productId, now -> now.minus(ago));
    }

    /**
     * A view of the product {@code days} days before now.
     *
     * @param productId the product viewed
     * @param days days before now, not negative
     * @return a new fixture; this one is unchanged
     */
    public CustomerFixture viewedDaysAgo(String productId, long days) {
        checkArgument(days >= 0, "days ago must not be negative, got %s", days);
        return viewedAgo(productId, Duration.ofDays(days));
    }

    /**
     * A custom event (e.g. {@code "loyalty-joined"}) at {@code at}.
     *
     * @param eventName the custom event's name
     * @param at when
     * @return a new fixture; this one is unchanged
     */
    public CustomerFixture did(String eventName, Instant at) {
        requireNonNull(eventName, "eventName");
        requireNonNull(at, "at");
        int n = extras.size() + 1;
        return withExtra(now -> new CustomEvent(id.value() + "-custom-" + n, id, at, eventName));
    }

    /**
     * No email consent: the engine suppresses email to this customer.
     *
     * @return a new fixture; this one is unchanged
     */
    public CustomerFixture withoutEmailConsent() {
        CustomerFixture next = new CustomerFixture(this);
        next.emailConsent = false;
        return next;
    }

    /**
     * The profile's email address, where the engine sends email (default {@code ID@example.com}).
     *
     * @param email the address, containing {@code @}
     * @return a new fixture; this one is unchanged
     */
    public CustomerFixture withEmail(String email) {
        checkArgument(email != null && email.contains("@"), "email must contain '@', got %s", email);
        CustomerFixture next = new CustomerFixture(this);
        next.email = Optional.of(email);
        return next;
    }

    /**
     * No email address in the profile (consent or not): the engine sends this customer no email and
     * records each such decision as suppressed ({@code NO_CONTACT_POINT}, "no email address").
     *
     * @return a new fixture; this one is unchanged
     */
    public CustomerFixture withoutEmail() {
        CustomerFixture next = new CustomerFixture(this);
        next.email = Optional.empty();
        return next;
    }

    /**
     * The profile's phone number, where the engine sends SMS (default none).
     *
     * @param phone the number, not blank
     * @return a new fixture; this one is unchanged
     */
    public CustomerFixture withPhone(String phone) {
        checkArgument(phone != null && !phone.isBlank(), "phone must not be blank, got '%s'", phone);
        CustomerFixture next = new CustomerFixture(this);
        next.phone = Optional.of(phone);
        return next;
    }

    /**
     * The customer's time zone, for quiet hours and birthdays.
     *
     * @param zone the zone (default UTC)
     * @return a new fixture; this one is unchanged
     */
    public CustomerFixture inZone(ZoneId zone) {
        requireNonNull(zone, "zone");
        CustomerFixture next = new CustomerFixture(this);
        next.zone = zone;
        return next;
    }

    /**
     * A custom attribute of the profile, for segment conditions on attributes.
     *
     * @param name the attribute's name
     * @param value its value; replaces an earlier value of the name
     * @return a new fixture; this one is unchanged
     */
    public CustomerFixture withAttribute(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(attributes);
        copy.put(requireNonNull(name, "name"), requireNonNull(value, "value"));
        CustomerFixture next = new CustomerFixture(this);
        next.attributes = Map.copyOf(copy);
        return next;
    }

    /**
     * The customer's events as of {@code now}, in time order (ties keep the order they were added).
     *
     * @param now the instant the fixture's "days ago" count back from
     * @return the events, an immutable list
     */
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

    /**
     * The customer's history as of {@code now}.
     *
     * @param now the instant the fixture's "days ago" count back from
     * @return the history of {@link #events(Instant)}
     */
    public CustomerHistory history(Instant now) {
        return CustomerHistory.of(id, events(now));
    }

    /**
     * The customer's profile as of {@code now} (see the class comment for the sign-up time).
     *
     * @param now the instant the fixture's "days ago" count back from
     * @return the profile
     */
    public CustomerProfile profile(Instant now) {
        Instant signedUp = now.minus(DEFAULT_SIGNUP_AGE);
        for (CustomerEvent event : events(now)) {
            if (event.occurredAt().isBefore(signedUp)) {
                signedUp = event.occurredAt();
            }
        }
        CustomerProfile.Builder b = CustomerProfile.builder(id).signedUpAt(signedUp).zone(zone);
        email.ifPresent(b::email);
        phone.ifPresent(b::phone);
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

    /** A copy whose next {@link #worth} prices the regular orders. */
    private CustomerFixture regular() {
        CustomerFixture next = new CustomerFixture(this);
        next.lastOrder = REGULAR_ORDERS;
        return next;
    }

    private CustomerFixture ordered(Function<Instant, Instant> at, String... productIds) {
        checkArgument(productIds.length >= 1, "an order needs at least one product");
        List<ProductId> items = new ArrayList<>();
        for (String p : productIds) {
            items.add(ProductId.of(p));
        }
        int n = extras.size() + 1;
        CustomerFixture next = withExtra(new ExtraOrder(id, n, at, List.copyOf(items), orderValue.times(items.size())));
        next.lastOrder = n - 1;
        return next;
    }

    private CustomerFixture viewed(String productId, Function<Instant, Instant> at) {
        ProductId product = ProductId.of(productId);
        int n = extras.size() + 1;
        return withExtra(now -> new ProductViewed(id.value() + "-view-" + n, id, at.apply(now), product));
    }

    private CustomerFixture withExtra(Function<Instant, CustomerEvent> extra) {
        List<Function<Instant, CustomerEvent>> copy = new ArrayList<>(extras);
        copy.add(extra);
        CustomerFixture next = new CustomerFixture(this);
        next.extras = List.copyOf(copy);
        return next;
    }

    /** An extra order, kept as data so that a following {@link #worth} can price it. */
    private record ExtraOrder(CustomerId id, int n, Function<Instant, Instant> at, List<ProductId> products,
            Money total) implements Function<Instant, CustomerEvent> {

        ExtraOrder worth(Money value) {
            long lines = products.size();
            checkArgument(value.minorUnits() >= lines,
                    "order value %s is too small to share among %s lines (one minor unit each at least)", value,
                    lines);
            return new ExtraOrder(id, n, at, products, value);
        }

        @Override
        public CustomerEvent apply(Instant now) {
            long lines = products.size();
            long share = total.minorUnits() / lines;
            long odd = total.minorUnits() % lines;
            List<LineItem> items = new ArrayList<>();
            for (int i = 0; i < products.size(); i++) {
                Money amount = Money.ofMinor(share + (i < odd ? 1 : 0), total.currency());
                items.add(new LineItem(products.get(i), 1, amount));
            }
            return new OrderPlaced(id.value() + "-extra-order-" + n, id, at.apply(now),
                    OrderId.of(id.value() + "-x" + n), items, total);
        }
    }
}
