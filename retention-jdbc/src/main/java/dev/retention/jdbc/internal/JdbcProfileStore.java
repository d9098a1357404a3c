package dev.retention.jdbc.internal;

import static java.util.Objects.requireNonNull;

import dev.retention.core.CustomerId;
import dev.retention.core.profile.CustomerProfile;
import dev.retention.core.store.ProfileStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The profiles over JDBC: one row per customer, the profile as JSON. Thread-safe: a put holds its customer. */
public final class JdbcProfileStore implements ProfileStore {
    private final Database db;
    private final String profiles;

    /**
     * The profile view of a store.
     *
     * @param db the store's transactions
     */
    public JdbcProfileStore(Database db) {
        this.db = requireNonNull(db, "db");
        this.profiles = db.table("profiles");
    }

    @Override
    public void put(CustomerProfile profile) {
        requireNonNull(profile, "profile");
        String customer = profile.customerId().value();
        db.dialect().checkStorable("customerId", customer);
        String body = Codec.profile(profile);
        db.write("the profile of customer " + customer, profile.customerId(), c -> {
            Summaries.delete(c, "DELETE FROM " + profiles + " WHERE customer_id = ?", customer);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO " + profiles + " (customer_id, body) VALUES (?, ?)")) {
                s.setString(1, customer);
                s.setString(2, body);
                s.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<CustomerProfile> find(CustomerId customerId) {
        requireNonNull(customerId, "customerId");
        if (!db.dialect().canStore(customerId.value())) {
            return Optional.empty();
        }
        return db.read("the profile of customer " + customerId.value(), c -> find(c, customerId));
    }

    /**
     * The customer's profile on the caller's transaction.
     *
     * @param c the connection
     * @param customerId the customer
     * @return the profile, if one was put
     * @throws SQLException if the query fails
     */
    public Optional<CustomerProfile> find(Connection c, CustomerId customerId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT body FROM " + profiles + " WHERE customer_id = ?")) {
            s.setString(1, customerId.value());
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(Codec.profile(customerId.value(), r.getString(1))) : Optional.empty();
            }
        }
    }

    @Override
    public Stream<CustomerProfile> profiles() {
        return Pages.of(db, "the profiles", (c, after, limit) -> {
            List<CustomerProfile> page = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT customer_id, body FROM " + profiles
                    + (after == null ? "" : " WHERE customer_id > ?") + " ORDER BY customer_id LIMIT " + limit)) {
                if (after != null) {
                    s.setString(1, after);
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        page.add(Codec.profile(r.getString(1), r.getString(2)));
                    }
                }
            }
            return page;
        }, p -> p.customerId().value());
    }

    @Override
    public long size() {
        return db.read("the profile count", c -> Summaries.sum(c, "SELECT COUNT(*) FROM " + profiles));
    }

    @Override
    public boolean erase(CustomerId customerId) {
        requireNonNull(customerId, "customerId");
        if (!db.dialect().canStore(customerId.value())) {
            return false;
        }
        return db.write("the erasure of the profile of customer " + customerId.value(), customerId,
                c -> eraseIn(c, customerId.value()) > 0);
    }

    int eraseIn(Connection c, String customer) throws SQLException {
        return Summaries.delete(c, "DELETE FROM " + profiles + " WHERE customer_id = ?", customer);
    }
}
