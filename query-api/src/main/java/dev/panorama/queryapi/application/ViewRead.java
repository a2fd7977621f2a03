package dev.panorama.queryapi.application;

/** An answer from a view: which view and version it came from and how far that view had got. */
public record ViewRead<T>(View view, int viewVersion, AsOf asOf, T data) {
}
