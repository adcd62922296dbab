package dev.stockstream.producer.config;

/** Where ticks come from: a replay of the monthly CSV, or a random walk for load tests. */
public enum SourceKind {
    CSV,
    SYNTHETIC
}
