package dev.panorama.queryapi.application;

/** A value read from one version of a view ({@code order-history-v1} is version 1). */
public record Versioned<T>(int viewVersion, T value) {
}
