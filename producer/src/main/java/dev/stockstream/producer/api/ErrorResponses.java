package dev.stockstream.producer.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Refused requests answer 400 with {@code {"error": "..."}} saying what was wrong, never a stack trace. */
public class ErrorResponses {

    public record ErrorJson(String error) {
    }

    /** Every violated constraint's message, sorted so the same input gives the same answer. */
    @ServerExceptionMapper
    public Response invalidRequest(ConstraintViolationException e) {
        return badRequest(e.getConstraintViolations().stream().map(ConstraintViolation::getMessage)
                .sorted().collect(Collectors.joining("; ")));
    }

    /** A value of the wrong type ({@code "rate": "fast"}); Quarkus' own mapper would answer without a message. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return malformedJson(e);
    }

    /** A body that is no JSON at all reaches here wrapped in a bare 400, which gets a message. */
    @ServerExceptionMapper
    public Response unreadableBody(WebApplicationException e) {
        if (e.getResponse().getStatus() == 400 && e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json);
        }
        return e.getResponse();
    }

    private static Response malformedJson(JsonProcessingException e) {
        return badRequest("malformed JSON body: " + e.getOriginalMessage());
    }

    private static Response badRequest(String message) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON)
                .entity(new ErrorJson(message)).build();
    }
}
