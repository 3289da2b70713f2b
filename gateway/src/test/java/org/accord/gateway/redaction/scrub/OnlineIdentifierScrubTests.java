package org.accord.gateway.redaction.scrub;

import static org.accord.gateway.redaction.scrub.ScrubAssertions.identifiers;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OnlineIdentifierScrubTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Mail daniel.okafor@northbridge.ac.uk now.|Mail [EMAIL] now.",
            "Mail J.O'Neill+prevent@Example.ORG.|Mail [EMAIL].",
            "See https://forum.example/thread/123?x=1, then reply.|See [URL], then reply.",
            "See www.video-site.example/watch?v=abc.|See [URL].",
            "(see http://t.me/channel12)|(see [URL])",
            "Joined t.me/northern_front and youtube.com/watch?v=abc123.|Joined [URL] and [URL].",
            "Posts on m.facebook.com/some.page/posts/1, mostly.|Posts on [URL], mostly.",
            "Posts as @true_patriot88 and @lone.wolf on X.|Posts as [HANDLE] and [HANDLE] on X.",
            "Logins from 81.2.69.160 and 2001:db8:85a3::8a2e:370:7334 overnight.|Logins from [IP-ADDRESS] and [IP-ADDRESS] overnight.",
            "Full form 2001:0db8:0000:0000:0000:ff00:0042:8329 seen.|Full form [IP-ADDRESS] seen."})
    void whenOnlineIdentifierAppearsThenItIsReplacedWithoutTrailingPunctuation(String text, String scrubbed) {
        assertThat(identifiers(text)).isEqualTo(scrubbed);
    }

    @Test
    void whenTextOnlyLooksOnlineThenItIsLeftAlone() {
        String text = "Meet @ 5pm at 14:30:00; printer 10.0.0.300; version 1.2.3.4.5; email@ and @x; a:b::c:d::e; "
                + "northbridge.ac.uk alone; and/or; km/h; e.g./i.e.";
        assertThat(identifiers(text)).isEqualTo(text);
    }
}
