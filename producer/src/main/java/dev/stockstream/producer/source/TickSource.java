package dev.stockstream.producer.source;

import dev.stockstream.model.Tick;

/** Makes the next tick; called from the one sending thread, so implementations need no locking. */
public interface TickSource {

    Tick next(long nowMillis);

    /** The symbols this source emits, in the order it cycles through them. */
    java.util.List<String> symbols();
}
