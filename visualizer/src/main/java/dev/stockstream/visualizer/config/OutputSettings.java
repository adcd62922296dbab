package dev.stockstream.visualizer.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.net.URI;

/** Where the streaming job writes, the setting the visualizer shares with the job. */
@ConfigMapping(prefix = "stock")
public interface OutputSettings {

    /** {@code STOCK_OUTPUT_ROOT}: {@code hdfs://namenode:8020/path} or {@code file:/path}; see {@link OutputRoot}. */
    @WithName("output.root")
    @WithDefault("hdfs://localhost:8020/stockstream")
    URI outputRoot();
}
