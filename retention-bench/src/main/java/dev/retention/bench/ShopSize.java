package dev.retention.bench;

/** The benchmark shop sizes: about 25 events per customer over two years. */
public enum ShopSize {
    /** 10k customers: the CI smoke run. */
    SMALL(10_000),
    MEDIUM(100_000),
    /** 1M customers, about 25M events. */
    LARGE(1_000_000);

    private final int customers;

    ShopSize(int customers) {
        this.customers = customers;
    }

    public int customers() {
        return customers;
    }

    public static ShopSize parse(String name) {
        return valueOf(name.strip().toUpperCase(java.util.Locale.ROOT));
    }
}
