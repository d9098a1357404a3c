package dev.retention.rules.segment;

import dev.retention.core.ProductId;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.event.LineItem;
import dev.retention.core.event.OrderPlaced;
import dev.retention.core.event.OrderRefunded;
import dev.retention.core.event.ProductViewed;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A second, plain-Java evaluation of condition trees, independent of the library's: it loops over
 * the customer's event list and the profile's attributes as the conditions' Javadoc describes them,
 * and uses none of {@code CustomerHistory}'s queries, {@code Window}, {@code CountBound} or
 * {@code Comparison}. The oracle of the segment properties, for the conditions {@link #knows}.
 */
final class PlainConditions {
    private static final long NANOS_PER_DAY = 86_400_000_000_000L;

    private PlainConditions() {}

    /** Whether this oracle evaluates the condition and every part of it. */
    static boolean knows(Condition condition) {
        if (condition instanceof AllOf all) {
            return all.conditions().stream().allMatch(PlainConditions::knows);
        } else if (condition instanceof AnyOf any) {
            return any.conditions().stream().allMatch(PlainConditions::knows);
        } else if (condition instanceof AtLeastOf atLeast) {
            return atLeast.conditions().stream().allMatch(PlainConditions::knows);
        } else if (condition instanceof Not not) {
            return knows(not.condition());
        }
        return condition instanceof OrderCount || condition instanceof NetSpend || condition instanceof ViewCount
                || condition instanceof Bought || condition instanceof DaysSinceLastOrder
                || condition instanceof AttributeEquals || condition instanceof AttributeIn
                || condition instanceof AttributePresent;
    }

    /** The verdict for a customer with these events and attributes at {@code now}; categories as {@code categories} says. */
    static boolean holds(Condition condition, List<CustomerEvent> events, Map<String, String> attributes, Instant now,
            Map<String, Set<String>> categories) {
        Input in = new Input(events.stream().filter(e -> !e.occurredAt().isAfter(now)).toList(), attributes, now,
                categories);
        return in.holds(condition);
    }

    private record Input(List<CustomerEvent> events, Map<String, String> attributes, Instant now,
            Map<String, Set<String>> categories) {

        boolean holds(Condition condition) {
            if (condition instanceof AllOf all) {
                boolean every = true;
                for (Condition c : all.conditions()) {
                    every &= holds(c);
                }
                return every;
            } else if (condition instanceof AnyOf any) {
                boolean some = false;
                for (Condition c : any.conditions()) {
                    some |= holds(c);
                }
                return some;
            } else if (condition instanceof AtLeastOf atLeast) {
                int met = 0;
                for (Condition c : atLeast.conditions()) {
                    met += holds(c) ? 1 : 0;
                }
                return met >= atLeast.k();
            } else if (condition instanceof Not not) {
                return !holds(not.condition());
            } else if (condition instanceof OrderCount c) {
                long orders = events.stream().filter(e -> e instanceof OrderPlaced && inWindow(e, c.window())).count();
                return compare(orders, c.bound().comparison(), c.bound().value());
            } else if (condition instanceof NetSpend c) {
                long net = 0;
                for (CustomerEvent e : events) {
                    if (e instanceof OrderPlaced o && inWindow(e, c.window())
                            && o.total().currency().equals(c.bound().amount().currency())) {
                        net += o.total().minorUnits();
                    } else if (e instanceof OrderRefunded r && inWindow(e, c.window())
                            && r.amount().currency().equals(c.bound().amount().currency())) {
                        net -= r.amount().minorUnits();
                    }
                }
                return compare(net, c.bound().comparison(), c.bound().amount().minorUnits());
            } else if (condition instanceof ViewCount c) {
                long views = events.stream().filter(e -> e instanceof ProductViewed v && inWindow(e, c.window())
                        && selected(v.productId(), c.products())).count();
                return compare(views, c.bound().comparison(), c.bound().value());
            } else if (condition instanceof Bought c) {
                for (CustomerEvent e : events) {
                    if (e instanceof OrderPlaced o && inWindow(e, c.window())) {
                        if (c.products().ids().isEmpty() && c.products().category().isEmpty()) {
                            return true;
                        }
                        for (LineItem line : o.items()) {
                            if (selected(line.productId(), c.products())) {
                                return true;
                            }
                        }
                    }
                }
                return false;
            } else if (condition instanceof DaysSinceLastOrder c) {
                Optional<Instant> last = lastOrder();
                if (last.isEmpty()) {
                    return false;
                }
                long nanos = (now.getEpochSecond() - last.get().getEpochSecond()) * 1_000_000_000L
                        + now.getNano() - last.get().getNano();
                return compare(nanos / NANOS_PER_DAY, c.bound().comparison(), c.bound().value());
            } else if (condition instanceof AttributeEquals c) {
                return c.value().equals(attributes.get(c.name()));
            } else if (condition instanceof AttributeIn c) {
                return attributes.containsKey(c.name()) && c.values().contains(attributes.get(c.name()));
            } else if (condition instanceof AttributePresent c) {
                return attributes.containsKey(c.name());
            }
            throw new IllegalArgumentException("the plain evaluation does not know " + condition);
        }

        /** At or before now (the list has nothing later), and at or after the window's start. */
        private boolean inWindow(CustomerEvent e, Window window) {
            Instant at = e.occurredAt();
            return switch (window.kind()) {
                case EVER -> true;
                case LAST -> !at.isBefore(now.minus(window.length()));
                case LAST_CALENDAR -> !at.isBefore(
                        now.atOffset(java.time.ZoneOffset.UTC).minus(window.calendarLength()).toInstant());
                case SINCE_LAST_ORDER -> lastOrder().map(at::isAfter).orElse(true);
            };
        }

        private Optional<Instant> lastOrder() {
            Instant last = null;
            for (CustomerEvent e : events) {
                if (e instanceof OrderPlaced && (last == null || e.occurredAt().isAfter(last))) {
                    last = e.occurredAt();
                }
            }
            return Optional.ofNullable(last);
        }

        private boolean selected(ProductId product, Products products) {
            if (products.category().isPresent()) {
                return categories.getOrDefault(product.value(), Set.of()).contains(products.category().get());
            }
            return products.ids().isEmpty() || products.ids().contains(product);
        }
    }

    private static boolean compare(long observed, Comparison comparison, long threshold) {
        return switch (comparison) {
            case AT_LEAST -> observed >= threshold;
            case AT_MOST -> observed <= threshold;
            case MORE_THAN -> observed > threshold;
            case LESS_THAN -> observed < threshold;
            case EXACTLY -> observed == threshold;
        };
    }
}
