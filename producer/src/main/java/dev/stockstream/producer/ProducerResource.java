package dev.stockstream.producer;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** Run-time control of the producer: status, rate, pause and resume. */
@Path("/producer")
@Produces(MediaType.APPLICATION_JSON)
public class ProducerResource {

    private final TickPump pump;
    private final TickSender sender;
    private final ProducerStats stats;

    public ProducerResource(TickPump pump, TickSender sender, ProducerStats stats) {
        this.pump = pump;
        this.sender = sender;
        this.stats = stats;
    }

    public record Status(String source, double configuredRate, double achievedRate, boolean paused, long sent,
                         long failed, int inFlight, Map<String, ProducerStats.SymbolStatus> symbols) {
    }

    public record RateRequest(Double rate) {
    }

    @GET
    @Path("/status")
    public Status status() {
        return new Status(pump.settings().source().name().toLowerCase(), pump.rate(), stats.achievedRate(),
                pump.isPaused(), stats.sent(), stats.failed(), sender.inFlight(), stats.symbols());
    }

    @PUT
    @Path("/rate")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response setRate(RateRequest request) {
        if (request == null || request.rate() == null) {
            return badRequest("send {\"rate\": <ticks per second>}, a number " + ProducerSettings.RATE_RANGE);
        }
        if (!ProducerSettings.isValidRate(request.rate())) {
            return badRequest("rate must be " + ProducerSettings.RATE_RANGE + ", got " + request.rate());
        }
        pump.setRate(request.rate());
        return Response.ok(status()).build();
    }

    @POST
    @Path("/pause")
    public Status pause() {
        pump.pause();
        return status();
    }

    @POST
    @Path("/resume")
    public Status resume() {
        pump.resume();
        return status();
    }

    static Response badRequest(String message) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", message)).build();
    }
}
