package dev.stockstream.store;

/** A file under the output root that is not what the contract says it holds. */
public class CorruptBatchException extends RuntimeException {

    public CorruptBatchException(String message) {
        super(message);
    }
}
