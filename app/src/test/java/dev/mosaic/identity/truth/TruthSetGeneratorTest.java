package dev.mosaic.identity.truth;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.net.InternetDomainName;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The generator keeps its promises: deterministic, the right size, every corruption present, truth consistent. */
class TruthSetGeneratorTest {

    private final TruthSet truth = new TruthSetGenerator(TruthSetGenerator.DEFAULT_SEED).generate(300, 1000);

    @Test
    void theSameSeedGivesTheSameRecordsAndAnotherSeedDoesNot() {
        TruthSet again = new TruthSetGenerator(TruthSetGenerator.DEFAULT_SEED).generate(300, 1000);
        TruthSet other = new TruthSetGenerator(TruthSetGenerator.DEFAULT_SEED + 1).generate(300, 1000);

        assertThat(again.records()).isEqualTo(truth.records());
        assertThat(other.records()).isNotEqualTo(truth.records());
    }

    @Test
    void holdsAboutThreeHundredOrganizationsAndAThousandPeopleAcrossBothSources() {
        assertThat(truth.trueEntities(RecordType.ORGANIZATION)).isEqualTo(300);
        assertThat(truth.trueEntities(RecordType.CONTACT)).isEqualTo(1000);
        for (String source : List.of(Appearances.SOURCE_A, Appearances.SOURCE_B)) {
            assertThat(truth.of(source, RecordType.ORGANIZATION)).hasSizeGreaterThan(150);
            assertThat(truth.of(source, RecordType.CONTACT)).hasSizeGreaterThan(500);
        }
    }

    @Test
    void coversEveryCorruptionTheBriefAsksFor() {
        assertThat(truth.scenarioCounts()).containsKeys(
                "org:canonical", "org:website-path", "org:subdomain", "org:renamed", "org:phone-only", "org:name-only",
                "org:same-name-other-domain", "org:free-mail-domain", "org:free-mail-namesake", "org:no-domain",
                "org:unicode-name", "org:platform-page",
                "contact:canonical", "contact:same-email", "contact:email-case", "contact:name-typo",
                "contact:other-email", "contact:phone-only", "contact:no-email", "contact:namesake",
                "contact:free-mail", "contact:unicode-name", "contact:no-email-anywhere", "contact:phone-typo",
                "contact:switchboard-phone", "contact:role-mailbox", "org:phone-renamed");
        assertThat(truth.records()).extracting(TruthRecord::describe).anyMatch(d -> d.contains("website=https://www.acme.com/about"))
                .anyMatch(d -> d.contains("domain=eu.acme.com")).anyMatch(d -> d.contains("domain=acme.com"))
                .anyMatch(d -> d.contains("José")).anyMatch(d -> d.contains("Zoë")).anyMatch(d -> d.contains("王"))
                .anyMatch(d -> d.contains("email=Jane.Doe@Acme.com"));
        assertThat(truth.records()).extracting(r -> r.payload().getOrDefault("phone", ""))
                .anyMatch(p -> p.matches("\\+1 \\d{3} 555 \\d{4}")).anyMatch(p -> p.matches("\\(\\d{3}\\) 555-\\d{4}"))
                .anyMatch(p -> p.matches("\\d{3}\\.555\\.\\d{4}"));
    }

    @Test
    void noStrongKeyIsSharedByTwoRealEntities() {
        for (RecordType type : RecordType.values()) {
            Map<String, String> ownerOfKey = new HashMap<>();
            for (TruthRecord record : truth.of(type)) {
                for (String key : record.strongKeys()) {
                    String owner = ownerOfKey.putIfAbsent(key, record.trueEntity());
                    assertThat(owner == null || owner.equals(record.trueEntity()))
                            .as("%s is held by %s and %s", key, owner, record.describe()).isTrue();
                }
            }
        }
    }

