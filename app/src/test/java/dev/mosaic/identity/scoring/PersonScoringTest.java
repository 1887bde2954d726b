package dev.mosaic.identity.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Scoring two person records against hand-made pairs: who is one person, who only looks alike, and why. */
class PersonScoringTest {

    private final MatchModel model = MatchModel.personDefaults();

    @Test
    void jaroWinklerAndSoundexGiveTheirTextbookValues() {
        assertThat(JaroWinkler.similarity("martha", "marhta")).isCloseTo(0.961, within(0.001));
        assertThat(JaroWinkler.similarity("dwayne", "duane")).isCloseTo(0.84, within(0.001));
        assertThat(JaroWinkler.similarity("dixon", "dicksonx")).isCloseTo(0.813, within(0.001));
        assertThat(JaroWinkler.similarity("abc", "xyz")).isZero();
        assertThat(List.of("robert", "rupert", "ashcraft", "tymczak", "pfister", "lee", "")).map(Soundex::of)
                .containsExactly("R163", "R163", "A261", "T522", "P236", "L000", "");
        assertThat(Nicknames.same("bob", "robert")).isTrue();
        assertThat(Nicknames.same("jon", "jonathan")).isTrue();
        assertThat(Nicknames.same("bill", "william")).isTrue();
        assertThat(Nicknames.same("bob", "william")).isFalse();
        assertThat(Nicknames.same("robert", "robert")).isFalse();
    }

    @Test
    void aNicknameAndATypoWithTheSamePhoneAndCityAreOnePersonAndTheEvidenceSaysWhy() {
        MatchScore score = score(person("Jon", "Smyth", "phone", "+1 415 555 0101", "city", "Portland"),
                person("Jonathan", "Smith", "phone", "(415) 555-0101", "city", "portland"));

        assertThat(score.probability()).isGreaterThan(0.97);
        assertThat(score.words()).startsWith("same phone").contains("first names go together (Jon Smyth ~ Jonathan Smith)",
                "last names similar (Jon Smyth ~ Jonathan Smith, 0.89)", "same city");
        assertThat(score.evidence()).extracting(MatchScore.Evidence::field)
                .containsExactly("firstName", "lastName", "phone", "address");
    }

    @Test
    void namesGivenTheOtherWayRoundStillMatch() {
        MatchScore score = score(person("Smith", "John", "birthdate", "1980-04-01"),
                person("John", "Smith", "birthdate", "1980-04-01"));

        assertThat(score.probability()).isGreaterThan(0.99);
        assertThat(score.words()).contains("names swapped (Smith John ~ John Smith)");
    }

    @Test
    void aBirthdayTypoAndANicknameAtTheSameAddressMatch() {
        MatchScore score = score(person("Bob", "Jones", "birthdate", "1975-03-12", "street", "12 Oak Street", "postalCode", "2119"),
                person("Robert", "Jones", "birthdate", "1975-03-21", "street", "12 Oak St", "postalCode", "2119"));

        assertThat(score.probability()).isGreaterThan(0.99);
        assertThat(score.words()).contains("birthdates one typo apart (1975-03-12 ~ 1975-03-21)", "same address");
    }

    @Test
    void twoPeopleBehindOneSwitchboardAtOneCompanyAreNotOne() {
        MatchScore score = score(person("Alice", "Wong", "phone", "+1 415 555 0100", "email", "alice@initech.com"),
                person("Peter", "Gibbons", "phone", "+1 415 555 0100", "email", "peter@initech.com"));

        assertThat(score.probability()).isLessThan(0.05);
        assertThat(score.words()).contains("same phone", "other first names", "other last names");
    }

    @Test
    void theSameCommonNameAloneIsOnlyAPossibility() {
        MatchScore sameNameOnly = score(person("John", "Smith", "email", "john@acme.com"),
                person("John", "Smith", "email", "jsmith@globex.com"));
        MatchScore sameNameSameBirthdate = score(person("John", "Smith", "birthdate", "1970-01-01"),
                person("John", "Smith", "birthdate", "1970-01-01"));

        assertThat(sameNameOnly.probability()).isBetween(0.05, 0.8);
        assertThat(sameNameSameBirthdate.probability()).isGreaterThan(sameNameOnly.probability()).isGreaterThan(0.99);
    }

