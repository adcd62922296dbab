package dev.stockstream.producer.api;

import dev.stockstream.producer.KafkaTickSender;
import dev.stockstream.producer.ProducerStats;
import dev.stockstream.producer.TickPump;
import dev.stockstream.producer.config.ProducerSettings;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.hibernate.validator.constraints.Range;

/** Run-time control of the producer: status (open), rate, pause and resume (the API user only). */
@Path("/producer")
@Produces(MediaType.APPLICATION_JSON)
public class ProducerResource {

    private final TickPump pump;
    private final KafkaTickSender sender;
    private final ProducerStats stats;

    public ProducerResource(TickPump pump, KafkaTickSender sender, ProducerStats stats) {
        this.pump = pump;
        this.sender = sender;
        this.stats = stats;
    }

    public record Status(String source, double configuredRate, double achievedRate, boolean paused, long sent,
                         long failed, int inFlight, Map<String, ProducerStats.SymbolStatus> symbols) {
    }

    /** For a body without a rate (in a constraint message, a backslash makes a brace literal). */
    private static final String SEND_A_RATE = "send \\{\"rate\": <ticks per second>\\}, a number " + ProducerSettings.RATE_RANGE;

    public record RateRequest(
            @NotNull(message = SEND_A_RATE)
            @Range(min = 1, max = ProducerSettings.MAX_RATE,
                    message = "rate must be " + ProducerSettings.RATE_RANGE + ", got ${validatedValue}")
            Double rate) {
    }

    @GET
    @Path("/status")
    public Status status() {
        return new Status(pump.sourceName(), pump.rate(), stats.achievedRate(),
                pump.isPaused(), stats.sent(), stats.failed(), sender.inFlight(), stats.symbols());
    }

    @PUT
    @Path("/rate")
    @RolesAllowed(ProducerSettings.API_USER)
    @Consumes(MediaType.APPLICATION_JSON)
    public Status setRate(@NotNull(message = SEND_A_RATE) @Valid RateRequest request) {
        pump.setRate(request.rate());
        return status();
    }

    @POST
    @Path("/pause")
    @RolesAllowed(ProducerSettings.API_USER)
    public Status pause() {
        pump.pause();
        return status();
    }

    @POST
    @Path("/resume")
    @RolesAllowed(ProducerSettings.API_USER)
    public Status resume() {
        pump.resume();
        return status();
    }
}
