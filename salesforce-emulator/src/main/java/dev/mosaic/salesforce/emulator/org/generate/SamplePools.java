package dev.mosaic.salesforce.emulator.org.generate;

/**
 * Word lists the generator draws from. Deliberately messy: accented and non-Latin names, free-mail
 * domains, several phone layouts, long free text — the things that break naive identity matching.
 */
final class SamplePools {
    private SamplePools() {
    }

    static final String[] FIRST_NAMES = {"James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda",
            "William", "Elizabeth", "David", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah",
            "Charles", "Karen", "Daniel", "Nancy", "Matthew", "Lisa", "Anthony", "Betty", "Mark", "Margaret", "Paul",
            "Sandra", "Steven", "Ashley", "Andrew", "Kimberly", "Kenneth", "Emily", "Joshua", "Donna", "Kevin",
            "Michelle", "Brian", "Carol", "George", "Amanda", "Timothy", "Melissa", "José", "Zoë", "Renée", "François",
            "Jürgen", "Søren", "Ångström", "Łukasz", "Björn", "Chloé", "Andrés", "Mária", "伟", "芳", "Yuki", "Hiroshi",
            "Priya", "Arjun", "Olumide", "Chiamaka", "Mohammed", "Fatima", "Sven", "Ingrid", "Dmitri", "Анна", "Seán",
            "Siobhán", "Nguyễn", "Thảo", "Jean-Luc", "Mary-Kate", "O'Neil", "D'Angelo"};
    static final String[] LAST_NAMES = {"Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis",
            "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor",
            "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez",
            "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill",
            "Flores", "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter", "Müller",
            "Schröder", "Größmann", "Dubois", "Lefèvre", "Peña", "Núñez", "王", "李", "张", "Tanaka", "Suzuki", "Kowalski",
            "Nowak", "Öztürk", "Yılmaz", "O'Brien", "McDonald", "van der Berg", "de la Cruz", "Ivanov", "Иванова",
            "Okafor", "Adeyemi", "Patel", "Sharma", "Haddad", "Jørgensen", "Ólafsson"};
    static final String[] COMPANY_WORDS = {"Acme", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Wonka", "Hooli",
            "Vandelay", "Soylent", "Cyberdyne", "Tyrell", "Aperture", "Massive", "Nakatomi", "Oscorp", "Pied Piper",
            "Dunder", "Gringotts", "Monarch", "Blue Sun", "Rekall", "Zorg", "Virtucon", "Bluth", "Sterling", "Prestige",
            "Northwind", "Contoso", "Fabrikam", "Tailspin", "Litware", "Adatum", "Alpine", "Bellows", "Cascade",
            "Summit", "Harbor", "Redwood", "Granite", "Meridian", "Pinnacle", "Lumen", "Quantum", "Vertex", "Nimbus",
            "Müller", "Société", "Nordisk", "Česká", "Ōsaka", "Škoda", "Zürich", "São Paulo", "Kraków"};
    static final String[] COMPANY_NOUNS = {"Systems", "Industries", "Labs", "Holdings", "Logistics", "Foods",
            "Energy", "Health", "Analytics", "Robotics", "Media", "Capital", "Partners", "Networks", "Software",
            "Manufacturing", "Pharma", "Retail", "Motors", "Consulting"};
    static final String[] COMPANY_SUFFIXES = {"Inc.", "LLC", "Ltd", "GmbH", "S.A.", "Corp.", "Co.", "AG", "plc",
            "B.V.", "K.K.", "", "", ""};
    static final String[] FREE_MAIL = {"gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "icloud.com",
            "aol.com", "gmx.de", "web.de", "yahoo.co.uk", "protonmail.com", "qq.com", "mail.ru"};
    static final String[] TITLES = {"CEO", "CTO", "CFO", "VP Sales", "VP Engineering", "Director of Marketing",
            "Head of Data", "Sales Manager", "Account Executive", "Software Engineer", "Procurement Manager",
            "Office Manager", "Operations Lead", "Product Manager", "Data Analyst", "Chief Revenue Officer",
            "IT Administrator", "Customer Success Manager", "Buyer", "Consultant"};
    static final String[] DEPARTMENTS = {"Sales", "Marketing", "Engineering", "Finance", "Operations", "IT",
            "Procurement", "Executive", "Customer Success", "Legal", "HR"};
    static final String[] STREETS = {"Main St", "Market Street", "Oak Avenue", "Elm St.", "Broadway", "Hauptstraße",
            "Rue de Rivoli", "Calle Mayor", "King's Road", "Sunset Blvd", "5th Ave", "Baker Street", "Via Roma",
            "Friedrichstraße", "Nanjing Road", "Queen St W"};
    static final String[][] CITIES = {
            {"San Francisco", "CA", "94105", "United States"}, {"New York", "NY", "10001", "USA"},
            {"Austin", "TX", "73301", "US"}, {"Chicago", "IL", "60601", "United States"},
            {"Seattle", "WA", "98101", "United States"}, {"Boston", "MA", "02108", "United States"},
            {"London", null, "EC1A 1BB", "United Kingdom"}, {"Berlin", "Berlin", "10115", "Germany"},
            {"München", "Bayern", "80331", "Deutschland"}, {"Paris", null, "75001", "France"},
            {"Madrid", null, "28013", "Spain"}, {"Toronto", "ON", "M5H 2N2", "Canada"},
            {"Sydney", "NSW", "2000", "Australia"}, {"Tokyo", null, "100-0001", "Japan"},
            {"Shanghai", null, "200000", "China"}, {"São Paulo", "SP", "01000-000", "Brazil"},
            {"Zürich", "ZH", "8001", "Switzerland"}, {"Dublin", null, "D02", "Ireland"}};
    static final String[] TASK_SUBJECTS = {"Call", "Send Letter", "Send Quote", "Follow up", "Email", "Demo prep",
            "Check in on renewal", "Left voicemail", "Intro call", "Contract review", "Other"};
    static final String[] EVENT_SUBJECTS = {"Meeting", "Demo", "Quarterly business review", "Lunch", "Onsite visit",
            "Kickoff", "Workshop", "Webinar"};
    static final String[] PRODUCTS = {"Platform License", "Expansion", "Renewal", "Pilot", "Services", "Add-on Seats",
            "Enterprise Upgrade", "Support Plan"};
    static final String[] NOTE_TITLES = {"Call notes", "Meeting recap", "Pricing discussion", "Escalation",
            "Org chart", "Next steps", "Competitive intel"};
    static final String[] EMAIL_SUBJECTS = {"Re: Proposal", "Quick question", "Following up", "Meeting notes",
            "Re: Re: Contract redlines", "Invoice #", "Welcome aboard!", "Your trial", "Intro", "Fwd: pricing"};
    static final String[] LEAD_STATUS = {"Open - Not Contacted", "Working - Contacted", "Closed - Converted",
            "Closed - Not Converted"};

    private static final String LOREM = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod "
            + "tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation "
            + "ullamco laboris nisi ut aliquip ex ea commodo consequat. Duis aute irure dolor in reprehenderit in "
            + "voluptate velit esse cillum dolore eu fugiat nulla pariatur. ";

    /**
     * Shared long texts: real orgs have long descriptions and email bodies, but sharing a pool of them
     * keeps a million-record org inside the heap budget.
     */
    static final String[] LONG_TEXTS = buildLongTexts();

    private static String[] buildLongTexts() {
        String[] texts = new String[32];
        for (int i = 0; i < texts.length; i++) {
            StringBuilder sb = new StringBuilder();
            sb.append("Customer notes #").append(i).append(":\n");
            int repeats = 1 + (i % 8) * 3;
            for (int r = 0; r < repeats; r++) {
                sb.append(LOREM);
                if (r % 3 == 2) {
                    sb.append("\n\n— Résumé: the customer said “we’ll revisit in Q").append(1 + r % 4)
                            .append("”; budget ≈ €").append(10_000 * (r + 1)).append(".\n");
                }
            }
            texts[i] = sb.toString();
        }
        return texts;
    }
}
