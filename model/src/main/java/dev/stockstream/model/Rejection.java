package dev.stockstream.model;

/** A record refused by the contract: the reason code and a human-readable detail. */
public record Rejection(RejectReason reason, String detail) {

    public String message() {
        return reason + ": " + detail;
    }
}
