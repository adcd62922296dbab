package dev.stockstream.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

class TickJsonTest {

    static Stream<Arguments> validRecords() {
        return Stream.of(
                Arguments.of("{\"symbol\":\"AAPL\",\"price\":187.12,\"volume\":300,\"ts\":1732406400123}",
                        new Tick("AAPL", 187.12, 300, 1732406400123L)),
                Arguments.of("{\"ts\":1732406400123,\"volume\":300,\"price\":187.12,\"symbol\":\"AAPL\"}",
                        new Tick("AAPL", 187.12, 300, 1732406400123L)),
                Arguments.of("{\"symbol\":\"BRK.B\",\"price\":412,\"volume\":0,\"ts\":1732406400123}",
                        new Tick("BRK.B", 412, 0, 1732406400123L)),
                Arguments.of("{\"symbol\":\"RDS-A\",\"price\":1.5e2,\"volume\":1,\"ts\":946684800000}",
                        new Tick("RDS-A", 150, 1, 946684800000L)),
                Arguments.of("{\"symbol\":\"X\",\"price\":0.0001,\"volume\":1000000000000,\"ts\":4102444799999}",
                        new Tick("X", 0.0001, TickRules.MAX_VOLUME, 4102444799999L)),
                Arguments.of("{\"symbol\":\"ABCDEFGHIJ\",\"price\":1,\"volume\":5,\"ts\":1732406400123}",
                        new Tick("ABCDEFGHIJ", 1, 5, 1732406400123L)),
                Arguments.of(" \n{ \"symbol\" : \"A1\" , \"price\" : 10.5 , \"volume\" : 7 , \"ts\" : 1732406400123 }\n ",
                        new Tick("A1", 10.5, 7, 1732406400123L)),
                Arguments.of("{\"symbol\":\"MSFT\",\"price\":400.5,\"volume\":10,\"ts\":1732406400123,\"venue\":{\"mic\":\"XNAS\"}}",
                        new Tick("MSFT", 400.5, 10, 1732406400123L)),
                Arguments.of("{\"symbol\":\"MSFT\",\"price\":400.5,\"volume\":10,\"ts\":1732406400123,\"tags\":[1,2],\"note\":null}",
                        new Tick("MSFT", 400.5, 10, 1732406400123L)));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("validRecords")
    void validRecordsDecodeToTheirTick(String json, Tick expected) {
        TickResult result = TickJson.decode(json);

        assertThat(result.rejection()).isNull();
        assertThat(result.tick()).isEqualTo(expected);
    }

    static Stream<Arguments> badRecords() {
        return Stream.of(
                Arguments.of("", RejectReason.EMPTY_VALUE),
                Arguments.of("not json", RejectReason.UNPARSEABLE_JSON),
                Arguments.of("{\"symbol\":\"AAPL\",\"price\":1", RejectReason.UNPARSEABLE_JSON),
                Arguments.of("{\"symbol\":\"AAPL\" \"price\":1}", RejectReason.UNPARSEABLE_JSON),
                Arguments.of("{\"symbol\":\"AAPL\",\"price\":NaN,\"volume\":1,\"ts\":1732406400123}", RejectReason.UNPARSEABLE_JSON),
                Arguments.of("{\"symbol\":\"AAPL\",\"price\":1,\"volume\":1,\"ts\":1732406400123}}", RejectReason.UNPARSEABLE_JSON),
                Arguments.of("{\"symbol\":\"AAPL\",\"price\":1,\"volume\":1,\"ts\":1732406400123} {}", RejectReason.UNPARSEABLE_JSON),
                Arguments.of("[1,2,3]", RejectReason.NOT_AN_OBJECT),
                Arguments.of("\"AAPL\"", RejectReason.NOT_AN_OBJECT),
                Arguments.of("42", RejectReason.NOT_AN_OBJECT),
                Arguments.of("null", RejectReason.NOT_AN_OBJECT),
                Arguments.of("{\"symbol\":\"AAPL\",\"symbol\":\"MSFT\",\"price\":1,\"volume\":1,\"ts\":1732406400123}", RejectReason.DUPLICATE_FIELD),
                Arguments.of("{\"price\":1,\"volume\":1,\"ts\":1732406400123}", RejectReason.MISSING_FIELD),
                Arguments.of("{\"symbol\":\"AAPL\",\"volume\":1,\"ts\":1732406400123}", RejectReason.MISSING_FIELD),
                Arguments.of("{\"symbol\":\"AAPL\",\"price\":1,\"ts\":1732406400123}", RejectReason.MISSING_FIELD),
                Arguments.of("{\"symbol\":\"AAPL\",\"price\":1,\"volume\":1}", RejectReason.MISSING_FIELD),
                Arguments.of("{}", RejectReason.MISSING_FIELD),
                Arguments.of("{\"symbol\":42,\"price\":1,\"volume\":1,\"ts\":1732406400123}", RejectReason.WRONG_TYPE),
                Arguments.of("{\"symbol\":null,\"price\":1,\"volume\":1,\"ts\":1732406400123}", RejectReason.WRONG_TYPE),
                Arguments.of("{\"symbol\":\"AAPL\",\"price\":\"187.12\",\"volume\":1,\"ts\":1732406400123}", RejectReason.WRONG_TYPE),
                Arguments.of("{\"symbol\":\"AAPL\",\"price\":true,\"volume\":1,\"ts\":1732406400123}", RejectReason.WRONG_TYPE),
                Arguments.of("{\"symbol\":\"AAPL\",\"price\":1,\"volume\":1.5,\"ts\":1732406400123}", RejectReason.WRONG_TYPE),
                Arguments.of("{\"symbol\":\"AAPL\",\"price\":1,\"volume\":\"300\",\"ts\":1732406400123}", RejectReason.WRONG_TYPE),
                Arguments.of("{\"symbol\":\"AAPL\",\"price\":1,\"volume\":1,\"ts\":\"2024-11-24T00:00:00Z\"}", RejectReason.WRONG_TYPE),
                Arguments.of("{\"symbol\":\"AAPL\",\"price\":1,\"volume\":1,\"ts\":1732406400123.5}", RejectReason.WRONG_TYPE),
                Arguments.of("{\"symbol\":[\"AAPL\"],\"price\":1,\"volume\":1,\"ts\":1732406400123}", RejectReason.WRONG_TYPE),
                Arguments.of("{\"symbol\":\"aapl\",\"price\":1,\"volume\":1,\"ts\":1732406400123}", RejectReason.BAD_SYMBOL),
                Arguments.of("{\"symbol\":\"\",\"price\":1,\"volume\":1,\"ts\":1732406400123}", RejectReason.BAD_SYMBOL),
                Arguments.of("{\"symbol\":\"1ABC\",\"price\":1,\"volume\":1,\"ts\":1732406400123}", RejectReason.BAD_SYMBOL),
                Arguments.of("{\"symbol\":\"ABCDEFGHIJK\",\"price\":1,\"volume\":1,\"ts\":1732406400123}", RejectReason.BAD_SYMBOL),
                Arguments.of("{\"symbol\":\"A B\",\"price\":1,\"volume\":1,\"ts\":1732406400123}", RejectReason.BAD_SYMBOL),
                Arguments.of("{\"symbol\":\"<script>\",\"price\":1,\"volume\":1,\"ts\":1732406400123}", RejectReason.BAD_SYMBOL),
                Arguments.of("{\"symbol\":\"AAPL\",\"price\":0,\"volume\":1,\"ts\":1732406400123}", RejectReason.BAD_PRICE),
                Arguments.of("{\"symbol\":\"AAPL\",\"price\":-3.5,\"volume\":1,\"ts\":1732406400123}", RejectReason.BAD_PRICE),
                Arguments.of("{\"symbol\":\"AAPL\",\"price\":1e400,\"volume\":1,\"ts\":1732406400123}", RejectReason.BAD_PRICE),
                Arguments.of("{\"symbol\":\"AAPL\",\"price\":1000000000.5,\"volume\":1,\"ts\":1732406400123}", RejectReason.BAD_PRICE),
                Arguments.of("{\"symbol\":\"AAPL\",\"price\":1,\"volume\":1000000000001,\"ts\":1732406400123}", RejectReason.BAD_VOLUME),
                Arguments.of("{\"symbol\":\"AAPL\",\"price\":1,\"volume\":-1,\"ts\":1732406400123}", RejectReason.BAD_VOLUME),
                Arguments.of("{\"symbol\":\"AAPL\",\"price\":1,\"volume\":99999999999999999999,\"ts\":1732406400123}", RejectReason.BAD_VOLUME),
                Arguments.of("{\"symbol\":\"AAPL\",\"price\":1,\"volume\":1,\"ts\":1732406400}", RejectReason.IMPLAUSIBLE_TIMESTAMP),
                Arguments.of("{\"symbol\":\"AAPL\",\"price\":1,\"volume\":1,\"ts\":1732406400123000}", RejectReason.IMPLAUSIBLE_TIMESTAMP),
                Arguments.of("{\"symbol\":\"AAPL\",\"price\":1,\"volume\":1,\"ts\":-1}", RejectReason.IMPLAUSIBLE_TIMESTAMP),
                Arguments.of("{\"symbol\":\"AAPL\",\"price\":1,\"volume\":1,\"ts\":4102444800000}", RejectReason.IMPLAUSIBLE_TIMESTAMP),
                Arguments.of("{\"symbol\":\"AAPL\",\"price\":1,\"volume\":1,\"ts\":99999999999999999999}", RejectReason.IMPLAUSIBLE_TIMESTAMP));
    }

    @ParameterizedTest(name = "[{index}] {1}: {0}")
    @MethodSource("badRecords")
    void badRecordsAreRejectedWithTheirReason(String json, RejectReason expected) {
        TickResult result = TickJson.decode(json);

        assertThat(result.tick()).isNull();
        assertThat(result.rejection().reason()).isEqualTo(expected);
        assertThat(result.rejection().detail()).isNotBlank().doesNotContain("\n");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void aMissingValueIsRejectedNotThrown(String value) {
        assertThat(TickJson.decode(value).rejection().reason()).isEqualTo(RejectReason.EMPTY_VALUE);
        assertThat(TickJson.decode((byte[]) null).rejection().reason()).isEqualTo(RejectReason.EMPTY_VALUE);
    }

    @Test
    void eventTimeIsJudgedAgainstTheKafkaRecordsTimestamp() {
        long record = 1_732_406_400_000L;
        assertThat(TickRules.checkEventTime(record + 60_000, record, 60_000, 3_600_000)).isNull();
        assertThat(TickRules.checkEventTime(record - 3_600_000, record, 60_000, 3_600_000)).isNull();
        assertThat(TickRules.checkEventTime(record + 60_001, record, 60_000, 3_600_000).reason())
                .isEqualTo(RejectReason.EVENT_TIME_AHEAD);
        assertThat(TickRules.checkEventTime(record - 3_600_001, record, 60_000, 3_600_000).reason())
                .isEqualTo(RejectReason.EVENT_TIME_BEHIND);
    }

    @Test
    void invalidUtf8IsRejectedAsUnparseable() {
        byte[] value = "{\"symbol\":\"A\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(TickJson.decode(value).rejection().reason()).isEqualTo(RejectReason.UNPARSEABLE_JSON);
    }

    @Test
    void aValueIsDecodedInPlaceFromTheMiddleOfABuffer() {
        byte[] tick = "{\"symbol\":\"AAPL\",\"price\":187.12,\"volume\":300,\"ts\":1732406400123}"
                .getBytes(StandardCharsets.UTF_8);
        byte[] buffer = new byte[tick.length + 10];
        Arrays.fill(buffer, (byte) '}');
        System.arraycopy(tick, 0, buffer, 4, tick.length);

        assertThat(TickJson.decode(buffer, 4, tick.length).tick()).isEqualTo(new Tick("AAPL", 187.12, 300, 1732406400123L));
        assertThat(TickJson.decode(buffer, 4, tick.length - 1).rejection().reason()).isEqualTo(RejectReason.UNPARSEABLE_JSON);
        assertThat(TickJson.decode(buffer, 4, 0).rejection().reason()).isEqualTo(RejectReason.EMPTY_VALUE);
    }

    @Test
    void theDetailNamesTheOffendingField() {
        assertThat(TickJson.decode("{\"symbol\":\"AAPL\",\"price\":\"1\",\"volume\":1,\"ts\":1732406400123}")
                .rejection().message()).isEqualTo("WRONG_TYPE: field \"price\" must be a number, got a string");
        assertThat(TickJson.decode("{\"symbol\":\"AAPL\",\"price\":1,\"volume\":1}")
                .rejection().message()).isEqualTo("MISSING_FIELD: field \"ts\" is missing");
    }

    @Test
    void encodedTicksDecodeToTheSameTick() {
        Tick[] ticks = {
            new Tick("AAPL", 187.12, 300, 1732406400123L),
            new Tick("BRK.B", 0.000123, 0, TickRules.MIN_TS),
            new Tick("Z9-Z", TickRules.MAX_PRICE, TickRules.MAX_VOLUME, TickRules.MAX_TS_EXCLUSIVE - 1),
        };
        for (Tick tick : ticks) {
            assertThat(TickJson.decode(TickJson.encodeBytes(tick)).tick()).isEqualTo(tick);
        }
        assertThat(TickJson.encode(ticks[0]))
                .isEqualTo("{\"symbol\":\"AAPL\",\"price\":187.12,\"volume\":300,\"ts\":1732406400123}");
    }

    @Test
    void aTickCannotBeBuiltFromInvalidFields() {
        assertThatThrownBy(() -> Tick.of("aapl", 1, 1, 1732406400123L))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("BAD_SYMBOL");
        assertThatThrownBy(() -> Tick.of("AAPL", Double.NaN, 1, 1732406400123L))
                .hasMessageStartingWith("BAD_PRICE");
        assertThat(Tick.of("AAPL", 1, 1, 1732406400123L)).isEqualTo(new Tick("AAPL", 1, 1, 1732406400123L));
    }
}
