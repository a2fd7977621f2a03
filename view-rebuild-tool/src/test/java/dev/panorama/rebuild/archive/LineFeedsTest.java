package dev.panorama.rebuild.archive;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LineFeedsTest {

    @Test
    void findsEachLineFeedWhereverItFallsInAWord() {
        for (int length = 0; length < 40; length++) {
            for (int feed = 0; feed <= length; feed++) {
                byte[] bytes = new byte[length];
                java.util.Arrays.fill(bytes, (byte) 0x8A);
                if (feed < length) {
                    bytes[feed] = '\n';
                    if (feed + 1 < length) {
                        bytes[feed + 1] = '\n';
                    }
                }
                for (int from = 0; from <= Math.min(feed, length); from++) {
                    assertThat(LineFeeds.next(bytes, from)).as("length %d, feed at %d, from %d", length, feed, from).isEqualTo(Math.min(feed, length));
                }
            }
        }
    }
}
