package dev.stockstream.producer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Malformed request bodies answer 400 with what was wrong, in the same shape as other errors. */
public class JsonErrorMapper {

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        return ProducerResource.badRequest("malformed JSON body: " + e.getOriginalMessage());
    }

    /** The JSON reader reports an unparseable body as a bare 400; give it a message. */
    @ServerExceptionMapper
    public Response badRequest(WebApplicationException e) {
        if (e.getResponse().getStatus() != 400) {
            return e.getResponse();
        }
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String detail = cause instanceof JsonProcessingException json ? json.getOriginalMessage() : cause.getMessage();
        return ProducerResource.badRequest("malformed JSON body: " + detail);
    }

    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return ProducerResource.badRequest("malformed JSON body: " + e.getOriginalMessage());
    }
}
