package dev.retention.core.internal;

import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;

/** Maps ISO currencies to small codes for an int column; a constant table, not state. */
public final class Currencies {
    private static final Currency[] ALL = Currency.getAvailableCurrencies().stream()
            .sorted(Comparator.comparing(Currency::getCurrencyCode))
            .toArray(Currency[]::new);

    /**
     * Each currency's code, for the lookups on every money query (a lifetime-spend condition asks
     * one per customer): a hash lookup where the binary search compared about eight code strings.
     */
    private static final Map<Currency, Integer> CODES = new HashMap<>();

    static {
        for (int i = 0; i < ALL.length; i++) {
            CODES.put(ALL[i], i);
        }
    }

    private Currencies() {}

    public static int code(Currency currency) {
        Integer known = CODES.get(currency);
        return known != null ? known : search(currency);
    }

    private static int search(Currency currency) {
        int lo = 0;
        int hi = ALL.length - 1;
        String key = currency.getCurrencyCode();
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int cmp = ALL[mid].getCurrencyCode().compareTo(key);
            if (cmp == 0) {
                return mid;
            } else if (cmp < 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        throw new IllegalArgumentException("unknown currency " + currency);
    }

    public static Currency get(int code) {
        return ALL[code];
    }
}
