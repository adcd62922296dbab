package dev.stockstream.producer;

/** A setting that cannot be used; the message names it by env var and property. */
public class InvalidSettingException extends RuntimeException {

    public InvalidSettingException(String property, String problem) {
        super("Invalid setting " + envName(property) + " (" + property + "): " + problem);
    }

    static String envName(String property) {
        return property.toUpperCase(java.util.Locale.ROOT).replace('.', '_');
    }
}
