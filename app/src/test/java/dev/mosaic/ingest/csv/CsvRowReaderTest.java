package dev.mosaic.ingest.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRowReaderTest {

    @Test
    void numbersRowsAsASpreadsheetShowsThem() throws IOException {
        List<CsvRow> rows = readAll("id,name\n1,Acme\n\n2,Globex\n");

        assertThat(rows).extracting(CsvRow::row).containsExactly(2, 4);
        assertThat(rows.get(1).values()).containsExactly("2", "Globex");
    }

    @Test
    void detectsSemicolonsAndDropsTheByteOrderMark() throws IOException {
        try (CsvRowReader reader = CsvRowReader.open(new StringReader("\uFEFFName;Domain\r\n\"Acme; Inc\";acme.com\r\n"))) {
            assertThat(reader.header()).containsExactly("Name", "Domain");
            assertThat(reader.delimiter()).isEqualTo(';');
            assertThat(reader.next().values()).containsExactly("Acme; Inc", "acme.com");
            assertThat(reader.next()).isNull();
        }
    }

    @Test
    void aQuotedValueWithLineBreaksIsOneRow() throws IOException {
        List<CsvRow> rows = readAll("name,notes\nAcme,\"first line\nsecond \"\"quoted\"\" line\"\nGlobex,plain\n");

        assertThat(rows).extracting(CsvRow::row).containsExactly(2, 3);
        assertThat(rows.get(0).values()).containsExactly("Acme", "first line\nsecond \"quoted\" line");
        assertThat(rows.get(1).values()).containsExactly("Globex", "plain");
    }

    @Test
    void anUnclosedQuoteCostsOneRowNotTheRestOfTheFile() throws IOException {
        List<CsvRow> rows = readAll("name,domain\n\"Acme,acme.com\nGlobex,globex.com\nInitech,\"initech.com\"\n");

        assertThat(rows).extracting(CsvRow::row).containsExactly(2, 3, 4);
        assertThat(rows.get(0).isReadable()).isFalse();
        assertThat(rows.get(0).problem()).contains("unbalanced");
        assertThat(rows.get(1).values()).containsExactly("Globex", "globex.com");
        assertThat(rows.get(2).values()).containsExactly("Initech", "initech.com");
    }

    @Test
    void anUnclosedQuoteOnTheLastRowIsReportedAtItsRow() throws IOException {
        List<CsvRow> rows = readAll("name,domain\nGlobex,globex.com\n\"Acme,acme.com\nUmbrella,umbrella.com");

        assertThat(rows).extracting(CsvRow::row).containsExactly(2, 3, 4);
        assertThat(rows.get(1).isReadable()).isFalse();
        assertThat(rows.get(2).values()).containsExactly("Umbrella", "umbrella.com");
    }

    @Test
    void textAfterAClosingQuoteIsABrokenRow() throws IOException {
        List<CsvRow> rows = readAll("name,domain\n\"Acme\" Corp,acme.com\nGlobex,globex.com\n");

        assertThat(rows.get(0).row()).isEqualTo(2);
        assertThat(rows.get(0).isReadable()).isFalse();
        assertThat(rows.get(1).values()).containsExactly("Globex", "globex.com");
    }

    @Test
    void aQuoteInsideAnUnquotedValueIsJustACharacter() throws IOException {
        List<CsvRow> rows = readAll("name,title\nJane,27\" monitor buyer\n");

        assertThat(rows.get(0).values()).containsExactly("Jane", "27\" monitor buyer");
    }

    @Test
    void moreValuesThanColumnsIsAnErrorOfThatRowOnly() throws IOException {
        List<CsvRow> rows = readAll("name,domain\nAcme, Inc,acme.com\nGlobex,globex.com\n");

        assertThat(rows.get(0).isReadable()).isFalse();
        assertThat(rows.get(0).problem()).contains("3 values").contains("2 columns");
        assertThat(rows.get(1).isReadable()).isTrue();
    }

    @Test
    void trailingEmptyCellsAndShortRowsAreFine() throws IOException {
        List<CsvRow> rows = readAll("name,domain,phone\nAcme,acme.com,,,\nGlobex\n,,\n");

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).values()).containsExactly("Acme", "acme.com", "");
        assertThat(rows.get(1).values()).containsExactly("Globex", "", "");
    }

    @Test
    void aFileWithoutHeaderIsRefusedAsAWhole() {
        assertThatThrownBy(() -> CsvRowReader.open(new StringReader("\uFEFF\n  \n")))
                .isInstanceOf(InvalidImportException.class)
                .satisfies(e -> assertThat(((InvalidImportException) e).field()).isEqualTo("file"));
    }

    @Test
    void aHeaderWithBrokenQuotesIsRefused() {
        assertThatThrownBy(() -> CsvRowReader.open(new StringReader("\"name\"x,domain\nAcme,acme.com\n")))
                .isInstanceOf(InvalidImportException.class)
                .hasMessageContaining("header");
    }

    @Test
    void aRowThatIsNotUtf8IsReportedInsteadOfImportedWithGarbledLetters() throws IOException {
        byte[] windows1252 = "name,city\nRen\u00e9,K\u00f6ln\nAnna,Berlin\n".getBytes(StandardCharsets.ISO_8859_1);

        List<CsvRow> rows = new ArrayList<>();
        try (CsvRowReader reader = CsvRowReader.open(new InputStreamReader(new ByteArrayInputStream(windows1252),
                StandardCharsets.UTF_8))) {
            for (CsvRow row = reader.next(); row != null; row = reader.next()) {
                rows.add(row);
            }
        }

        assertThat(rows.get(0).isReadable()).isFalse();
        assertThat(rows.get(0).problem()).contains("UTF-8");
        assertThat(rows.get(1).values()).containsExactly("Anna", "Berlin");
    }

    @Test
    void aHeaderThatIsNotUtf8IsRefused() {
        byte[] utf16 = "\uFEFFname,domain\r\nAcme,acme.com\r\n".getBytes(StandardCharsets.UTF_16LE);

        assertThatThrownBy(() -> CsvRowReader.open(new InputStreamReader(new ByteArrayInputStream(utf16),
                StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidImportException.class)
                .hasMessageContaining("UTF-8");
    }

    @Test
    void readsManyRowsInOrder() throws IOException {
        StringBuilder csv = new StringBuilder("id,name\n");
        for (int i = 0; i < 25_000; i++) {
            csv.append(i).append(",\"Company ").append(i).append("\"\n");
        }

        List<CsvRow> rows = readAll(csv.toString());

        assertThat(rows).hasSize(25_000);
        assertThat(rows.get(24_999).row()).isEqualTo(25_001);
        assertThat(rows.get(24_999).values()).containsExactly("24999", "Company 24999");
    }

    private static List<CsvRow> readAll(String csv) throws IOException {
        List<CsvRow> rows = new ArrayList<>();
        try (CsvRowReader reader = CsvRowReader.open(new StringReader(csv))) {
            for (CsvRow row = reader.next(); row != null; row = reader.next()) {
                rows.add(row);
            }
        }
        return rows;
    }
}
