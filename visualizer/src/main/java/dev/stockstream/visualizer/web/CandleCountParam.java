package dev.stockstream.visualizer.web;

import dev.stockstream.visualizer.config.VisualizerSettings;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.Range;
import org.jboss.resteasy.reactive.RestQuery;

/** {@code ?last=N} of the candles: N windows, a whole number in 1..{@link VisualizerSettings#MAX_CANDLES}; absent means VISUALIZER_CANDLES_LAST. */
public class CandleCountParam {

    @RestQuery
    @Pattern(regexp = "\\s*-?\\d+\\s*", message = "last must be a whole number between 1 and "
            + VisualizerSettings.MAX_CANDLES + ", got '${validatedValue}'")
    @Range(min = 1, max = VisualizerSettings.MAX_CANDLES, message = "last must be between {min} and {max}, got ${validatedValue}")
    String last;

    int orDefault(int defaultCount) {
        return last == null || last.isBlank() ? defaultCount : Integer.parseInt(last.trim());
    }
}
