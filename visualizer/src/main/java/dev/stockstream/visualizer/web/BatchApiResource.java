package dev.stockstream.visualizer.web;

import dev.stockstream.model.BatchRow;
import dev.stockstream.visualizer.config.VisualizerSettings;
import dev.stockstream.visualizer.hdfs.Batch;
import dev.stockstream.visualizer.hdfs.HistoryReader;
import dev.stockstream.visualizer.hdfs.HistorySnapshot;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** The dashboard's data as JSON: the latest batch, the last N batches, the reader's state. */
@Path("/api")
@Blocking
@Produces(MediaType.APPLICATION_JSON)
public class BatchApiResource {

    public record BatchJson(long batchId, String committedAt, Long batchTime, int symbols, long ticks, long volume,
                            List<BatchRow> rows) {
        static BatchJson of(Batch batch) {
            return new BatchJson(batch.id(), batch.committedAt().toString(),
                    batch.batchTime().isPresent() ? batch.batchTime().getAsLong() : null,
                    batch.symbols(), batch.ticks(), batch.volume(), batch.rows());
        }
    }

    public record BatchesJson(String state, int requested, List<BatchJson> batches, List<Long> skipped) {
    }

    public record StatusJson(String state, String problem, Long latestBatchId, String latestCommittedAt,
                             String outputRoot, int trendBatches, String readAt) {
    }

    @Inject
    HistoryReader history;
    @Inject
    VisualizerSettings settings;

    @GET
    @Path("batches/latest")
    public Response latest() {
        HistorySnapshot current = history.read(1);
        Response unavailable = unavailable(current);
        if (unavailable != null) {
            return unavailable;
        }
        if (current.batches().isEmpty()) {
            return ErrorResponses.json(Response.Status.NOT_FOUND,
                    "no readable batch under " + history.root() + " yet");
        }
        return Response.ok(BatchJson.of(current.batches().get(0))).build();
    }

    @GET
    @Path("batches")
    public Response last(@Valid @BeanParam BatchCountParam last) {
        int count = last.orDefault(settings.trendBatches());
        HistorySnapshot current = history.read(count);
        Response unavailable = unavailable(current);
        if (unavailable != null) {
            return unavailable;
        }
        return Response.ok(new BatchesJson(current.state().name(), count,
                current.batches().stream().map(BatchJson::of).toList(), current.skipped())).build();
    }

    @GET
    @Path("status")
    public StatusJson status() {
        HistorySnapshot current = history.read(1);
        return new StatusJson(current.state().name(), current.problem().orElse(null),
                current.latest().map(Batch::id).orElse(null),
                current.latest().map(batch -> batch.committedAt().toString()).orElse(null),
                history.root().toString(), settings.trendBatches(), current.readAt().toString());
    }

    /** Stale data is fine on the page under a warning; the API says it cannot answer. */
    private static Response unavailable(HistorySnapshot current) {
        if (current.state() == HistorySnapshot.State.UNREACHABLE || current.state() == HistorySnapshot.State.POINTER_UNREADABLE) {
            return ErrorResponses.json(Response.Status.SERVICE_UNAVAILABLE, current.problem().orElse("unavailable"));
        }
        return null;
    }
}
