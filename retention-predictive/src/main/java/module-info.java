/** Predictive retention: BG/NBD and Gamma-Gamma models over customer summaries, segment conditions and a trigger over them. */
module dev.retention.predictive {
    requires transitive dev.retention.core;
    requires transitive dev.retention.rules; // the conditions are segment conditions, the trigger a campaign trigger
    requires com.google.common;

    exports dev.retention.predictive;
}
