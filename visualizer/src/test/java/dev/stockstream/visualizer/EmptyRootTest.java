package dev.stockstream.visualizer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** An output root the job has not written to yet: its own root, so no other test's batches or candles are in it. */
@QuarkusTest
@WithTestResource(value = HdfsTestResource.class, initArgs = @ResourceArg(name = "root", value = "/empty"))
class EmptyRootTest {

    @Test
    @Timeout(60)
    void anEmptyRootShowsWaitingForTheFirstBatchAndTheFirstCandle() {
        given().get("/").then().statusCode(200)
                .body(containsString("Waiting for the first batch"))
                .body(containsString("The candle query has not committed under the output root yet"))
                .body(not(containsString("<svg")));
        given().get("/api/batches/latest").then().statusCode(404).body("error", containsString("no readable batch"));
        given().get("/charts/bar.svg").then().statusCode(404);
        given().get("/api/status").then().statusCode(200).body("state", equalTo("WAITING"));
        // no candle yet is not an error: an empty answer and a chart that says so
        given().get("/api/candles?symbol=AAPL").then().statusCode(200).body("state", equalTo("WAITING"))
                .body("symbol", equalTo("AAPL")).body("candles", empty()).body("watermark", nullValue());
        String chart = given().get("/charts/candles.svg").then().statusCode(200).contentType("image/svg+xml")
                .extract().asString();
        assertThat(String.join(" ", SvgText.texts(chart))).contains("no candles yet", "No candles yet");
        given().get("/q/health/ready").then().statusCode(200);
    }
}
