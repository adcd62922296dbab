package dev.stockstream.store;

import java.io.IOException;

/**
 * The output root holds a batch that was not computed from the input the job is processing now:
 * the checkpoint and the output disagree, and going on would skip or double data.
 */
public final class OutputConflictException extends IOException {

    private static final long serialVersionUID = 1L;

    public OutputConflictException(String message) {
        super(message);
    }
}
