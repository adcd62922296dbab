package dev.stockstream.visualizer;

import io.quarkus.qute.TemplateExtension;
import java.util.Locale;

/** Number formats used by the templates, e.g. {@code {row.avgPrice.price}}. */
@TemplateExtension
final class TemplateFormats {

    private TemplateFormats() {
    }

    static String price(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
