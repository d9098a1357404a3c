package dev.retention.core.event;

import dev.retention.core.CustomerId;
import dev.retention.core.ProductId;
import dev.retention.core.internal.CustomerLog;
import dev.retention.core.internal.Dictionary;
import java.util.List;

/**
 * What a {@linkplain CustomerHistory#lend lent} history reads once its loan has ended: a log that
 * answers nothing, so a history kept past its customer's step throws instead of showing the live
 * log's later events. Overrides every public method of {@link CustomerLog} (a test checks that none
 * is missed, so an accessor added to the log later cannot answer here as an empty log would).
 */
final class EndedLoan extends CustomerLog {
    static final EndedLoan INSTANCE = new EndedLoan();

    private EndedLoan() {
        super("ended-loan", new Dictionary<>());
    }

    private static IllegalStateException ended() {
        return new IllegalStateException("this history was lent for one step of its customer and the step has ended;"
                + " keep a snapshot (EventStore.history) to read a history later");
    }

    @Override
    public void clear() {
        throw ended();
    }

    @Override
    public CustomerLog snapshot() {
        throw ended();
    }

    @Override
    public boolean append(CustomerEvent event) {
        throw ended();
    }

    @Override
    public CustomerId customerId() {
        throw ended();
    }

    @Override
    public boolean isCustomer(String customerId) {
        throw ended();
    }

    @Override
    public Dictionary<ProductId> products() {
        throw ended();
    }

    @Override
    public int touch() {
        throw ended();
    }

    @Override
    public int size() {
        throw ended();
    }

    @Override
    public int viewCount() {
        throw ended();
    }

    @Override
    public int viewsBefore(long nanos) {
        throw ended();
    }

    @Override
    public long viewTime(int row) {
        throw ended();
    }

    @Override
    public int viewProduct(int row) {
        throw ended();
    }

    @Override
    public int orderCount() {
        throw ended();
    }

    @Override
    public int ordersBefore(long nanos) {
        throw ended();
    }

    @Override
    public long orderTime(int row) {
        throw ended();
    }

    @Override
    public long orderTotal(int row) {
        throw ended();
    }

    @Override
    public int orderCurrency(int row) {
        throw ended();
    }

    @Override
    public int orderLineStart(int row) {
        throw ended();
    }

    @Override
    public int orderLineCount(int row) {
        throw ended();
    }

    @Override
    public String orderId(int row) {
        throw ended();
    }

    @Override
    public int lineProduct(int line) {
        throw ended();
    }

    @Override
    public int refundCount() {
        throw ended();
    }

    @Override
    public int refundsBefore(long nanos) {
        throw ended();
    }

    @Override
    public long refundTime(int row) {
        throw ended();
    }

    @Override
    public long refundAmount(int row) {
        throw ended();
    }

    @Override
    public int refundCurrency(int row) {
        throw ended();
    }

    @Override
    public String refundOrderId(int row) {
        throw ended();
    }

    @Override
    public int cartCount() {
        throw ended();
    }

    @Override
    public int cartsBefore(long nanos) {
        throw ended();
    }

    @Override
    public int customCount() {
        throw ended();
    }

    @Override
    public int customsBefore(long nanos) {
        throw ended();
    }

    @Override
    public CustomEvent customEvent(int row) {
        throw ended();
    }

    @Override
    public ProductViewed view(int row) {
        throw ended();
    }

    @Override
    public CartUpdated cart(int row) {
        throw ended();
    }

    @Override
    public OrderPlaced order(int row) {
        throw ended();
    }

    @Override
    public OrderRefunded refund(int row) {
        throw ended();
    }

    @Override
    public List<CustomerEvent> events() {
        throw ended();
    }

    @Override
    public long orderSum(int currency) {
        throw ended();
    }

    @Override
    public long refundSum(int currency) {
        throw ended();
    }

    @Override
    public int soleOrderCurrency() {
        throw ended();
    }

    @Override
    public void trimToSize() {
        throw ended();
    }

    @Override
    public long footprintBytes() {
        throw ended();
    }
}
