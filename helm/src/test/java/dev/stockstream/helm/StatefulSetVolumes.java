package dev.stockstream.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.Map;

/** The one volume claim template of a rendered StatefulSet, by component. */
final class StatefulSetVolumes {

    private StatefulSetVolumes() {
    }

    /** The claim's storage class when the chart is rendered with {@code values}; null: the cluster's default. */
    static String storageClass(Map<String, ?> values, String component) {
        return claim(Chart.render(values), component).getSpec().getStorageClassName();
    }

    static PersistentVolumeClaim claim(Rendered rendered, String component) {
        StatefulSet set = StrictModels.convert(rendered.component("StatefulSet", component), StatefulSet.class);
        assertThat(set.getSpec().getVolumeClaimTemplates()).hasSize(1);
        return set.getSpec().getVolumeClaimTemplates().get(0);
    }
}
