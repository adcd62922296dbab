package dev.stockstream.visualizer.web;

import jakarta.validation.constraints.Pattern;
import java.util.Locale;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestQuery;

/** {@code ?symbol=X}: the symbol of the candlestick chart, case-insensitive; absent or blank means the most traded. */
public class SymbolParam {

    /** The contract's symbol rule ({@code TickRules}), in either case, around optional blanks. */
    static final String SYMBOL = "[A-Za-z][A-Za-z0-9.-]{0,9}";
    static final String RULE = "a letter, then up to 9 letters, digits, '.' or '-'";

    @RestQuery
    @Pattern(regexp = "\\s*(" + SYMBOL + ")?\\s*", message = "symbol must be a stock symbol (" + RULE + "), got '${validatedValue}'")
    String symbol;

    Optional<String> symbol() {
        return symbol == null || symbol.isBlank() ? Optional.empty() : Optional.of(symbol.trim().toUpperCase(Locale.ROOT));
    }
}
