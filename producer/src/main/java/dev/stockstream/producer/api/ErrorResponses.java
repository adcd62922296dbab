package dev.stockstream.producer.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.stockstream.producer.config.ProducerSettings;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Refused requests answer 400 (401 without the API credential) with {@code {"error": "..."}} saying what was wrong, never a stack trace. */
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

    /** A write without the API credential, or with a wrong one: 401 with the basic-auth challenge and what to send. */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e) {
        String reason = e instanceof AuthenticationFailedException ? "wrong user or password" : "no credential sent";
        return Response.status(Response.Status.UNAUTHORIZED).type(MediaType.APPLICATION_JSON)
                .header("WWW-Authenticate", "Basic realm=\"stock-producer\"")
                .entity(new ErrorJson("this endpoint needs the producer's API credential (" + reason + "): HTTP basic auth as user "
                        + ProducerSettings.API_USER + " with the password in PRODUCER_API_PASSWORD")).build();
    }

    private static Response malformedJson(JsonProcessingException e) {
        return badRequest("malformed JSON body: " + e.getOriginalMessage());
    }

    private static Response badRequest(String message) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON)
                .entity(new ErrorJson(message)).build();
    }
}
