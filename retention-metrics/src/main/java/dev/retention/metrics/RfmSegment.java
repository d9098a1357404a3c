package dev.retention.metrics;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * The usual named RFM segments, from the recency score R and the frequency score F (the common
 * R-F grid; the monetary score ranks customers within a segment but does not change it):
 *
 * <table>
 *   <caption>segment rules</caption>
 *   <tr><th>segment</th><th>R</th><th>F</th></tr>
 *   <tr><td>champions</td><td>5</td><td>4-5</td></tr>
 *   <tr><td>loyal</td><td>3-4</td><td>4-5</td></tr>
 *   <tr><td>potential loyalist</td><td>4-5</td><td>2-3</td></tr>
 *   <tr><td>new customers</td><td>5</td><td>1</td></tr>
 *   <tr><td>promising</td><td>4</td><td>1</td></tr>
 *   <tr><td>need attention</td><td>3</td><td>3</td></tr>
 *   <tr><td>about to sleep</td><td>3</td><td>1-2</td></tr>
 *   <tr><td>at risk</td><td>1-2</td><td>3-4</td></tr>
 *   <tr><td>can't lose them</td><td>1-2</td><td>5</td></tr>
 *   <tr><td>hibernating</td><td>2</td><td>1-2</td></tr>
 *   <tr><td>lost</td><td>1</td><td>1-2</td></tr>
 * </table>
 * Every (R, F) pair has exactly one segment.
 */
public enum RfmSegment {
    /** R 5, F 4-5: bought very recently and often; the best customers. */
    CHAMPIONS,
    /** R 3-4, F 4-5: buy often, but not in the most recent fifth. */
    LOYAL,
    /** R 4-5, F 2-3: recent customers with a few orders, who may become loyal. */
    POTENTIAL_LOYALIST,
    /** R 5, F 1: ordered very recently, but rarely (usually their first order). */
    NEW_CUSTOMERS,
    /** R 4, F 1: a fairly recent order, but few of them (usually one). */
    PROMISING,
    /** R 3, F 3: middling in both; they could go either way. */
    NEED_ATTENTION,
    /** R 3, F 1-2: few orders, and the last is no longer recent. */
    ABOUT_TO_SLEEP,
    /** R 1-2, F 3-4: ordered often, but long ago. */
    AT_RISK,
    /** R 1-2, F 5: among the most frequent buyers, but long gone: the first win-back target. */
    CANNOT_LOSE_THEM,
    /** R 2, F 1-2: few orders, long ago. */
    HIBERNATING,
    /** R 1, F 1-2: few orders, and the longest ago. */
    LOST;

    /**
     * The segment of a recency and a frequency score, as in the table above.
     *
     * @param recency the recency score, 1..5 (5 for the most recent)
     * @param frequency the frequency score, 1..5 (5 for the most orders)
     * @return the one segment of that pair
     * @throws IllegalArgumentException if a score is outside 1..5
     */
    public static RfmSegment of(int recency, int frequency) {
        checkArgument(recency >= 1 && recency <= 5, "recency score must be 1..5, got %s", recency);
        checkArgument(frequency >= 1 && frequency <= 5, "frequency score must be 1..5, got %s", frequency);
        if (recency <= 2) {
            if (frequency == 5) {
                return CANNOT_LOSE_THEM;
            }
            if (frequency >= 3) {
                return AT_RISK;
            }
            return recency == 2 ? HIBERNATING : LOST;
        }
        if (frequency >= 4) {
            return recency == 5 ? CHAMPIONS : LOYAL;
        }
        if (recency == 3) {
            return frequency == 3 ? NEED_ATTENTION : ABOUT_TO_SLEEP;
        }
        if (frequency >= 2) {
            return POTENTIAL_LOYALIST;
        }
        return recency == 5 ? NEW_CUSTOMERS : PROMISING;
    }
}
