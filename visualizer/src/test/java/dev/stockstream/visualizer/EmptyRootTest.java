package dev.stockstream.visualizer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** An output root the job has not written to yet: its own root, so no other test's batches are in it. */
@QuarkusTest
@WithTestResource(value = HdfsTestResource.class, initArgs = @ResourceArg(name = "root", value = "/empty"))
class EmptyRootTest {

    @Test
    @Timeout(60)
    void anEmptyRootShowsWaitingForTheFirstBatch() {
        given().get("/").then().statusCode(200)
                .body(containsString("Waiting for the first batch"))
                .body(not(containsString("<svg")));
        given().get("/api/batches/latest").then().statusCode(404).body("error", containsString("no readable batch"));
        given().get("/charts/bar.svg").then().statusCode(404);
        given().get("/api/status").then().statusCode(200).body("state", equalTo("WAITING"));
        given().get("/q/health/ready").then().statusCode(200);
    }
}
