package dev.retention.rules.customer;

import dev.retention.core.event.CustomerEvent;
import dev.retention.core.profile.CustomerProfile;
import dev.retention.rules.campaign.FireEntry;
import dev.retention.rules.loyalty.LedgerEntry;
import java.util.Optional;

/**
 * Receives one customer's state part by part from {@link CustomerStateStore#exportTo}, so that an
 * export can be written while it is read instead of after the whole state sits in memory. The parts
 * come in this order, each call once unless said otherwise: {@link #event} for every event in time
 * order (the order of {@code CustomerHistory.events()}), {@link #profile}, {@link #decision} for
 * every fire-log entry in the order recorded, {@link #ledgerVersion}, then {@link #ledgerEntry} for
 * every ledger entry in {@code LedgerEntry.TIME_ORDER}. An exception thrown by a method ends the
 * export and is thrown from {@code exportTo}.
 */
public interface CustomerStateSink {

    /**
     * One event of the customer; called for each, in time order, before everything else.
     *
     * @param event the event
     */
    void event(CustomerEvent event);

    /**
     * The customer's profile, once, after the events.
     *
     * @param profile the stored profile, empty if none
     */
    void profile(Optional<CustomerProfile> profile);

    /**
     * One fire-log entry of the customer; called for each, in the order recorded, after the profile.
     *
     * @param entry the entry
     */
    void decision(FireEntry entry);

    /**
     * The version of the customer's ledger, once, after the decisions.
     *
     * @param version the ledger's version, 0 for a customer without entries
     */
    void ledgerVersion(long version);

    /**
     * One ledger entry of the customer; called for each, in time order, last.
     *
     * @param entry the entry
     */
    void ledgerEntry(LedgerEntry entry);
}
