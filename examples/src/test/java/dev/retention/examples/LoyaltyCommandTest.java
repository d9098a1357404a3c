package dev.retention.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Runs with the default locale set to ROOT (see {@link RootLocale}): the numbers are grouped with commas. */
@ExtendWith(RootLocale.class)
class LoyaltyCommandTest {

    private static long number(String output, String label) {
        Matcher m = Pattern.compile(label + "\\s+([\\d,]+)").matcher(output);
        assertThat(m.find()).as("line '%s' in%n%s", label, output).isTrue();
        return Long.parseLong(m.group(1).replace(",", ""));
    }

    @Test
    void printsPointsThatAddUpAndATierForEveryBuyer() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = Demo.run(new String[] {"loyalty", "--customers", "300", "--seed", "7"},
                new PrintStream(bytes, true, StandardCharsets.UTF_8), System.err);
        String out = bytes.toString(StandardCharsets.UTF_8);

        assertThat(exit).isZero();
        assertThat(number(out, "points outstanding")).isEqualTo(number(out, "points earned")
                - number(out, "points redeemed") - number(out, "points expired") - number(out, "points clawed back"));
        assertThat(number(out, "Member") + number(out, "Silver") + number(out, "Gold")).isBetween(1L, 300L);
    }
}
