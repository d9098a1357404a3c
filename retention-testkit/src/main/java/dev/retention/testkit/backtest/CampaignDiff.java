package dev.retention.testkit.backtest;

import static java.util.Objects.requireNonNull;

import dev.retention.core.CustomerId;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.store.EventStore;
import dev.retention.rules.campaign.Campaign;
import dev.retention.rules.campaign.FireEntry;
import dev.retention.rules.campaign.FireStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Old campaign against new over a replayed period: each is {@linkplain Backtest backtested} on its
 * own over the same log and period, and the messages sent are compared. A message is the same in
 * both when it goes to the same customer, at the same step, with the same template, at the same
 * instant; so a changed template shows as one message dropped and one added. Immutable.
 */
public final class CampaignDiff {
    private final Campaign before;
    private final Campaign after;
    private final Backtest base;

    CampaignDiff(Campaign before, Campaign after) {
        this(before, after, null);
    }

    private CampaignDiff(Campaign before, Campaign after, Backtest base) {
        this.before = before;
        this.after = after;
        this.base = base;
    }

    /**
     * The log both campaigns are replayed over; see {@link Backtest#over(Collection)}.
     *
     * @param events the log, in any order
     * @return a new diff over that log
     */
    public CampaignDiff over(Collection<? extends CustomerEvent> events) {
        return new CampaignDiff(before, after, Backtest.of(before).over(events));
    }

    /**
     * The log both campaigns are replayed over: every event of the store; see {@link
     * Backtest#over(EventStore)}.
     *
     * @param events the store
     * @return a new diff over that store's events
     */
    public CampaignDiff over(EventStore events) {
        return new CampaignDiff(before, after, Backtest.of(before).over(events));
    }

    /**
     * The start of the replay; see {@link Backtest#from}.
     *
     * @param from the start of the replay (inclusive)
     * @return the diff with its start, to run with {@link Replay#to}
     * @throws IllegalArgumentException if {@link #over} was not called
     */
    public Replay from(Instant from) {
        if (base == null) {
            throw new IllegalArgumentException("no event log: call over(...) before from(...)");
        }
        return new Replay(base.from(requireNonNull(from, "from")));
    }

    /** A diff with its start; {@link #to} runs both backtests. */
    public final class Replay {
        private final Backtest configured;

        private Replay(Backtest configured) {
            this.configured = configured;
        }

        /**
         * Replays {@code [from, to)} with the old campaign, then with the new one, and compares what they sent.
         *
         * @param to the end of the replay (exclusive)
         * @return both backtests and the messages added and dropped
         */
        public Result to(Instant to) {
            BacktestResult old = configured.to(to);
            BacktestResult now = configured.campaigns(List.of(after)).to(to);
            Set<Sent> oldSent = sent(old);
            Set<Sent> newSent = sent(now);
            return new Result(old, now, difference(newSent, oldSent), difference(oldSent, newSent));
        }
    }

    private static Set<Sent> sent(BacktestResult result) {
        Set<Sent> out = new LinkedHashSet<>();
        for (FireEntry e : result.decisions()) {
            if (e.status() == FireStatus.SENT) {
                out.add(new Sent(e.customerId(), e.step(), e.message().templateId(), e.updatedAt()));
            }
        }
        return out;
    }

    private static List<Sent> difference(Set<Sent> a, Set<Sent> b) {
        return a.stream().filter(s -> !b.contains(s))
                .sorted(Comparator.comparing(Sent::sentAt).thenComparing(Sent::customerId).thenComparingInt(Sent::step))
                .toList();
    }

    /**
     * One message a backtest sent.
     *
     * @param step the step of the campaign's sequence, from 0
     * @param sentAt when the replayed engine sent it
     */
    public record Sent(CustomerId customerId, int step, String templateId, Instant sentAt) {
        /**
         * Checks that the parts are given.
         *
         * @param customerId the customer
         * @param step the step
         * @param templateId the template
         * @param sentAt when
         */
        public Sent {
            requireNonNull(customerId, "customerId");
            requireNonNull(templateId, "templateId");
            requireNonNull(sentAt, "sentAt");
        }
    }

    /**
     * Both backtests and what differs.
     *
     * @param added messages only the new campaign sends, by time
     * @param dropped messages only the old campaign sends, by time
     */
    public record Result(BacktestResult before, BacktestResult after, List<Sent> added, List<Sent> dropped) {
        /**
         * Copies the lists.
         *
         * @param before the old campaign's backtest
         * @param after the new campaign's backtest
         * @param added messages only the new campaign sends
         * @param dropped messages only the old campaign sends
         */
        public Result {
            requireNonNull(before, "before");
            requireNonNull(after, "after");
            added = List.copyOf(added);
            dropped = List.copyOf(dropped);
        }
    }
}
