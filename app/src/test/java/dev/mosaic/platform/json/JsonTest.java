package dev.mosaic.platform.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Stored fingerprints are hashes of {@link Json#write}'s text: a record sent again is recognised as unchanged only if
 * the text is the same as when it was stored, which was Jackson's, keys sorted.
 */
class JsonTest {

    private static final ObjectMapper JACKSON_SORTED = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).findAndAddModules().build();
    private static final String SPECIAL = "\"\\/\n\t é€";

    @Test
    void writesWhatJacksonWritesWithSortedKeys() throws Exception {
        Random random = new Random(42);
        for (int i = 0; i < 5_000; i++) {
            Object value = randomValue(random, 0);
            assertThat(Json.write(value)).as("document %d", i).isEqualTo(JACKSON_SORTED.writeValueAsString(value));
        }
    }

    @Test
    void escapesEveryControlCharacterAsJacksonDoes() throws Exception {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x300; c++) {
            all.append(c);
        }
        all.append("\ud800 lone \udc00 surrogates, \ud83d\ude00 a pair, \u2028\u2029 separators");
        Map<String, Object> document = Map.of(all.toString(), List.of(all.toString()));
        assertThat(Json.write(document)).isEqualTo(JACKSON_SORTED.writeValueAsString(document));
    }

    @Test
    void keepsTheOrderOfASortedMapWithItsOwnComparator() throws Exception {
        TreeMap<String, Object> reversed = new TreeMap<>(java.util.Comparator.reverseOrder());
        reversed.put("a", 1);
        reversed.put("b", 2);
        assertThat(Json.write(reversed)).isEqualTo("{\"b\":2,\"a\":1}").isEqualTo(JACKSON_SORTED.writeValueAsString(reversed));
    }

    private static Object randomValue(Random random, int depth) {
        int kind = random.nextInt(depth > 3 ? 9 : 12);
        return switch (kind) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> random.nextInt();
            case 3 -> random.nextLong();
            case 4 -> new BigDecimal(BigInteger.valueOf(random.nextLong()), random.nextInt(40) - 20);
            case 5 -> BigInteger.valueOf(random.nextLong()).multiply(BigInteger.valueOf(random.nextLong()));
            case 6 -> Instant.ofEpochMilli(random.nextLong() % 10_000_000_000_000L);
            case 7 -> random.nextBoolean() ? LocalDate.ofEpochDay(random.nextInt(100_000)) : random.nextDouble() * 1e6;
            case 8 -> randomText(random);
            case 9 -> {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(5); i > 0; i--) {
                    list.add(randomValue(random, depth + 1));
                }
                yield list;
            }
            default -> {
                Map<String, Object> map = random.nextBoolean() ? new HashMap<>() : new LinkedHashMap<>();
                for (int i = random.nextInt(6); i > 0; i--) {
                    map.put(randomText(random), randomValue(random, depth + 1));
                }
                yield map;
            }
        };
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
            int range = random.nextInt(4);
            text.append((char) switch (range) {
                case 0 -> random.nextInt(0x80);
                case 1 -> 'a' + random.nextInt(26);
                case 2 -> random.nextInt(0x10000);
                default -> SPECIAL.charAt(random.nextInt(SPECIAL.length()));
            });
        }
        return text.toString();
    }
}
