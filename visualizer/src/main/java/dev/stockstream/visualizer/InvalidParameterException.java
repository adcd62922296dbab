package dev.stockstream.visualizer;

/** A request parameter outside its bounds; answered with 400 and this message. */
public class InvalidParameterException extends RuntimeException {

    public InvalidParameterException(String message) {
        super(message);
    }

    /** {@code ?last=N}: a whole number in 1..{@link VisualizerSettings#MAX_BATCHES}, the default when absent. */
    static int batchCount(String raw, int defaultCount) {
        if (raw == null || raw.isBlank()) {
            return defaultCount;
        }
        String shown = raw.length() > 20 ? raw.substring(0, 20) + "…" : raw;
        int count;
        try {
            count = Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw new InvalidParameterException("last must be a whole number between 1 and "
                    + VisualizerSettings.MAX_BATCHES + ", got '" + shown + "'");
        }
        if (count < 1 || count > VisualizerSettings.MAX_BATCHES) {
            throw new InvalidParameterException("last must be between 1 and " + VisualizerSettings.MAX_BATCHES
                    + ", got " + count);
        }
        return count;
    }
}
