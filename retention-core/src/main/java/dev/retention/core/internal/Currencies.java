package dev.retention.core.internal;

import java.util.Comparator;
import java.util.Currency;

/** Maps ISO currencies to small codes for an int column; a constant table, not state. */
public final class Currencies {
    private static final Currency[] ALL = Currency.getAvailableCurrencies().stream()
            .sorted(Comparator.comparing(Currency::getCurrencyCode))
            .toArray(Currency[]::new);

    private Currencies() {}

    public static int code(Currency currency) {
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
