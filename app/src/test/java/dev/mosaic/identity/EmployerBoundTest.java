package dev.mosaic.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.identity.scoring.MatchModel;
import dev.mosaic.identity.scoring.MatchScore;
import dev.mosaic.identity.scoring.PersonProfile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Scoring leaves out people's employers wherever they could not lift a pair to a suggestion: the bound it judges by must
 * never be below the score the employers give, and a pair it scores without them must score the same with them.
 */
class EmployerBoundTest {

    private static final List<String> FIRST = List.of("Anna", "Ana", "Jon", "John", "Maria", "Mario", "Li", "Lee");
    private static final List<String> LAST = List.of("Rossi", "Rosi", "Smith", "Smyth", "Nguyen", "Ngyuen", "Lee");
    private static final List<String> DOMAINS = List.of("acme.com", "initech.io", "gmail.com", "");
    private static final List<UUID> ORGANIZATIONS = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());

    @Test
    void theBoundWithoutEmployersIsNeverBelowTheScoreWithThem() {
        SplittableRandom random = new SplittableRandom(7);
        MatchModel model = MatchModel.personDefaults();
        int bounded = 0;
        for (int i = 0; i < 20_000; i++) {
            Map<String, Object> a = person(random);
            Map<String, Object> b = person(random);
            Map<UUID, String> employersA = employers(random);
            Map<UUID, String> employersB = employers(random);
            PersonProfile bareA = PersonProfile.of(a);
            PersonProfile bareB = PersonProfile.of(b);
            MatchScore withEmployers = model.score(RecordProfiles.compare(PersonProfile.of(a, employersA),
                    PersonProfile.of(b, employersB)));
            if (RecordProfiles.employersMayMatter(bareA, bareB)) {
                bounded++;
                assertThat(ProbableMatches.mostWithEmployers(model, RecordProfiles.compare(bareA, bareB)))
                        .as("%s ~ %s", a, b).isGreaterThanOrEqualTo(withEmployers.probability() - 1e-12);
            } else {
                assertThat(model.score(RecordProfiles.compare(bareA, bareB)).matchWeight())
                        .as("%s ~ %s", a, b).isEqualTo(withEmployers.matchWeight());
            }
        }
        assertThat(bounded).as("pairs whose employers could matter").isBetween(5_000, 19_000);
    }

    private static Map<String, Object> person(SplittableRandom random) {
        Map<String, Object> values = new HashMap<>();
        String first = FIRST.get(random.nextInt(FIRST.size()));
        String last = LAST.get(random.nextInt(LAST.size()));
        values.put("firstName", first);
        values.put("lastName", last);
        String domain = DOMAINS.get(random.nextInt(DOMAINS.size()));
        if (!domain.isEmpty()) {
            values.put("email", first.toLowerCase() + random.nextInt(3) + "@" + domain);
        }
        if (random.nextBoolean()) {
            values.put("phone", "+1 415 555 010" + random.nextInt(3));
        }
        if (random.nextInt(3) == 0) {
            values.put("company", random.nextBoolean() ? "Acme" : "Initech");
        }
        return values;
    }

    private static Map<UUID, String> employers(SplittableRandom random) {
        Map<UUID, String> employers = new HashMap<>();
        if (random.nextBoolean()) {
            int which = random.nextInt(ORGANIZATIONS.size());
            employers.put(ORGANIZATIONS.get(which), List.of("Acme", "Initech", "Globex").get(which));
        }
        return employers;
    }
}
