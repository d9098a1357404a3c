package dev.retention.rules.segment;

import static dev.retention.rules.segment.Conditions.acquiredFrom;
import static dev.retention.rules.segment.Conditions.attribute;
import static dev.retention.rules.segment.Conditions.birthdayWithin;
import static dev.retention.rules.segment.Conditions.cartAbandonedFor;
import static dev.retention.rules.segment.Conditions.consentGiven;
import static dev.retention.rules.segment.Conditions.customEvents;
import static dev.retention.rules.segment.Conditions.days;
import static dev.retention.rules.segment.Conditions.hours;
import static dev.retention.rules.segment.Conditions.signedUpWithin;
import static dev.retention.rules.segment.Shop.ANNA;
import static dev.retention.rules.segment.Shop.NOW;
import static dev.retention.rules.segment.Shop.anna;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.core.event.CustomerHistory;
import dev.retention.core.profile.AcquisitionSource;
import dev.retention.core.profile.Channel;
import dev.retention.core.profile.Consent;
import dev.retention.core.profile.CustomerProfile;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileAndEventConditionsTest {

    private static boolean test(Condition condition, CustomerProfile profile, Instant now) {
        return condition.test(CustomerHistory.empty(ANNA), profile, now);
    }

    private static CustomerProfile.Builder profile() {
        return CustomerProfile.builder(ANNA);
    }

    @Test
    void cartIdleForExactlyTheDurationIsAbandoned() {
        Condition abandoned = cartAbandonedFor(hours(2));
        assertThat(anna().cart(NOW.minus(hours(2)), "boot").test(abandoned)).isTrue();
        assertThat(anna().cart(NOW.minus(hours(2)).plusNanos(1), "boot").test(abandoned)).isFalse();
    }

    @Test
    void emptiedOrOrderedCartIsNotAbandoned() {
        Condition abandoned = cartAbandonedFor(hours(2));
        assertThat(anna().cart(NOW.minus(hours(5)), "boot").cart(NOW.minus(hours(4))).test(abandoned)).isFalse();
        assertThat(anna().cart(NOW.minus(hours(5)), "boot").order(NOW.minus(hours(4)), "10", "boot").test(abandoned))
                .isFalse();
        assertThat(anna().cart(NOW.minus(hours(5)), "boot").order(NOW.minus(hours(5)), "10", "boot").test(abandoned))
                .isFalse();
        assertThat(anna().order(NOW.minus(hours(6)), "10").cart(NOW.minus(hours(5)), "boot").test(abandoned)).isTrue();
        assertThat(anna().test(abandoned)).isFalse();
    }

    @Test
    void cartUpdatedAfterNowIsNotSeen() {
        Shop shop = anna().cart(NOW.minus(hours(5)), "boot").cart(NOW.plusSeconds(1));
        assertThat(shop.test(cartAbandonedFor(hours(2)))).isTrue();
    }

    @Test
    void attributeConditions() {
        CustomerProfile berlin = profile().attribute("city", "Berlin").attribute("age", "34").build();
        CustomerProfile none = profile().build();
        assertThat(test(attribute("city").equalTo("Berlin"), berlin, NOW)).isTrue();
        assertThat(test(attribute("city").equalTo("berlin"), berlin, NOW)).isFalse();
        assertThat(test(attribute("city").in("Paris", "Berlin"), berlin, NOW)).isTrue();
        assertThat(test(attribute("city").in("Paris"), berlin, NOW)).isFalse();
        assertThat(test(attribute("age").between(34, 40), berlin, NOW)).isTrue();
        assertThat(test(attribute("age").between(18, 34), berlin, NOW)).isTrue();
        assertThat(test(attribute("age").between(35, 40), berlin, NOW)).isFalse();
        assertThat(test(attribute("city").between(0, 100), berlin, NOW)).isFalse();
        assertThat(test(attribute("city").present(), berlin, NOW)).isTrue();
        assertThat(test(attribute("city").present(), none, NOW)).isFalse();
        assertThat(test(attribute("city").equalTo("Berlin"), none, NOW)).isFalse();
        assertThat(test(attribute("age").between(0, 100), none, NOW)).isFalse();
    }

    @Test
    void birthdayWithinCountsCalendarDaysInTheCustomersZone() {
        // in UTC, 2 June is one day after NOW; in Tokyo (UTC+9) 2 June starts at 2026-06-01T15:00Z
        CustomerProfile juneSecond = profile().birthday(MonthDay.of(6, 2)).build();
        assertThat(test(birthdayWithin(1), juneSecond, NOW)).isTrue();
        assertThat(test(birthdayWithin(0), juneSecond, NOW)).isFalse();
        CustomerProfile tokyo = juneSecond.toBuilder().zone(ZoneId.of("Asia/Tokyo")).build();
        assertThat(test(birthdayWithin(0), tokyo, Instant.parse("2026-06-01T15:00:00Z"))).isTrue();
        assertThat(test(birthdayWithin(0), tokyo, Instant.parse("2026-06-01T14:59:59Z"))).isFalse();
    }

    @Test
    void birthdayWithinWrapsAroundTheYearEnd() {
        CustomerProfile newYear = profile().birthday(LocalDate.of(1990, 1, 2)).build();
        Instant newYearsEve = Instant.parse("2026-12-31T10:00:00Z");
        assertThat(test(birthdayWithin(2), newYear, newYearsEve)).isTrue();
        assertThat(test(birthdayWithin(1), newYear, newYearsEve)).isFalse();
        CustomerProfile yesterday = profile().birthday(MonthDay.of(5, 31)).build();
        assertThat(test(birthdayWithin(300), yesterday, NOW)).isFalse();
        assertThat(test(birthdayWithin(364), yesterday, NOW)).isTrue();
    }

    @Test
    void leapDayBirthdayIsCelebratedOnTheTwentyEighthInOtherYears() {
        CustomerProfile leap = profile().birthday(MonthDay.of(2, 29)).build();
        assertThat(test(birthdayWithin(0), leap, Instant.parse("2026-02-28T10:00:00Z"))).isTrue();
        assertThat(test(birthdayWithin(0), profile().build(), NOW)).isFalse();
    }

    @Test
    void signedUpWithinIncludesBothEdges() {
        Condition recent = signedUpWithin(days(30));
        assertThat(test(recent, profile().signedUpAt(NOW.minus(days(30))).build(), NOW)).isTrue();
        assertThat(test(recent, profile().signedUpAt(NOW).build(), NOW)).isTrue();
        assertThat(test(recent, profile().signedUpAt(NOW.minus(days(30)).minusNanos(1)).build(), NOW)).isFalse();
        assertThat(test(recent, profile().signedUpAt(NOW.plusNanos(1)).build(), NOW)).isFalse();
        assertThat(test(recent, profile().build(), NOW)).isFalse();
    }

    @Test
    void acquisitionSourceMatchesChannelAndOptionalCampaign() {
        CustomerProfile fb = profile().acquisitionSource(AcquisitionSource.campaign("facebook-ads", "bf-2026")).build();
        assertThat(test(acquiredFrom("facebook-ads"), fb, NOW)).isTrue();
        assertThat(test(acquiredFrom("facebook-ads", "bf-2026"), fb, NOW)).isTrue();
        assertThat(test(acquiredFrom("facebook-ads", "summer"), fb, NOW)).isFalse();
        assertThat(test(acquiredFrom("organic"), fb, NOW)).isFalse();
        assertThat(test(acquiredFrom("organic"), profile().build(), NOW)).isFalse();
    }

    @Test
    void consentMustStandAtNow() {
        CustomerProfile given = profile().consent(Consent.given(Channel.EMAIL, NOW)).build();
        assertThat(test(consentGiven(Channel.EMAIL), given, NOW)).isTrue();
        assertThat(test(consentGiven(Channel.EMAIL), given, NOW.minusNanos(1))).isFalse();
        assertThat(test(consentGiven(Channel.SMS), given, NOW)).isFalse();
        CustomerProfile withdrawn = profile().consent(Consent.withdrawn(Channel.EMAIL, NOW.minus(days(1)))).build();
        assertThat(test(consentGiven(Channel.EMAIL), withdrawn, NOW)).isFalse();
    }

    @Test
    void customEventsCountByNameAttributesAndWindow() {
        Shop shop = anna()
                .custom(NOW.minus(days(30)), "review_written", Map.of("rating", "5", "lang", "de"))
                .custom(NOW.minus(days(2)), "review_written", Map.of("rating", "2"))
                .custom(NOW.minus(days(31)), "review_written", Map.of("rating", "5"))
                .custom(NOW.minus(days(1)), "support_ticket", Map.of());
        assertThat(shop.test(customEvents("review_written").within(days(30)).exactly(2))).isTrue();
        assertThat(shop.test(customEvents("review_written").with("rating", "5").within(days(30)).exactly(1))).isTrue();
        assertThat(shop.test(customEvents("review_written").with("rating", "5").ever().exactly(2))).isTrue();
        assertThat(shop.test(customEvents("review_written").with("rating", "5").with("lang", "fr").ever().exactly(0)))
                .isTrue();
        assertThat(anna().test(customEvents("support_ticket").ever().exactly(0))).isTrue();
    }
}
