package dev.stockstream.visualizer;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Bad parameters become a 400 with a JSON message, never a stack trace. */
public class ErrorResponses {

    /** The body of every error answer of the API. */
    public record ErrorJson(String error) {
    }

    @ServerExceptionMapper
    public Response badParameter(InvalidParameterException e) {
        return json(Response.Status.BAD_REQUEST, e.getMessage());
    }

    static Response json(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new ErrorJson(message)).build();
    }
}
