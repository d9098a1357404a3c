package dev.retention.metrics;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.core.internal.Nanos;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cohort retention matrix: customers grouped by month (or week) of first order; share active in each
 * later period.
 *
 * <p>Row {@code r} is the cohort of customers whose first order falls in the period starting
 * {@link Cohort#start}; {@code active.get(k)} is how many of them ordered in the k-th period after
 * it (k = 0 is the cohort's own period, where all of them ordered). Periods are counted up to the
 * one holding the last instant before {@code asOf}; the last column may therefore cover part of a
 * period. Only orders before {@code asOf} count. Rows are in time order; periods without new
 * customers have no row.
 *
 * @param granularity month or week
 * @param asOf the exclusive end of the data the matrix sees
 * @param cohorts the rows, oldest first
 */
public record CohortMatrix(CohortGranularity granularity, Instant asOf, List<Cohort> cohorts) {

    private static final long NANOS_PER_DAY = 86_400_000_000_000L;

    /**
     * Holds the rows as given (copied); {@link #of} computes them from an order log.
     *
     * @param granularity month or week
     * @param asOf the exclusive end of the data the matrix sees
     * @param cohorts the rows, oldest first
     */
    public CohortMatrix {
        requireNonNull(granularity, "granularity");
        requireNonNull(asOf, "asOf");
        cohorts = List.copyOf(requireNonNull(cohorts, "cohorts"));
    }

    /**
     * One cohort: its first period, its size and the active customers per later period.
     *
     * @param start the first day of the period of first order (UTC)
     * @param customers customers whose first order is in that period
     * @param active customers of the cohort with an order in period k after it, k = 0, 1, ...
     */
    public record Cohort(LocalDate start, long customers, List<Long> active) {

        /**
         * Checks the counts.
         *
         * @param start the first day of the period of first order (UTC)
         * @param customers customers whose first order is in that period, at least one
         * @param active customers of the cohort with an order in period k after it, each between 0
         *     and {@code customers}
         * @throws IllegalArgumentException if the cohort is empty or an active count is out of range
         */
        public Cohort {
            requireNonNull(start, "start");
            active = List.copyOf(requireNonNull(active, "active"));
            checkArgument(customers > 0, "a cohort has at least one customer, got %s", customers);
            for (long a : active) {
                checkArgument(a >= 0 && a <= customers, "active must be between 0 and %s, got %s", customers, a);
            }
        }

        /**
         * The share of the cohort that ordered in the k-th period after its first: the retention
         * curve of the cohort. A customer counts once per period however often they ordered in it,
         * and may be active in period 3 without being active in period 2.
         *
         * @param k the period offset, 0 for the cohort's own period
         * @return active(k) / customers, between 0 and 1; 1 for k = 0 in a matrix made by {@link #of}
         * @throws IllegalArgumentException if {@code k} is negative or not below {@code active().size()}
         */
        public double share(int k) {
            checkArgument(k >= 0 && k < active.size(), "period offset must be between 0 and %s, got %s",
                    active.size() - 1, k);
            return (double) active.get(k) / customers;
        }

        /**
         * All shares, for a chart or a table row.
         *
         * @return {@link #share share(k)} for every k, offset 0 first; an immutable list as long as
         *     {@code active}
         */
        public List<Double> shares() {
            List<Double> out = new ArrayList<>(active.size());
            for (int k = 0; k < active.size(); k++) {
                out.add(share(k));
            }
            return List.copyOf(out);
        }
    }

    /**
     * The matrix of every order before {@code asOf}, in every currency; refunds do not matter. The
     * rows form a triangle: each row has one column per period from its own up to the period holding
     * the last instant before {@code asOf}, so younger cohorts have shorter rows. Periods up to
     * {@code asOf} get columns even when nobody ordered in them, and the last one may cover only part
     * of its period.
     *
     * @param log the orders
     * @param granularity calendar months or ISO weeks, in UTC
     * @param asOf the end of the data, excluded: an order at {@code asOf} does not count
     * @return the matrix; without cohorts if no order is before {@code asOf}
     */
    public static CohortMatrix of(OrderLog log, CohortGranularity granularity, Instant asOf) {
        requireNonNull(log, "log");
        requireNonNull(granularity, "granularity");
        requireNonNull(asOf, "asOf");
        int end = log.firstOrderRow(asOf);
        if (end == 0) {
            return new CohortMatrix(granularity, asOf, List.of());
        }
        long firstBucket = bucket(granularity, log.orderTime[0]);
        int periods = (int) (bucket(granularity, log.orderTime[end - 1]) - firstBucket + 1);
        long lastBucket = bucket(granularity, Nanos.clamped(asOf) - 1);
        int columns = (int) (lastBucket - firstBucket + 1);
        long[] size = new long[periods];
        long[][] active = new long[periods][];
        int[] cohortOf = new int[log.customerCount()];
        long[] lastCounted = new long[log.customerCount()];
        Arrays.fill(cohortOf, -1);
        for (int i = 0; i < end; i++) {
            int c = log.orderCustomer[i];
            int b = (int) (bucket(granularity, log.orderTime[i]) - firstBucket);
            if (cohortOf[c] < 0) {
                cohortOf[c] = b;
                size[b]++;
                if (active[b] == null) {
                    active[b] = new long[columns - b];
                }
                active[b][0]++;
                lastCounted[c] = b;
            } else if (lastCounted[c] != b) {
                // orders come in time order, so each customer's periods only grow
                active[cohortOf[c]][b - cohortOf[c]]++;
                lastCounted[c] = b;
            }
        }
        List<Cohort> rows = new ArrayList<>();
        for (int b = 0; b < periods; b++) {
            if (size[b] > 0) {
                List<Long> counts = new ArrayList<>(active[b].length);
                for (long a : active[b]) {
                    counts.add(a);
                }
                rows.add(new Cohort(granularity.start(firstBucket + b), size[b], counts));
            }
        }
        return new CohortMatrix(granularity, asOf, rows);
    }

    private static long bucket(CohortGranularity granularity, long nanos) {
        return granularity.bucket(Math.floorDiv(nanos, NANOS_PER_DAY));
    }
}
