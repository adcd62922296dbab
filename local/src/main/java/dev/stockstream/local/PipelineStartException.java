package dev.stockstream.local;

/** A part of the pipeline could not start; the message says which and why, in one line. */
public class PipelineStartException extends RuntimeException {

    public PipelineStartException(String message) {
        super(message);
    }

    public PipelineStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
