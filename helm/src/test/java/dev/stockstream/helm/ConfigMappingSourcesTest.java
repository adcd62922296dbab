package dev.stockstream.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The properties read from {@code @ConfigMapping} sources, in the forms the apps write them, and the forms refused. */
class ConfigMappingSourcesTest {

    @Test
    void aFlatMappingReadsThePrefixAndEachMembersWithName() {
        String source = """
                package x;

                /** Settings; see {@link ConfigMapping} and @ConfigMapping(prefix = "in.a.comment"). */
                @ConfigMapping(prefix = "producer")
                public interface ProducerSettings {

                    long MAX_RATE = 10_000_000;
                    String BETWEEN = " must be between {min} and {max}; got ${validatedValue}";

                    @WithName("rate")
                    @WithDefault("200")
                    @Range(min = 1, max = MAX_RATE, message = "(PRODUCER_RATE) must be (1..) {x}; " + BETWEEN)
                    double rate();

                    // @WithName("commented.out") int old();
                    @WithName("max.in.flight") @WithDefault("20000") int maxInFlight();

                    @WithName("csv.path")
                    Optional<java.nio.file.Path> csvPath();

                    @WithName("symbols")
                    Optional<List<String>> symbols();

                    default boolean synthetic() {
                        return rate() > 0;
                    }
                }
                """;

        assertThat(ConfigMappingSources.propertiesRead(List.of(source)))
                .containsExactly("producer.rate", "producer.max.in.flight", "producer.csv.path", "producer.symbols");
    }

    @Test
    void aMappingNestedInAClassWithAGroupOfItsOwnReadsThroughTheGroup() {
        String source = """
                class Holder {
                    @io.smallrye.config.ConfigMapping(prefix = "visualizer")
                    interface Settings {
                        @WithName("trend.batches") int trendBatches();
                        @WithName("hdfs") Hdfs hdfs();
                        @WithName("chart") Optional<Chart> chart();
                        @WithParentName Poll poll();
                        int cacheBatches();

                        interface Hdfs {
                            @WithName("timeout") Duration timeout();
                        }

                        enum Kind { A, B; }
                    }
                }
                """;
        String group = """
                interface Chart {
                    @WithName("symbols") int symbols();
                }
                interface Poll {
                    @WithName("poll.interval") Duration interval();
                }
                """;

        assertThat(ConfigMappingSources.propertiesRead(List.of(source, group))).containsExactly(
                "visualizer.trend.batches", "visualizer.hdfs.timeout", "visualizer.chart.symbols",
                "visualizer.poll.interval", "visualizer.cache-batches");
    }

    @Test
    void sourcesWithoutAMappingReadNothing() {
        assertThat(ConfigMappingSources.propertiesRead(List.of("interface TickSource { Tick next(); }"))).isEmpty();
    }

    static Stream<Arguments> formsItCannotRead() {
        return Stream.of(
                Arguments.of("a naming strategy", """
                        @ConfigMapping(prefix = "p", namingStrategy = ConfigMapping.NamingStrategy.SNAKE_CASE)
                        interface S { @WithName("a") int a(); }
                        """, List.of("namingStrategy", "not read")),
                Arguments.of("a map of groups", """
                        @ConfigMapping(prefix = "p")
                        interface S { @WithName("labels") Map<String, String> labels(); }
                        """, List.of("S.labels()")),
                Arguments.of("a list of groups", """
                        @ConfigMapping(prefix = "p")
                        interface S {
                            @WithName("brokers") List<Broker> brokers();
                            interface Broker { @WithName("host") String host(); }
                        }
                        """, List.of("S.brokers()")),
                Arguments.of("a member with parameters", """
                        @ConfigMapping(prefix = "p")
                        interface S { @WithName("a") int a(String key); }
                        """, List.of("int a(String key)", "of S")),
                Arguments.of("a member without @WithName whose kebab case is unclear", """
                        @ConfigMapping(prefix = "p")
                        interface S { URI hdfsURI(); }
                        """, List.of("S.hdfsURI()", "@WithName")));
    }

    @ParameterizedTest(name = "{0} is refused, naming it")
    @MethodSource("formsItCannotRead")
    void aFormItCannotReadIsRefusedNamingIt(String form, String source, List<String> named) {
        assertThatThrownBy(() -> ConfigMappingSources.propertiesRead(List.of(source)))
                .satisfies(e -> assertThat(e.getMessage()).contains(named));
    }
}
