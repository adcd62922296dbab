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

    static Stream<String> canonicalLookingRecords() {
        String[] prices = {"187.12", "1", "0", "01", "1.", ".5", "1e", "1E+2", "1.5e-3", "1.0E10", "-0", "-0.0", "-3.5", "0x10",
            "Infinity", "1e400", "4.9E-324", "123456789012345678901234567890", "9007199254740993", "1000000000.0", "2.5E8"};
        String[] integers = {"0", "-0", "007", "-1", "1732406400123", "999999999999999999", "1000000000000000000",
            "99999999999999999999", "1.5", "1e3", "+1", "-"};
        String[] symbols = {"AAPL", "BRK.B", "RDS-A", "aapl", "", "ABCDEFGHIJK", "\\u0041", "A\\\"B", "1ABC"};
        Stream.Builder<String> records = Stream.builder();
        for (String price : prices) {
            records.add("{\"symbol\":\"AAPL\",\"price\":" + price + ",\"volume\":300,\"ts\":1732406400123}");
        }
        for (String value : integers) {
            records.add("{\"symbol\":\"AAPL\",\"price\":1.5,\"volume\":" + value + ",\"ts\":1732406400123}");
            records.add("{\"symbol\":\"AAPL\",\"price\":1.5,\"volume\":3,\"ts\":" + value + "}");
        }
        for (String symbol : symbols) {
            records.add("{\"symbol\":\"" + symbol + "\",\"price\":1.5,\"volume\":3,\"ts\":1732406400123}");
        }
        String canonical = "{\"symbol\":\"AAPL\",\"price\":1.5,\"volume\":3,\"ts\":1732406400123}";
        records.add(canonical + " ").add(canonical + "}").add(canonical.substring(0, canonical.length() - 1))
                .add(canonical.replace("{", "{ ")).add(canonical.replace(",\"ts\"", ",\"ts\":1,\"ts\""));
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (int i = 0; i < 2000; i++) {
            double price = switch (i % 4) {
                case 0 -> random.nextDouble(0.0001, 1000);
                case 1 -> Math.round(random.nextDouble(1, 1e6) * 100) / 100.0;
                case 2 -> Double.longBitsToDouble(random.nextLong());
                default -> random.nextInt(1, 100_000);
            };
            records.add(TickJson.encode(new Tick("S" + random.nextInt(1000), price, random.nextLong(-5, TickRules.MAX_VOLUME * 2),
                    random.nextLong(TickRules.MIN_TS - 1000, TickRules.MAX_TS_EXCLUSIVE + 1000))));
        }
        return records.build();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource({"canonicalLookingRecords", "validRecordsAsJson", "badRecordsAsJson"})
    void theCanonicalFastPathDecodesAsTheJsonParserDoes(String json) {
        byte[] value = json.getBytes(StandardCharsets.UTF_8);
        TickResult fast = CanonicalTickDecoder.decode(value, 0, value.length);
        TickResult parsed = TickJson.parse(value, 0, value.length);

        assertThat(TickJson.decode(value)).isEqualTo(parsed);
        if (fast != null) {
            assertThat(fast).isEqualTo(parsed);
        }
    }

    @Test
    void everyTickTheProducerEncodesTakesTheFastPath() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        for (int i = 0; i < 1000; i++) {
            Tick tick = Tick.of("T" + random.nextInt(100) + ".A-B", random.nextDouble(1e-4, TickRules.MAX_PRICE),
                    random.nextLong(0, TickRules.MAX_VOLUME + 1), random.nextLong(TickRules.MIN_TS, TickRules.MAX_TS_EXCLUSIVE));
            byte[] value = TickJson.encodeBytes(tick);

            assertThat(CanonicalTickDecoder.decode(value, 0, value.length)).as(TickJson.encode(tick))
                    .isEqualTo(new TickResult(tick, null));
        }
    }

    static Stream<String> validRecordsAsJson() {
        return validRecords().map(arguments -> (String) arguments.get()[0]);
    }

    static Stream<String> badRecordsAsJson() {
        return badRecords().map(arguments -> (String) arguments.get()[0]).filter(json -> !json.isEmpty());
    }
}
