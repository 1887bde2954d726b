package dev.mosaic.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * DESIGN.md's package rules, made executable: packages by feature; a feature's tables and SQL stay
 * inside it; the platform knows no feature; REST and web layers call services, never SQL; the app never
 * speaks Salesforce HTTP except through salesforce-client.
 */
@AnalyzeClasses(packages = "dev.mosaic", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageRulesTest {

    private static final String[] FEATURES = {
            "dev.mosaic.tenant..", "dev.mosaic.connection..", "dev.mosaic.sync..", "dev.mosaic.graph..",
            "dev.mosaic.identity..", "dev.mosaic.ingest..", "dev.mosaic.views.."};

    @ArchTest
    static final ArchRule platformKnowsNoFeature = noClasses()
            .that().resideInAPackage("dev.mosaic.platform..")
            .should().dependOnClassesThat().resideInAnyPackage(concat(FEATURES, "dev.mosaic.api..", "dev.mosaic.web.."));

    @ArchTest
    static final ArchRule featuresDoNotDependOnTheirCallers = noClasses()
            .that().resideInAnyPackage(FEATURES)
            .should().dependOnClassesThat().resideInAnyPackage("dev.mosaic.api..", "dev.mosaic.web..");

    @ArchTest
    static final ArchRule restAndWebLayersDoNotWriteSql = noClasses()
            .that().resideInAnyPackage("dev.mosaic.api..", "dev.mosaic.web..")
            .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "java.sql..", "javax.sql..");

    @ArchTest
    static final ArchRule tableDefinitionsStayInTheirFeature = classes()
            .that().haveSimpleNameEndingWith("Tables")
            .should().notBePublic()
            .because("a feature owns its tables; other packages call its public service class");

    @ArchTest
    static final ArchRule onlyTheClientSpeaksSalesforceHttp = noClasses()
            .that().resideInAPackage("dev.mosaic..")
            .and().resideOutsideOfPackages("dev.mosaic.salesforce..")
            .should().dependOnClassesThat().haveFullyQualifiedName("java.net.http.HttpClient")
            .because("salesforce-client is the one boundary that speaks Salesforce HTTP");

    @ArchTest
    static final ArchRule theServiceDoesNotUseTheEmulator = noClasses()
            .that().resideInAnyPackage(concat(FEATURES, "dev.mosaic.api..", "dev.mosaic.web..", "dev.mosaic.platform.."))
            .should().dependOnClassesThat().resideInAPackage("dev.mosaic.salesforce.emulator..")
            .because("the emulator is only for the demo command and tests");

    private static String[] concat(String[] first, String... more) {
        String[] all = new String[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
