package dev.stockstream.visualizer.hdfs;

import dev.stockstream.store.BatchReader;
import dev.stockstream.visualizer.config.OutputRoot;
import dev.stockstream.visualizer.config.OutputSettings;
import dev.stockstream.visualizer.config.VisualizerSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Clock;
import org.jboss.logging.Logger;

/** Opens the output root once for the whole app, at start (a bad root stops it), and builds the cached batch and candle readers on it. */
@ApplicationScoped
public class HdfsBeans {

    private static final Logger LOG = Logger.getLogger(HdfsBeans.class);

    @Produces
    @Startup
    @Singleton
    BatchReader batchReader(OutputSettings output, VisualizerSettings settings) {
        BatchReader files = HdfsClient.open(OutputRoot.checked(output.outputRoot()), settings.hdfsTimeout());
        LOG.infof("reading batches from %s (trend of %d batches, poll every %d ms)", files.root(),
                settings.trendBatches(), settings.pollInterval().toMillis());
        return files;
    }

    void close(@Disposes BatchReader files) throws IOException {
        files.close();
    }

    @Produces
    @Singleton
    HistoryReader batchHistory(BatchReader files, VisualizerSettings settings, MeterRegistry registry) {
        return new HistoryReader(files, settings.maxMissing(), settings.cacheBatches(), registry, Clock.systemUTC());
    }

    /** Beside the batches, on a file system of its own with the same timeouts. */
    @Produces
    @Singleton
    CandleHistory candleHistory(BatchReader files, VisualizerSettings settings, MeterRegistry registry) {
        return new CandleHistory(HdfsClient.fileSystem(files.root(), settings.hdfsTimeout()), files.root(),
                settings.cacheCandles(), registry);
    }

    void close(@Disposes CandleHistory candles) throws IOException {
        candles.close();
    }
}
