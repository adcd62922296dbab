package dev.stockstream.model;

/** Why a Kafka record is not a valid tick; the job writes it into each quarantine record. */
public enum RejectReason {
    EMPTY_VALUE,
    UNPARSEABLE_JSON,
    NOT_AN_OBJECT,
    DUPLICATE_FIELD,
    MISSING_FIELD,
    WRONG_TYPE,
    BAD_SYMBOL,
    BAD_PRICE,
    BAD_VOLUME,
    IMPLAUSIBLE_TIMESTAMP,
    /** The tick's {@code ts} is further ahead of its Kafka record's timestamp than {@code STOCK_MAX_EVENT_AHEAD}. */
    EVENT_TIME_AHEAD,
    /** The tick's {@code ts} is further behind its Kafka record's timestamp than {@code STOCK_MAX_EVENT_BEHIND}. */
    EVENT_TIME_BEHIND
}
