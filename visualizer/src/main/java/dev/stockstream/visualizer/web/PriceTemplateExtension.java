package dev.stockstream.visualizer.web;

import io.quarkus.qute.TemplateExtension;
import java.util.Locale;

/** Number formats used by the templates, e.g. {@code {row.avgPrice.price}}. */
@TemplateExtension
final class PriceTemplateExtension {

    private PriceTemplateExtension() {
    }

    static String price(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
