package dev.retention.core.send;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.core.profile.Channel;
import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What one step of a campaign will send, known before anything is sent: the campaign engine hands
 * one to {@link MessageSender#check} for every step (and every A/B variant) of its campaigns when
 * it is built, so a sender can refuse a template it does not have, or one that uses a field the
 * step's messages will not carry, before a customer would get a letter with a blank in it.
 *
 * @param campaignId the campaign, not blank
 * @param step the step's index, as the messages' {@code step} field holds it: 0 for the first message
 * @param channel the channel the step sends on
 * @param templateId the template the step's messages name, not blank
 * @param fields the personalisation fields every message of the step carries (the trigger's
 *     payload fields and the engine's own); a message may carry more (an optional incentive code),
 *     never fewer
 */
public record PlannedMessage(String campaignId, int step, Channel channel, String templateId, Set<String> fields) {

    /**
     * Checks the plan and copies the fields.
     *
     * @param campaignId the campaign, not blank
     * @param step the step's index, not negative
     * @param channel the channel
     * @param templateId the template, not blank
     * @param fields the fields every message carries; a sorted immutable copy is kept
     * @throws IllegalArgumentException if {@code campaignId} or {@code templateId} is blank, {@code step}
     *     is negative or a field name is blank
     * @throws NullPointerException if {@code channel}, {@code fields} or a field name is null
     */
    public PlannedMessage {
        checkArgument(campaignId != null && !campaignId.isBlank(), "campaignId must not be blank");
        checkArgument(step >= 0, "step must not be negative, got %s", step);
        requireNonNull(channel, "channel");
        checkArgument(templateId != null && !templateId.isBlank(), "templateId must not be blank");
        SortedSet<String> sorted = new TreeSet<>();
        for (String field : requireNonNull(fields, "fields")) {
            checkArgument(!requireNonNull(field, "field").isBlank(), "field names must not be blank, got '%s'", field);
            sorted.add(field);
        }
        fields = Collections.unmodifiableSortedSet(sorted);
    }
}
