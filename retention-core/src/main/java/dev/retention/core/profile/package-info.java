/**
 * What the shop knows about a customer besides events: {@link
 * dev.retention.core.profile.CustomerProfile} with contact points, birthday, time zone, {@link
 * dev.retention.core.profile.Consent} per {@link dev.retention.core.profile.Channel}, {@link
 * dev.retention.core.profile.AcquisitionSource} and free-form attributes. E-mail addresses and phone
 * numbers are personal data: no {@code toString} or exception message here shows them.
 */
package dev.retention.core.profile;