    /** A resolver that merges exactly the strong-key chains is perfectly precise and reaches the floor, not more. */
    @Test
    void anIdealDeterministicResolverScoresPrecisionOneAndRecallAtTheFloor() {
        for (RecordType type : RecordType.values()) {
            Map<String, String> resolved = new HashMap<>();
            List<List<TruthRecord>> components = StrongKeyComponents.of(truth.of(type));
            for (int i = 0; i < components.size(); i++) {
                for (TruthRecord record : components.get(i)) {
                    resolved.put(record.ref(), "component-" + i);
                }
            }
            ResolutionScore score = ResolutionScorer.score(type, truth.of(type), resolved);

            assertThat(score.pairPrecision()).isEqualTo(1.0);
            assertThat(score.clusterPrecision()).isEqualTo(1.0);
            assertThat(score.pairRecall()).isEqualTo(score.recallFloor());
            // The floor sits well above zero and below one: both kinds of pair are really in the set.
            assertThat(score.recallFloor()).isBetween(0.5, 0.95);
        }
    }

    @Test
    void externalIdsAreUniqueWithinASourceAndReusedAcrossSources() {
        for (RecordType type : RecordType.values()) {
            for (String source : List.of(Appearances.SOURCE_A, Appearances.SOURCE_B)) {
                List<TruthRecord> records = truth.of(source, type);
                assertThat(records).extracting(TruthRecord::externalId).doesNotHaveDuplicates();
            }
        }
        // The same external id names different people in the two sources at least once: a scoping trap.
        assertThat(truth.of(RecordType.CONTACT).stream()
                .filter(r -> r.externalId().equals("c-5")).map(TruthRecord::trueEntity).distinct().count()).isEqualTo(2);
    }

    @Test
    void contactsPointOnlyAtOrganizationsOfTheirOwnSource() {
        for (String source : List.of(Appearances.SOURCE_A, Appearances.SOURCE_B)) {
            Set<String> orgIds = new LinkedHashSet<>(truth.of(source, RecordType.ORGANIZATION).stream()
                    .map(TruthRecord::externalId).toList());
            assertThat(truth.of(source, RecordType.CONTACT)).extracting(r -> r.payload().get("organization"))
                    .filteredOn(ref -> ref != null).allMatch(orgIds::contains);
        }
    }

    /**
     * The strong keys the generator claims are what public normalisers (Guava's public-suffix list,
     * libphonenumber, lowercasing) make of the written fields: the truth says what the rules say.
     */
    @Test
    void recordedStrongKeysMatchAnIndependentNormalisationOfThePayload() {
        for (TruthRecord record : truth.records()) {
            assertThat(independentKeys(record)).as(record.describe()).isEqualTo(record.strongKeys());
        }
    }

    private static Set<String> independentKeys(TruthRecord record) {
        Set<String> keys = new LinkedHashSet<>();
        Map<String, String> p = record.payload();
        String email = p.getOrDefault("email", "").trim().toLowerCase(Locale.ROOT);
        if (record.type() == RecordType.CONTACT && !email.isEmpty() && !email.startsWith("info@")) {
            keys.add("email:" + email);
        }
        if (record.type() == RecordType.ORGANIZATION) {
            for (String host : new String[] {p.get("domain"), p.containsKey("website") ? URI.create(p.get("website")).getHost() : null}) {
                if (host != null) {
                    String registrable = InternetDomainName.from(host.toLowerCase(Locale.ROOT)).topPrivateDomain().toString();
                    if (!NamePools.FREE_MAIL_DOMAINS.contains(registrable)
                            && !List.of("linkedin.com", "facebook.com").contains(registrable)) {
                        keys.add("domain:" + registrable);
                    }
                }
            }
        }
        if (p.containsKey("phone")) {
            try {
                PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
                String name = record.type() == RecordType.CONTACT
                        ? NameFold.person(p.get("lastName")) : NameFold.organization(p.get("name"));
                keys.add("phone:" + phones.format(phones.parse(p.get("phone"), "US"), PhoneNumberUtil.PhoneNumberFormat.E164)
                        + "|" + name);
            } catch (NumberParseException e) {
                throw new AssertionError(record.describe(), e);
            }
        }
        return keys;
    }
}
