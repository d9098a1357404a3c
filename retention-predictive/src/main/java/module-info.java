/** Predictive retention: BG/NBD and Gamma-Gamma models over customer summaries. */
module dev.retention.predictive {
    requires transitive dev.retention.core;
    requires com.google.common;

    exports dev.retention.predictive;
}
