package dev.stockstream.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

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

    @Test
    void aNamingStrategyIsRefusedNamingTheAnnotation() {
        String source = """
                @ConfigMapping(prefix = "p", namingStrategy = ConfigMapping.NamingStrategy.SNAKE_CASE)
                interface S { @WithName("a") int a(); }
                """;

        assertThatThrownBy(() -> ConfigMappingSources.propertiesRead(List.of(source)))
                .hasMessageContaining("namingStrategy").hasMessageContaining("not read");
    }

    @Test
    void aMapOrListOfGroupsIsRefusedNamingTheMember() {
        String map = """
                @ConfigMapping(prefix = "p")
                interface S { @WithName("labels") Map<String, String> labels(); }
                """;
        String list = """
                @ConfigMapping(prefix = "p")
                interface S {
                    @WithName("brokers") List<Broker> brokers();
                    interface Broker { @WithName("host") String host(); }
                }
                """;

        assertThatThrownBy(() -> ConfigMappingSources.propertiesRead(List.of(map))).hasMessageContaining("S.labels()");
        assertThatThrownBy(() -> ConfigMappingSources.propertiesRead(List.of(list))).hasMessageContaining("S.brokers()");
    }

    @Test
    void aMemberThatIsNoConfigMemberIsRefusedNamingIt() {
        String source = """
                @ConfigMapping(prefix = "p")
                interface S { @WithName("a") int a(String key); }
                """;

        assertThatThrownBy(() -> ConfigMappingSources.propertiesRead(List.of(source)))
                .hasMessageContaining("int a(String key)").hasMessageContaining("of S");
    }

    @Test
    void aMemberWithoutWithNameWhoseKebabCaseIsUnclearIsRefused() {
        String source = """
                @ConfigMapping(prefix = "p")
                interface S { URI hdfsURI(); }
                """;

        assertThatThrownBy(() -> ConfigMappingSources.propertiesRead(List.of(source)))
                .hasMessageContaining("S.hdfsURI()").hasMessageContaining("@WithName");
    }
}
