package dev.panorama.rebuild.archive;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Finds the line ends of the archive's NDJSON (segments and snapshots) in their bytes. */
public final class LineFeeds {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private LineFeeds() {
    }

    /**
     * The first line feed at or after {@code from}, else the length: eight bytes at a time, as most of a line is
     * its value and every line is looked through for its end.
     */
    public static int next(byte[] bytes, int from) {
        int at = from;
        for (; at + Long.BYTES <= bytes.length; at += Long.BYTES) {
            long word = (long) LONGS.get(bytes, at) ^ 0x0A0A0A0A0A0A0A0AL;
            // A byte of the word is zero where a line feed was; the lowest flagged byte is the first one.
            long zeros = (word - 0x0101010101010101L) & ~word & 0x8080808080808080L;
            if (zeros != 0) {
                return at + (Long.numberOfTrailingZeros(zeros) >>> 3);
            }
        }
        while (at < bytes.length && bytes[at] != '\n') {
            at++;
        }
        return at;
    }
}
