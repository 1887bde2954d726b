package dev.mosaic.identity.truth;

/** A real person: {@code mailbox} is lowercase (the strong key) or null when no source ever has an email. */
record TruePerson(String id, PersonName first, PersonName last, String title, TrueOrganization employer,
                  String mailbox, FictionalPhone phone, String scenario) {
}
