package dev.panorama.rebuild.archive;

/** A record's headers as UTF-8 text, by name. */
@FunctionalInterface
public interface HeaderText {

    /** The header's value as text, or {@code null} when the record has no such header (or a {@code null} value). */
    String get(String name);
}
