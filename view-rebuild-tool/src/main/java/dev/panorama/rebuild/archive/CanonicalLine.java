package dev.panorama.rebuild.archive;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A record line laid out as {@link RecordCodec#encode} writes it — {@code offset}, {@code timestamp}, an
 * optional {@code key}, {@code headers} holding text only, then an optional {@code value} or
 * {@code valueBase64} last — read by a plain scan over its bytes: the offset and where each header lies,
 * without a parser and without touching the value, which is most of the line. A rebuild from snapshots
 * tells most records apart by their headers alone, so this is what it pays per record it does not fold; for a
 * record it folds, {@link #value} unescapes the value string straight into bytes.
 * Any other layout, or a header holding an escape, is not read here ({@link #scan} gives {@code null}) and
 * the line is decoded by {@link RecordCodec#decode} instead. The value is not checked for well-formedness:
 * the segment's SHA-256 has been checked against the manifest before any line is scanned.
 */
final class CanonicalLine implements HeaderText {

    private static final byte[] OFFSET = ascii("{\"offset\":");
    private static final byte[] TIMESTAMP = ascii(",\"timestamp\":");
    private static final byte[] KEY = ascii(",\"key\":\"");
    private static final byte[] HEADERS = ascii(",\"headers\":{");
    private static final byte[] VALUE = ascii(",\"value\":\"");
    private static final byte[] VALUE_BASE64 = ascii(",\"valueBase64\":\"");
    private static final byte[] NULL = ascii("null");
    /** Longest offset read here: 18 digits never overflow a long. */
    private static final int MAX_DIGITS = 18;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final byte[] line;
    private final long offset;
    /** Per header, four positions: name start, name end, value start, value end (value start -1: a {@code null} value). */
    private final int[] spans;
    private final int headers;

    /** Where the content of a {@code value} string lies (between its quotes); -1 when the line has none (no value, or base64). */
    private final int valueStart;
    private final int valueEnd;

    private CanonicalLine(byte[] line, long offset, int[] spans, int headers, int valueStart, int valueEnd) {
        this.line = line;
        this.offset = offset;
        this.spans = spans;
        this.headers = headers;
        this.valueStart = valueStart;
        this.valueEnd = valueEnd;
    }

    /**
     * The record's value, its JSON string unescaped straight into the UTF-8 bytes the codec was given (it writes a
     * value as text only when those bytes are valid UTF-8); {@code null} when the line holds no such string (no
     * value, or one in base64), or an escape that is not JSON's.
     */
    byte[] value() {
        if (valueStart < 0) {
            return null;
        }
        byte[] out = new byte[valueEnd - valueStart];
        int length = 0;
        int at = valueStart;
        while (at < valueEnd) {
            // Eight bytes at a time up to the next backslash: the envelope's quotes make runs between escapes short, too short to
            // pay for a copy call each, and a byte-by-byte loop was most of the time spent here. Unescaping only shortens, so
            // out has room for the whole word wherever the line has it.
            if (at + Long.BYTES <= valueEnd) {
                long word = (long) LONGS.get(line, at);
                LONGS.set(out, length, word);
                long backslashes = word ^ 0x5C5C5C5C5C5C5C5CL;
                long found = (backslashes - 0x0101010101010101L) & ~backslashes & 0x8080808080808080L;
                if (found == 0) {
                    at += Long.BYTES;
                    length += Long.BYTES;
                    continue;
                }
                int run = Long.numberOfTrailingZeros(found) >>> 3;
                at += run;
                length += run;
            } else if (line[at] != '\\') {
                out[length++] = line[at++];
                continue;
            }
            // line[at] is a backslash.
            if (++at >= valueEnd) {
                return null;
            }
            switch (line[at]) {
                case '"' -> out[length++] = '"';
                case '\\' -> out[length++] = '\\';
                case '/' -> out[length++] = '/';
                case 'b' -> out[length++] = '\b';
                case 'f' -> out[length++] = '\f';
                case 'n' -> out[length++] = '\n';
                case 'r' -> out[length++] = '\r';
                case 't' -> out[length++] = '\t';
                case 'u' -> {
                    int unit = hex4(at + 1);
                    if (unit < 0) {
                        return null;
                    }
                    at += 4;
                    int codePoint = unit;
                    if (Character.isHighSurrogate((char) unit)) {
                        int low = at + 2 < valueEnd && line[at + 1] == '\\' && line[at + 2] == 'u' ? hex4(at + 3) : -1;
                        if (low < 0 || !Character.isLowSurrogate((char) low)) {
                            return null;
                        }
                        codePoint = Character.toCodePoint((char) unit, (char) low);
                        at += 6;
                    } else if (Character.isLowSurrogate((char) unit)) {
                        return null;
                    }
                    length = utf8(codePoint, out, length);
                }
                default -> {
                    return null;
                }
            }
            at++;
        }
        return length == out.length ? out : Arrays.copyOf(out, length);
    }

    /** The four hex digits at {@code at} as a UTF-16 unit, else -1. */
    private int hex4(int at) {
        if (at + 4 > valueEnd) {
            return -1;
        }
        int unit = 0;
        for (int i = at; i < at + 4; i++) {
            int digit = Character.digit(line[i], 16);
            if (digit < 0) {
                return -1;
            }
            unit = unit * 16 + digit;
        }
        return unit;
    }

    /** Writes a code point as UTF-8 (never longer than its escape, so {@code out} has room); the new length. */
    private static int utf8(int codePoint, byte[] out, int length) {
        if (codePoint < 0x80) {
            out[length++] = (byte) codePoint;
        } else if (codePoint < 0x800) {
            out[length++] = (byte) (0xC0 | codePoint >> 6);
            out[length++] = (byte) (0x80 | codePoint & 0x3F);
        } else if (codePoint < 0x10000) {
            out[length++] = (byte) (0xE0 | codePoint >> 12);
            out[length++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
            out[length++] = (byte) (0x80 | codePoint & 0x3F);
        } else {
            out[length++] = (byte) (0xF0 | codePoint >> 18);
            out[length++] = (byte) (0x80 | codePoint >> 12 & 0x3F);
            out[length++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
            out[length++] = (byte) (0x80 | codePoint & 0x3F);
        }
        return length;
    }

    long offset() {
        return offset;
    }

    /** The line's offset and header positions, or {@code null} when it is not laid out as {@code encode} writes it. */
    static CanonicalLine scan(byte[] bytes, int from, int length) {
        int end = from + length;
        int at = expect(bytes, from, end, OFFSET);
        if (at < 0) {
            return null;
        }
        int digits = at;
        long offset = 0;
        while (at < end && bytes[at] >= '0' && bytes[at] <= '9' && at - digits < MAX_DIGITS) {
            offset = offset * 10 + (bytes[at++] - '0');
        }
        if (at == digits) {
            return null;
        }
        at = expect(bytes, at, end, TIMESTAMP);
        if (at < 0) {
            return null;
        }
        at = integerEnd(bytes, at, end);
        if (at < 0) {
            return null;
        }
        int key = expect(bytes, at, end, KEY);
        if (key >= 0) {
            int closing = stringEnd(bytes, key, end, true);
            if (closing < 0) {
                return null;
            }
            at = closing + 1;
        }
        at = expect(bytes, at, end, HEADERS);
        if (at < 0) {
            return null;
        }
        int[] spans = new int[4 * 8];
        int count = 0;
        if (at < end && bytes[at] == '}') {
            at++;
        } else {
            while (true) {
                if (at >= end || bytes[at] != '"') {
                    return null;
                }
                int nameStart = at + 1;
                int nameEnd = stringEnd(bytes, nameStart, end, false);
                if (nameEnd < 0 || nameEnd + 1 >= end || bytes[nameEnd + 1] != ':') {
                    return null;
                }
                int valueStart;
                int valueEnd;
                at = nameEnd + 2;
                if (at < end && bytes[at] == '"') {
                    valueStart = at + 1;
                    valueEnd = stringEnd(bytes, valueStart, end, false);
                    if (valueEnd < 0) {
                        return null;
                    }
                    at = valueEnd + 1;
                } else if (expect(bytes, at, end, NULL) > 0) {
                    valueStart = -1;
                    valueEnd = -1;
                    at += NULL.length;
                } else {
                    return null;
                }
                if (4 * count + 4 > spans.length) {
                    spans = Arrays.copyOf(spans, spans.length * 2);
                }
                spans[4 * count] = nameStart;
                spans[4 * count + 1] = nameEnd;
                spans[4 * count + 2] = valueStart;
                spans[4 * count + 3] = valueEnd;
                count++;
                if (at < end && bytes[at] == ',') {
                    at++;
                } else if (at < end && bytes[at] == '}') {
                    at++;
                    break;
                } else {
                    return null;
                }
            }
        }
        if (at == end - 1) {
            return bytes[at] == '}' ? new CanonicalLine(bytes, offset, spans, count, -1, -1) : null;
        }
        // A value string that closes the line.
        int value = expect(bytes, at, end, VALUE);
        boolean text = value >= 0;
        if (!text) {
            value = expect(bytes, at, end, VALUE_BASE64);
        }
        if (value < 0 || end - 2 < value || bytes[end - 2] != '"' || bytes[end - 1] != '}') {
            return null;
        }
        return new CanonicalLine(bytes, offset, spans, count, text ? value : -1, text ? end - 2 : -1);
    }

    @Override
    public String get(String name) {
        // From the last: a header given twice keeps its last value, as the decoder keeps it.
        for (int header = headers - 1; header >= 0; header--) {
            if (nameIs(spans[4 * header], spans[4 * header + 1], name)) {
                int valueStart = spans[4 * header + 2];
                return valueStart < 0 ? null : new String(line, valueStart, spans[4 * header + 3] - valueStart, StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private boolean nameIs(int start, int end, String name) {
        if (end - start == name.length()) {
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (c > 127) {
                    return sameUtf8(start, end, name);
                }
                if (line[start + i] != c) {
                    return false;
                }
            }
            return true;
        }
        // Of different lengths, only a name beyond ASCII can match: it has more UTF-8 bytes than characters.
        return end - start > name.length() && !isAscii(name) && sameUtf8(start, end, name);
    }

    private boolean sameUtf8(int start, int end, String name) {
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        return Arrays.equals(line, start, end, utf8, 0, utf8.length);
    }

    /** The position after {@code literal} when it is at {@code at}, else -1. */
    private static int expect(byte[] bytes, int at, int end, byte[] literal) {
        if (end - at < literal.length) {
            return -1;
        }
        for (int i = 0; i < literal.length; i++) {
            if (bytes[at + i] != literal[i]) {
                return -1;
            }
        }
        return at + literal.length;
    }

    /** The position after an optionally negative integer at {@code at}, else -1. */
    private static int integerEnd(byte[] bytes, int at, int end) {
        if (at < end && bytes[at] == '-') {
            at++;
        }
        int digits = at;
        while (at < end && bytes[at] >= '0' && bytes[at] <= '9') {
            at++;
        }
        return at == digits ? -1 : at;
    }

    /**
     * The position of the quote closing a string whose content starts at {@code at}, else -1: at the line's
     * end, at a control byte (not JSON), or at an escape when {@code escapes} is false.
     */
    private static int stringEnd(byte[] bytes, int at, int end, boolean escapes) {
        while (at < end) {
            byte b = bytes[at];
            if (b == '"') {
                return at;
            }
            if (b >= 0 && b < 0x20) {
                return -1;
            }
            if (b == '\\') {
                if (!escapes) {
                    return -1;
                }
                at++;
            }
            at++;
        }
        return -1;
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 127) {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
