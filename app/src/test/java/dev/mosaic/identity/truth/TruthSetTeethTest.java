package dev.mosaic.identity.truth;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The truth set has teeth: resolvers that break one of the identity rules, each written here in a few
 * lines, fail the same gates IdentityTruthSetTest applies to Mosaic. If one of these passed, the
 * generator would be missing the case that should have caught it.
 */
class TruthSetTeethTest {

    private final TruthSet truth = new TruthSetGenerator(TruthSetGenerator.DEFAULT_SEED).generate(300, 1000);

    @Test
    void mergingPeopleOnTheSameNameIsCaughtByTheNamesakes() {
        ResolutionScore score = resolveContactsBy(r -> Set.of("name:" + NameFold.person(r.payload().get("firstName")
                + " " + r.payload().get("lastName"))));

        assertThat(score.clusterPrecision()).isLessThan(1.0);
        assertThat(score.problems(1)).contains("false merge(s)", "contact:namesake");
    }

    @Test
    void mergingPeopleOnTheirCompanyDomainIsCaughtByColleagues() {
        ResolutionScore score = resolveContactsBy(r -> r.payload().containsKey("email")
                ? Set.of("domain:" + r.payload().get("email").toLowerCase(Locale.ROOT).replaceFirst(".*@", ""))
                : Set.of());

        assertThat(score.clusterPrecision()).isLessThan(1.0);
        assertThat(score.problems(1)).contains("@acme.com");
    }

    @Test
    void mergingOrganizationsOnTheSameNameIsCaughtByTheSameNameCompaniesOnOtherDomains() {
        ResolutionScore score = resolveOrganizationsBy(r -> Set.of("name:" + NameFold.organization(r.payload().get("name"))));

        assertThat(score.pairPrecision()).isLessThan(1.0);
        assertThat(score.problems(50)).contains("org:same-name-other-domain", "org:free-mail-namesake");
    }

    @Test
    void countingAFreeMailDomainAsACompanyDomainIsCaught() {
        ResolutionScore score = resolveOrganizationsBy(r -> Stream.of(hostOf(r.payload().get("domain")),
                hostOf(r.payload().get("website"))).filter(h -> h != null).map(h -> "domain:" + registrable(h))
                .collect(Collectors.toSet()));

        assertThat(score.pairPrecision()).isLessThan(1.0);
        assertThat(score.problems(50)).contains("gmail.com");
    }

    @Test
    void countingAPlatformPageAsACompanyWebsiteIsCaught() {
        ResolutionScore score = resolveOrganizationsBy(r -> Stream.of(hostOf(r.payload().get("domain")),
                hostOf(r.payload().get("website"))).filter(h -> h != null).map(TruthSetTeethTest::registrable)
                .filter(d -> !NamePools.FREE_MAIL_DOMAINS.contains(d)).map(d -> "domain:" + d)
                .collect(Collectors.toSet()));

        assertThat(score.pairPrecision()).isLessThan(1.0);
        assertThat(score.problems(50)).contains("linkedin.com/company/");
    }

    @Test
    void mergingPeopleOnABarePhoneIsCaughtByTheSwitchboard() {
        ResolutionScore score = resolveContactsBy(r -> r.payload().containsKey("phone")
                ? Set.of("phone:" + e164(r.payload().get("phone"))) : Set.of());

        assertThat(score.pairPrecision()).isLessThan(1.0);
        assertThat(score.problems(50)).contains("contact:switchboard-phone");
    }

    @Test
    void trustingARoleMailboxIsCaughtByInfoAddresses() {
        ResolutionScore score = resolveContactsBy(r -> r.payload().containsKey("email")
                ? Set.of("email:" + r.payload().get("email").toLowerCase(Locale.ROOT)) : Set.of());

        assertThat(score.pairPrecision()).isLessThan(1.0);
        assertThat(score.problems(50)).contains("info@");
    }

    @Test
    void forgettingThatExternalIdsBelongToTheirSourceIsCaught() {
        ResolutionScore score = resolveContactsBy(r -> Set.of("external:" + r.externalId()));

        assertThat(score.pairPrecision()).isLessThan(1.0);
    }

    @Test
    void comparingEmailsCaseSensitivelyFallsBelowTheRecallFloor() {
        ResolutionScore score = resolveContactsBy(r -> r.payload().containsKey("email")
                && !r.payload().get("email").toLowerCase(Locale.ROOT).startsWith("info@")
                ? Set.of("email:" + r.payload().get("email")) : Set.of());

        assertThat(score.pairPrecision()).isEqualTo(1.0);
        assertThat(score.foundStrongPairs()).isLessThan(score.strongKeyPairs());
    }

    @Test
    void comparingHostsWithoutThePublicSuffixListFallsBelowTheRecallFloor() {
        // "www." stripped, nothing more: eu.acme.com and acme.com stay apart.
        ResolutionScore score = resolveOrganizationsBy(r -> Stream.of(hostOf(r.payload().get("domain")),
                hostOf(r.payload().get("website"))).filter(h -> h != null).map(h -> h.replaceFirst("^www\\.", ""))
                .filter(h -> !NamePools.FREE_MAIL_DOMAINS.contains(h)).map(h -> "host:" + h).collect(Collectors.toSet()));

        assertThat(score.foundStrongPairs()).isLessThan(score.strongKeyPairs());
    }

    private ResolutionScore resolveContactsBy(Function<TruthRecord, Set<String>> keys) {
        return resolveBy(RecordType.CONTACT, keys);
    }

    private ResolutionScore resolveOrganizationsBy(Function<TruthRecord, Set<String>> keys) {
        return resolveBy(RecordType.ORGANIZATION, keys);
    }

    /** A naive resolver: records sharing any of the given keys, directly or through others, are one entity. */
    private ResolutionScore resolveBy(RecordType type, Function<TruthRecord, Set<String>> keys) {
        List<TruthRecord> records = truth.of(type);
        Map<String, String> resolved = new HashMap<>();
        List<List<TruthRecord>> clusters = StrongKeyComponents.of(records, keys);
        for (int i = 0; i < clusters.size(); i++) {
            for (TruthRecord record : clusters.get(i)) {
                resolved.put(record.ref(), "naive-" + i);
            }
        }
        return ResolutionScorer.score(type, records, resolved);
    }

    private static String hostOf(String domainOrUrl) {
        if (domainOrUrl == null) {
            return null;
        }
        String host = domainOrUrl.contains("://") ? URI.create(domainOrUrl).getHost() : domainOrUrl;
        return host.toLowerCase(Locale.ROOT);
    }

    private static String e164(String phone) {
        try {
            PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
            return phones.format(phones.parse(phone, "US"), PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            throw new AssertionError(phone, e);
        }
    }

    private static String registrable(String host) {
        return com.google.common.net.InternetDomainName.from(host).topPrivateDomain().toString();
    }
}
