package dev.stockstream.visualizer.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Bad parameters become a 400 with a JSON message, never a stack trace. */
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

    static Response json(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new ErrorJson(message)).build();
    }
}
