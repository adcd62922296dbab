package dev.stockstream.visualizer.web;

import dev.stockstream.visualizer.chart.TrendChoice;
import dev.stockstream.visualizer.chart.TrendView;
import jakarta.validation.constraints.Pattern;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * {@code ?view=absolute|relative&symbols=A,B}: the trend chart's view (absent: chosen from the price
 * levels) and symbols (absent: the most traded). Symbols come comma-separated, repeated
 * ({@code symbols=A&symbols=B}, as a form's multiple select sends them), or both.
 */
public class TrendParams {

    @RestQuery
    @Pattern(regexp = "\\s*(?i:absolute|relative)?\\s*", message = "view must be absolute or relative, got '${validatedValue}'")
    String view;

    @RestQuery
    List<@Pattern(regexp = "\\s*(" + SymbolParam.SYMBOL + ")?\\s*(,\\s*(" + SymbolParam.SYMBOL + ")?\\s*)*",
            message = "symbols must be stock symbols separated by commas (each " + SymbolParam.RULE
                    + "), got '${validatedValue}'") String> symbols;

    TrendChoice choice() {
        List<String> chosen = symbols == null ? List.of() : symbols.stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::trim).filter(symbol -> !symbol.isEmpty())
                .map(symbol -> symbol.toUpperCase(Locale.ROOT)).toList();
        return new TrendChoice(TrendView.ofParam(view), chosen);
    }
}
