package dev.stockstream.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** templates/spark/rbac.yaml: the Role and RoleBinding that let the driver run its executor pods. */
@Timeout(120)
class SparkRbacTest {

    @Test
    void shouldRunTheDriverUnderAServiceAccountBoundToARoleForExecutorPods() {
        Rendered rendered = Chart.render();
        String account = Workloads.sparkApplication(rendered).path("spec").path("driver").path("serviceAccount").asText();
        Role role = StrictModels.convert(rendered.component("Role", "spark"), Role.class);
        RoleBinding binding = StrictModels.convert(rendered.component("RoleBinding", "spark"), RoleBinding.class);

        assertThat(rendered.find("ServiceAccount", account)).isPresent();
        assertThat(binding.getRoleRef().getName()).isEqualTo(role.getMetadata().getName());
        assertThat(binding.getSubjects()).anyMatch(s -> "ServiceAccount".equals(s.getKind()) && account.equals(s.getName()));
        for (String resource : List.of("pods", "services", "configmaps", "persistentvolumeclaims")) {
            assertThat(role.getRules()).as(resource).anyMatch(rule -> rule.getResources().contains(resource)
                    && rule.getVerbs().containsAll(List.of("create", "get", "list", "watch", "delete")));
        }
        assertThat(role.getRules()).extracting(PolicyRule::getApiGroups).allMatch(groups -> groups.equals(List.of("")));
    }

    @Test
    void shouldNotCreateRbacResourcesIfSparkRbacCreateIsFalse() {
        Rendered rendered = Chart.render(Map.of("spark.rbac.create", false));

        assertThat(rendered.ofKind("Role")).isEmpty();
        assertThat(rendered.ofKind("RoleBinding")).isEmpty();
        assertThat(rendered.ofKind("ServiceAccount")).hasSize(1);
    }
}
