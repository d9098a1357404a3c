package dev.retention.examples.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/testkit.md shows the code of the tests and examples verbatim, and links the four examples. */
class TestkitGuideTest {
    private static final Path GUIDE = Path.of("../docs/testkit.md");
    private static final List<Path> SOURCES = List.of(
            Path.of("src/main/java/dev/retention/examples/playbook/WinBackExample.java"),
            Path.of("src/test/java/dev/retention/examples/playbook/WinBackExampleTest.java"),
            Path.of("../retention-testkit/src/test/java/dev/retention/testkit/CampaignTestDriverTest.java"),
            Path.of("../retention-testkit/src/test/java/dev/retention/testkit/CustomerFixtureTest.java"),
            Path.of("../retention-testkit/src/test/java/dev/retention/testkit/SegmentAssertTest.java"),
            Path.of("../retention-testkit/src/test/java/dev/retention/testkit/FireLogAssertTest.java"),
            Path.of("../retention-testkit/src/test/java/dev/retention/testkit/LoyaltyAssertTest.java"));
    private static final Pattern SNIPPET =
            Pattern.compile("// guide:([a-z-]+):begin\\n(.*?)\\n[ \\t]*// guide:\\1:end", Pattern.DOTALL);

    @Test
    void everySnippetOfTheSourcesAppearsVerbatimInTheGuide() throws IOException {
        String guide = Files.readString(GUIDE);
        Map<String, String> snippets = new LinkedHashMap<>();
        for (Path source : SOURCES) {
            Matcher m = SNIPPET.matcher(Files.readString(source));
            while (m.find()) {
                snippets.put(m.group(1), dedent(m.group(2)));
            }
        }

        assertThat(snippets).containsOnlyKeys("win-back-campaign", "win-back-test", "pipe", "retry", "fixture",
                "segment", "fire-log", "loyalty", "tiers", "own-sender", "no-address", "worth",
                "engine-config");
        snippets.forEach((name, code) -> assertThat(guide).as("snippet %s", name).contains(code));
    }

    @Test
    void theGuideLinksTheFourPlaybookExamples() throws IOException {
        String guide = Files.readString(GUIDE);
        for (String example : List.of("AbandonedViewExample", "LoyaltyThresholdExample", "RisingFrequencyExample",
                "WinBackExample")) {
            String link = "../examples/src/main/java/dev/retention/examples/playbook/" + example + ".java";
            assertThat(guide).contains("(" + link + ")");
            assertThat(GUIDE.resolveSibling(link)).exists();
        }
    }

    /** Removes the indentation common to the non-blank lines, as Python's textwrap.dedent does. */
    private static String dedent(String block) {
        List<String> lines = List.of(block.split("\n", -1));
        int common = lines.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            out.add(line.isBlank() ? "" : line.substring(common));
        }
        return String.join("\n", out);
    }
}
