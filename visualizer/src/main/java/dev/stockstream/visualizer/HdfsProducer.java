package dev.stockstream.visualizer;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Clock;
import org.jboss.logging.Logger;

/** Opens the output root once for the whole app and builds the cached history reader on it. */
@ApplicationScoped
public class HdfsProducer {

    private static final Logger LOG = Logger.getLogger(HdfsProducer.class);

    @Produces
    @Singleton
    BatchFiles batchFiles(VisualizerSettings settings) {
        LOG.infof("reading batches from %s (trend of %d batches, poll every %d ms)", settings.outputRoot(),
                settings.trendBatches(), settings.pollInterval().toMillis());
        return new BatchFiles(settings.outputRoot(), settings.hdfsTimeout());
    }

    void close(@Disposes BatchFiles files) throws IOException {
        files.close();
    }

    @Produces
    @Singleton
    BatchHistory batchHistory(BatchFiles files, VisualizerSettings settings, MeterRegistry registry) {
        return new BatchHistory(files, settings.maxMissing(), settings.cacheBatches(), registry, Clock.systemUTC());
    }
}
