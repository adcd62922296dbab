package dev.stockstream.visualizer.config;

import io.quarkus.runtime.configuration.ConfigurationException;
import java.net.URI;

/** The rule on the output root that no constraint annotation says: an hdfs:// or file: URI. */
public final class OutputRoot {

    private OutputRoot() {
    }

    /** The root without a trailing slash; a ConfigurationException naming STOCK_OUTPUT_ROOT when it is neither scheme. */
    public static URI checked(URI root) {
        if (root == null || root.getScheme() == null
                || !(root.getScheme().equals("hdfs") || root.getScheme().equals("file"))) {
            throw new ConfigurationException(describe() + " must be an hdfs:// or file: URI, got " + root);
        }
        String text = root.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : root;
    }

    /** {@code STOCK_OUTPUT_ROOT (stock.output.root)}, for messages about the root. */
    public static String describe() {
        return "STOCK_OUTPUT_ROOT (stock.output.root)";
    }
}
