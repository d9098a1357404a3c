package dev.retention.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void escapesTheFiveMarkupCharactersAndNothingElse() {
        assertThat(Html.escape("<a href=\"x\">Tom & Jerry's</a> café"))
                .isEqualTo("&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt; café");
    }

    @Test
    void replacesControlCharactersThatXmlForbids() {
        assertThat(Html.escape("a\u0000b\tc\nd\u001be")).isEqualTo("a?b\tc\nd?e");
    }
}
