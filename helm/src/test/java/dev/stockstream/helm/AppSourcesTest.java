package dev.stockstream.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** What {@link AppSources} reads from an app's sources, and what it refuses rather than miss. */
class AppSourcesTest {

    @Test
    void aConfigPropertyWithoutANameIsRefused() {
        assertThat(AppSources.configPropertiesRead("@ConfigProperty(name = \"stock.topic\") String topic;"))
                .containsExactly("stock.topic");
        assertThatThrownBy(() -> AppSources.configPropertiesRead("@ConfigProperty String topic;"))
                .hasMessageContaining("@ConfigProperty without name");
    }
}
