package dev.panorama.rebuild.archive;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * How a segment's lines are compressed, told by its file name's suffix. New segments are written with
 * Zstandard, which a rebuild decompresses two to three times faster than GZIP at about the same size; segments
 * written with GZIP before stay readable as they are. Both encodings are a function of the lines alone (no
 * time, no name in a header), so archiving the same offsets twice makes the same file.
 */
enum SegmentCompression {

    GZIP(".jsonl.gz") {
        @Override
        byte[] compress(byte[] plain) {
            ByteArrayOutputStream compressed = new ByteArrayOutputStream(plain.length / 8);
            try (GZIPOutputStream out = new GZIPOutputStream(compressed, 64 * 1024)) {
                out.write(plain);
            } catch (IOException e) {
                throw new UncheckedIOException("compressing into memory cannot fail", e);
            }
            return compressed.toByteArray();
        }

        @Override
        byte[] decompress(byte[] content, String name) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(content), 64 * 1024)) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new ArchiveCorruptedException("segment " + name + " does not decompress: " + e.getMessage(), e);
            }
        }
    },

    ZSTD(".jsonl.zst") {
        /** Zstandard's default level: the archiver compresses at a few hundred MB/s, a rebuild decompresses at over a GB/s. */
        private static final int LEVEL = 3;

        @Override
        byte[] compress(byte[] plain) {
            try {
                return Zstd.compress(plain, LEVEL);
            } catch (LinkageError e) {
                throw nativeLibraryMissing(e);
            }
        }

        @Override
        byte[] decompress(byte[] content, String name) {
            try {
                // One frame, its size in the header: written so by compress above.
                long size = content.length == 0 ? -1 : Zstd.getFrameContentSize(content);
                if (size < 0 || size > Integer.MAX_VALUE - 8) {
                    throw new ArchiveCorruptedException("segment " + name + " does not decompress: not a Zstandard frame of known size");
                }
                byte[] plain = Zstd.decompress(content, (int) size);
                if (plain.length != size) {
                    throw new ArchiveCorruptedException("segment " + name + " does not decompress: " + plain.length + " bytes, its header says " + size);
                }
                return plain;
            } catch (ZstdException e) {
                throw new ArchiveCorruptedException("segment " + name + " does not decompress: " + e.getMessage(), e);
            } catch (LinkageError e) {
                throw nativeLibraryMissing(e);
            }
        }
    };

    /** What new segments are written with. */
    static final SegmentCompression WRITTEN = ZSTD;

    private final String suffix;

    SegmentCompression(String suffix) {
        this.suffix = suffix;
    }

    /** The end of the file name of a segment compressed so. */
    String suffix() {
        return suffix;
    }

    abstract byte[] compress(byte[] plain);

    /** The segment's lines, whole; a content that does not decompress is an {@link ArchiveCorruptedException}. */
    abstract byte[] decompress(byte[] content, String name);

    /**
     * zstd-jni unpacks its native library into the temp directory and loads it from there, which a host mounting
     * {@code /tmp} {@code noexec} refuses: said plainly, with the way out, rather than as the linkage error it is.
     */
    static ArchiveException nativeLibraryMissing(LinkageError e) {
        return new ArchiveException("Zstandard's native library (zstd-jni) did not load: " + e
            + "; where the temp directory does not allow execution, set -Djava.io.tmpdir to one that does", e);
    }

    /** The compression a segment file name says, or {@code null} when its suffix is none of them. */
    static SegmentCompression ofFile(String file) {
        for (SegmentCompression compression : values()) {
            if (file.endsWith(compression.suffix)) {
                return compression;
            }
        }
        return null;
    }
}
