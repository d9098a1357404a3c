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
    CHAMPIONS,
    LOYAL,
    POTENTIAL_LOYALIST,
    NEW_CUSTOMERS,
    PROMISING,
    NEED_ATTENTION,
    ABOUT_TO_SLEEP,
    AT_RISK,
    CANNOT_LOSE_THEM,
    HIBERNATING,
    LOST;

    /** The segment of a recency and a frequency score, each 1..5. */
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
