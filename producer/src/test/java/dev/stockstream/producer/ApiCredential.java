package dev.stockstream.producer;

import dev.stockstream.producer.config.ProducerSettings;
import io.restassured.RestAssured;

/** The producer API's credential in the test profile ({@code %test.producer.api.password}). */
final class ApiCredential {

    static final String PASSWORD = "test-password-of-16+chars";

    private ApiCredential() {
    }

    /** Every RestAssured request of the test sends the credential, unless it says {@code auth().none()}. */
    static void sendWithEveryRequest() {
        RestAssured.authentication = RestAssured.preemptive().basic(ProducerSettings.API_USER, PASSWORD);
    }
}
