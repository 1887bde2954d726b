package dev.mosaic.bench.identity;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * FEBRL3 (see {@code er/README.md} in the bench's resources): 5,000 person records, of 2,000 people. Each becomes an
 * ingest contact as a CRM would hold it: names, an address, a birthdate. The truth ({@code rec_id}) and the social
 * security number stay out of what Mosaic sees.
 */
final class Febrl3 {

    static final int SIZE = 5_000;

    /** One record: what Mosaic is sent, and the person it truly is. */
    record Person(String externalId, String trueEntity, ObjectNode item) {
    }

    private Febrl3() {
    }

    static List<Person> read(int limit) throws IOException {
        try (InputStream in = Febrl3.class.getResourceAsStream("/er/febrl3.csv")) {
            if (in == null) {
                throw new IOException("The bench jar holds no er/febrl3.csv");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            lines.readLine();
            List<Person> people = new ArrayList<>();
            for (String line = lines.readLine(); line != null && people.size() < limit; line = lines.readLine()) {
                people.add(person("r" + people.size(), line.split(",", -1)));
            }
            return people;
        }
    }

    private static Person person(String externalId, String[] columns) {
        for (int i = 0; i < columns.length; i++) {
            columns[i] = columns[i].trim();
        }
        ObjectNode item = JsonNodeFactory.instance.objectNode();
        item.put("externalId", externalId);
        putIfAny(item, "firstName", columns[1]);
        putIfAny(item, "lastName", columns[2]);
        ObjectNode address = JsonNodeFactory.instance.objectNode();
        putIfAny(address, "street", (columns[3] + " " + columns[4]).trim() + (columns[5].isEmpty() ? "" : ", " + columns[5]));
        putIfAny(address, "city", columns[6]);
        putIfAny(address, "postalCode", columns[7]);
        putIfAny(address, "state", columns[8]);
        if (!address.isEmpty()) {
            item.set("address", address);
        }
        birthdate(columns[9]).ifPresentOrElse(date -> item.put("birthdate", date),
                // A date the generator corrupted past the calendar is kept as text a person could still read.
                () -> putIfAny(item, "birthdateAsGiven", columns[9]));
        return new Person(externalId, columns[0].replaceAll("-(org|dup-\\d+)$", ""), item);
    }

    private static Optional<String> birthdate(String yyyymmdd) {
        if (yyyymmdd.length() != 8) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(yyyymmdd.substring(0, 4)),
                    Integer.parseInt(yyyymmdd.substring(4, 6)), Integer.parseInt(yyyymmdd.substring(6, 8))).toString());
        } catch (NumberFormatException | DateTimeException e) {
            return Optional.empty();
        }
    }

    private static void putIfAny(ObjectNode node, String field, String value) {
        if (!value.isBlank()) {
            node.put(field, value.trim());
        }
    }
}
