package dev.mosaic.identity.truth;

import java.util.List;

/** Word lists the generator draws from. Unicode names are in on purpose: ingest must keep them intact. */
final class NamePools {

    private NamePools() {
    }

    static final List<String> FREE_MAIL_DOMAINS = List.of("gmail.com", "yahoo.com", "outlook.com", "hotmail.com");

    static final List<PersonName> FIRST_NAMES = List.of(
            PersonName.plain("James"), PersonName.plain("Mary"), PersonName.plain("Robert"), PersonName.plain("Patricia"),
            PersonName.plain("John"), PersonName.plain("Jennifer"), PersonName.plain("Michael"), PersonName.plain("Linda"),
            PersonName.plain("David"), PersonName.plain("Elizabeth"), PersonName.plain("William"), PersonName.plain("Barbara"),
            PersonName.plain("Richard"), PersonName.plain("Susan"), PersonName.plain("Joseph"), PersonName.plain("Jessica"),
            PersonName.plain("Thomas"), PersonName.plain("Sarah"), PersonName.plain("Daniel"), PersonName.plain("Karen"),
            PersonName.plain("Priya"), PersonName.plain("Arjun"), PersonName.plain("Fatima"), PersonName.plain("Omar"),
            PersonName.plain("Aiko"), PersonName.plain("Kenji"), PersonName.plain("Olga"), PersonName.plain("Ivan"),
            PersonName.plain("Amara"), PersonName.plain("Kwame"), PersonName.plain("Lucia"), PersonName.plain("Mateo"),
            PersonName.plain("Emma"), PersonName.plain("Noah"), PersonName.plain("Grace"), PersonName.plain("Liam"));

    static final List<PersonName> ACCENTED_FIRST_NAMES = List.of(
            PersonName.of("José", "jose"), PersonName.of("Zoë", "zoe"), PersonName.of("François", "francois"),
            PersonName.of("Søren", "soren"), PersonName.of("Łukasz", "lukasz"), PersonName.of("Björn", "bjorn"),
            PersonName.of("Chloé", "chloe"), PersonName.of("Renée", "renee"), PersonName.of("Anaïs", "anais"),
            PersonName.of("Çağla", "cagla"), PersonName.of("Ngozi", "ngozi"), PersonName.of("Siobhán", "siobhan"));

    static final List<PersonName> LAST_NAMES = List.of(
            PersonName.plain("Smith"), PersonName.plain("Johnson"), PersonName.plain("Williams"), PersonName.plain("Brown"),
            PersonName.plain("Jones"), PersonName.plain("Miller"), PersonName.plain("Davis"), PersonName.plain("Wilson"),
            PersonName.plain("Anderson"), PersonName.plain("Taylor"), PersonName.plain("Moore"), PersonName.plain("Jackson"),
            PersonName.plain("Martin"), PersonName.plain("Lee"), PersonName.plain("Thompson"), PersonName.plain("White"),
            PersonName.plain("Harris"), PersonName.plain("Clark"), PersonName.plain("Lewis"), PersonName.plain("Walker"),
            PersonName.plain("Patel"), PersonName.plain("Khan"), PersonName.plain("Okafor"), PersonName.plain("Nakamura"),
            PersonName.plain("Ivanova"), PersonName.plain("Mensah"), PersonName.plain("Rossi"), PersonName.plain("Kowalski"),
            PersonName.plain("Nguyen"), PersonName.plain("O'Brien"), PersonName.plain("Schmidt"), PersonName.plain("Dubois"));

    static final List<PersonName> ACCENTED_LAST_NAMES = List.of(
            PersonName.of("Müller", "muller"), PersonName.of("García", "garcia"), PersonName.of("Ångström", "angstrom"),
            PersonName.of("Øvergaard", "overgaard"), PersonName.of("Núñez", "nunez"), PersonName.of("Šimić", "simic"),
            PersonName.of("Lefèvre", "lefevre"), PersonName.of("Jäger", "jager"), PersonName.of("Doğan", "dogan"),
            PersonName.of("Wiśniewski", "wisniewski"));

    /** Chinese people get a Chinese family and given name; the mailbox uses pinyin. */
    static final List<PersonName> CHINESE_FAMILY_NAMES = List.of(PersonName.of("王", "wang"), PersonName.of("李", "li"),
            PersonName.of("张", "zhang"), PersonName.of("刘", "liu"), PersonName.of("陈", "chen"), PersonName.of("杨", "yang"));

    static final List<PersonName> CHINESE_GIVEN_NAMES = List.of(PersonName.of("伟", "wei"), PersonName.of("娜", "na"),
            PersonName.of("敏", "min"), PersonName.of("静", "jing"), PersonName.of("磊", "lei"), PersonName.of("芳", "fang"),
            PersonName.of("强", "qiang"), PersonName.of("洋", "yang"));

    static final List<String> TITLES = List.of("CEO", "CTO", "CFO", "VP Sales", "VP Engineering", "Head of Marketing",
            "Account Executive", "Software Engineer", "Product Manager", "Operations Manager", "Procurement Lead",
            "Data Analyst", "Office Manager", "Customer Success Manager", "Founder", "Director of IT");

    static final List<String> COMPANY_STEMS = List.of("North", "Blue", "Silver", "Fern", "Oak", "Stone", "Bright", "Iron",
            "Cedar", "River", "Summit", "Harbor", "Maple", "Granite", "Willow", "Falcon", "Aurora", "Cobalt", "Lumen",
            "Vertex", "Copper", "Pine", "Quartz", "Sable", "Tidal", "Amber", "Juniper", "Orbit", "Prairie", "Nimbus");

    static final List<String> COMPANY_ENDINGS = List.of("wood", "field", "gate", "bridge", "light", "point", "ridge",
            "water", "peak", "haven", "crest", "line", "works", "forge", "ways");

    static final List<String> COMPANY_KINDS = List.of("Analytics", "Labs", "Systems", "Logistics", "Health", "Capital",
            "Foods", "Robotics", "Software", "Energy", "Media", "Partners", "Biotech", "Security", "Retail");

    static final List<String> TRADES = List.of("Plumbing", "Bakery", "Landscaping", "Consulting", "Cleaning",
            "Photography", "Tutoring", "Catering", "Carpentry", "Auto Repair");
}