    @Test
    void estimationLearnsHowOftenTrueAndChancePairsAgreeFromTheDataAlone() {
        List<List<FieldComparison>> blocked = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            boolean match = i % 10 < 3;
            blocked.add(List.of(new FieldComparison("lastName", match || i % 10 == 3 ? "exact" : "different", ""),
                    new FieldComparison("birthdate", match ? (i % 30 == 0 ? "close" : "exact") : "different", ""),
                    new FieldComparison("firstName", match || i % 10 == 5 ? "exact" : "different", "")));
        }
        List<List<FieldComparison>> random = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            random.add(List.of(new FieldComparison("lastName", i % 200 == 0 ? "exact" : "different", ""),
                    new FieldComparison("birthdate", i % 1000 == 0 ? "exact" : "different", ""),
                    new FieldComparison("firstName", i % 50 == 0 ? "exact" : "different", "")));
        }

        MatchModel learned = ModelEstimation.estimate(model, random, blocked, 1000);

        assertThat(learned.prior()).as("300 matches among 1,000 possible pairs").isCloseTo(0.3, within(0.02));
        assertThat(learned.levels().get("birthdate").get("exact").m()).isCloseTo(0.9, within(0.05));
        assertThat(learned.levels().get("lastName").get("exact").u()).isCloseTo(0.005, within(0.002));
        Map<String, Integer> predicted = new HashMap<>();
        blocked.forEach(pair -> predicted.merge(learned.score(pair).probability() > 0.5 ? "match" : "not", 1, Integer::sum));
        assertThat(predicted).containsEntry("match", 300);
    }

    @Test
    void aMailboxNameTheNamesExplainAddsNothingForNamesakesAtOtherCompanies() {
        MatchScore typo = score(person("Michael", "Lewiis", "email", "michaellewis@northwind.com"),
                person("Michael", "Lewis", "email", "michaellewis@contoso.com"));
        MatchScore hanNames = score(person("伟", "王", "email", "weiwang@northwind.com"),
                person("伟", "王", "email", "weiwang@contoso.com"));
        MatchScore renamed = score(person("Anna", "Kowalski", "email", "anna.berg@northwind.com"),
                person("Anna", "Berg", "email", "anna.berg@gmail.com"));

        assertThat(typo.words()).doesNotContain("mailbox name");
        assertThat(hanNames.words()).doesNotContain("mailbox name");
        assertThat(renamed.words()).as("a new last name, the old mailbox: the mailbox says what the names do not")
                .contains("same mailbox name anna.berg@");
    }

    @Test
    void theSameEmployerMakesOnePersonOfTwoNamesakesLikely() {
        UUID acme = UUID.randomUUID();
        UUID globex = UUID.randomUUID();
        MatchScore sameEmployer = model.score(PersonComparator.compare(
                PersonProfile.of(Map.of("firstName", "Maria", "lastName", "Garcia"), Map.of(acme, "Acme")),
                PersonProfile.of(Map.of("firstName", "Maria", "lastName", "Garcia"), Map.of(acme, "Acme"))));
        MatchScore otherEmployers = model.score(PersonComparator.compare(
                PersonProfile.of(Map.of("firstName", "Maria", "lastName", "Garcia"), Map.of(acme, "Acme")),
                PersonProfile.of(Map.of("firstName", "Maria", "lastName", "Garcia"), Map.of(globex, "Globex Inc."))));

        assertThat(sameEmployer.words()).contains("same organization");
        assertThat(otherEmployers.words()).contains("other companies");
        assertThat(sameEmployer.probability()).isGreaterThan(0.99);
        assertThat(otherEmployers.probability()).isLessThan(0.5);
    }

    private MatchScore score(PersonProfile a, PersonProfile b) {
        return model.score(PersonComparator.compare(a, b));
    }

    private static PersonProfile person(String first, String last, String... more) {
        Map<String, Object> values = new HashMap<>();
        values.put("firstName", first);
        values.put("lastName", last);
        Map<String, Object> address = new HashMap<>();
        for (int i = 0; i < more.length; i += 2) {
            if (List.of("street", "city", "postalCode").contains(more[i])) {
                address.put(more[i], more[i + 1]);
            } else {
                values.put(more[i], more[i + 1]);
            }
        }
        if (!address.isEmpty()) {
            values.put("address", address);
        }
        return PersonProfile.of(values);
    }
}
