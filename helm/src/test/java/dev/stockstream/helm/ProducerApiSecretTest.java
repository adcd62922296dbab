package dev.stockstream.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The password of the producer's write endpoints: from the Secret the chart creates, or from the user's. */
@Timeout(120)
class ProducerApiSecretTest {

    private static EnvVar passwordVar(Rendered rendered) {
        return Workloads.container(rendered, "producer").getEnv().stream()
                .filter(env -> env.getName().equals("PRODUCER_API_PASSWORD")).findFirst().orElseThrow();
    }

    @Test
    void byDefaultTheChartCreatesASecretWithARandomPasswordTheProducerReads() {
        Rendered first = Chart.render();
        Secret secret = StrictModels.convert(first.get("Secret", "stock-streaming-producer-api"), Secret.class);
        String password = new String(Base64.getDecoder().decode(secret.getData().get("password")), StandardCharsets.UTF_8);
        assertThat(password).hasSize(32).matches("[A-Za-z0-9]+");
        assertThat(passwordVar(first).getValueFrom().getSecretKeyRef().getName()).isEqualTo("stock-streaming-producer-api");
        assertThat(passwordVar(first).getValueFrom().getSecretKeyRef().getKey()).isEqualTo("password");
        assertThat(passwordVar(first).getValue()).as("never in the pod spec itself").isNull();

        String another = new String(Base64.getDecoder().decode(StrictModels.convert(
                Chart.render().get("Secret", "stock-streaming-producer-api"), Secret.class).getData().get("password")), StandardCharsets.UTF_8);
        assertThat(another).as("each install its own password").isNotEqualTo(password);
    }

    @Test
    void anExistingSecretIsUsedAsItIsAndNoneIsCreated() {
        Rendered rendered = Chart.render(Map.of("producer.api.existingSecret", "team-producer", "producer.api.existingSecretKey", "api-password"));
        assertThat(rendered.ofKind("Secret")).extracting(secret -> secret.path("metadata").path("name").asText())
                .doesNotContain("stock-streaming-producer-api");
        assertThat(passwordVar(rendered).getValueFrom().getSecretKeyRef().getName()).isEqualTo("team-producer");
        assertThat(passwordVar(rendered).getValueFrom().getSecretKeyRef().getKey()).isEqualTo("api-password");
    }
}
