package dev.stockstream.spark;

import dev.stockstream.model.QuarantineRecord;
import dev.stockstream.model.RejectReason;
import dev.stockstream.model.Rejection;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;

/** A Kafka record that is not a valid tick, with where it came from, on its way to the quarantine. */
record RejectedRecord(int partition, long offset, RejectReason reason, String detail, byte[] rawValue)
        implements Serializable {

    RejectedRecord(int partition, long offset, Rejection rejection, byte[] rawValue) {
        this(partition, offset, rejection.reason(), rejection.detail(), rawValue);
    }

    QuarantineRecord toQuarantineRecord(long batchId, String topic) {
        String raw = rawValue == null ? null : new String(rawValue, StandardCharsets.UTF_8);
        return new QuarantineRecord(batchId, topic, partition, offset, reason, detail, raw);
    }
}
