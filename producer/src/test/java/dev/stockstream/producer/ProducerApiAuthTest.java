package dev.stockstream.producer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.stockstream.producer.config.ProducerSettings;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The write endpoints need the API credential (HTTP basic auth); reads stay open. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@Timeout(120)
class ProducerApiAuthTest {

    @AfterEach
    void resumed() {
        given().auth().preemptive().basic(ProducerSettings.API_USER, ApiCredential.PASSWORD).post("/producer/resume")
                .then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT /producer/rate", "POST /producer/pause", "POST /producer/resume"})
    void aWriteWithoutTheCredentialIs401WithTheChallengeAndWhatToSend(String endpoint) {
        write(endpoint, null, null).then().statusCode(401)
                .header("WWW-Authenticate", containsString("Basic"))
                .body("error", containsString("no credential sent"))
                .body("error", containsString("PRODUCER_API_PASSWORD"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT /producer/rate", "POST /producer/pause", "POST /producer/resume"})
    void aWriteWithAWrongPasswordIs401(String endpoint) {
        write(endpoint, ProducerSettings.API_USER, "wrong-password-of-16-chars")
                .then().statusCode(401).body("error", containsString("wrong user or password"));
        write(endpoint, "admin", ApiCredential.PASSWORD)
                .then().statusCode(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT /producer/rate", "POST /producer/pause", "POST /producer/resume"})
    void aWriteWithTheCredentialIsDone(String endpoint) {
        write(endpoint, ProducerSettings.API_USER, ApiCredential.PASSWORD)
                .then().statusCode(200).body("source", equalTo("csv"));
    }

    @Test
    void readsNeedNoCredential() {
        given().auth().none().get("/producer/status").then().statusCode(200);
        given().auth().none().get("/q/health/ready").then().statusCode(200);
        given().auth().none().get("/q/health/live").then().statusCode(200);
        given().auth().none().get("/q/metrics").then().statusCode(200).body(containsString("producer_ticks_sent"));
    }

    /** The write request of {@code endpoint} ("METHOD path") with basic auth as {@code user}, or none when null. */
    private static Response write(String endpoint, String user, String password) {
        RequestSpecification request = user == null ? given().auth().none() : given().auth().preemptive().basic(user, password);
        String[] parts = endpoint.split(" ");
        if (parts[0].equals("PUT")) {
            return request.contentType(ContentType.JSON).body("{\"rate\": 200}").put(parts[1]);
        }
        return request.post(parts[1]);
    }
}
