package dev.stockstream.visualizer.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Bad parameters become a 400 and unknown symbols a 404, each with a JSON message, never a stack trace. */
public class ErrorResponses {

    /** The body of every error answer of the API. */
    public record ErrorJson(String error) {
    }

    /** One message, the same for the same input: the first violation by message. */
    @ServerExceptionMapper
    public Response badParameter(ConstraintViolationException e) {
        String message = e.getConstraintViolations().stream().map(ConstraintViolation::getMessage)
                .min(Comparator.naturalOrder()).orElse("invalid request");
        return json(Response.Status.BAD_REQUEST, message);
    }

    /** A 404 naming the symbols asked for that {@code where} does not hold, and (the first few of) those it holds. */
    static Response unknownSymbols(List<String> unknown, String where, List<String> known) {
        int listed = Math.min(known.size(), 20);
        String holds = known.isEmpty() ? "which hold none"
                : "which hold " + String.join(", ", known.subList(0, listed))
                + (known.size() > listed ? " and " + (known.size() - listed) + " more" : "");
        return json(Response.Status.NOT_FOUND, (unknown.size() == 1 ? "unknown symbol " : "unknown symbols ")
                + String.join(", ", unknown) + ": not in " + where + ", " + holds);
    }

    static Response json(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new ErrorJson(message)).build();
    }
}
