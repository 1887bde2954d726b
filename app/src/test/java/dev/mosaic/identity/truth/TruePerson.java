package dev.mosaic.identity.truth;

/**
 * A real person. {@code mailbox} is lowercase, or null when no source ever has an email; a
 * {@code sharedMailbox} (info@) is read by several people and so proves nothing. A {@code phone} equal to
 * the employer's is the switchboard, shared with colleagues.
 */
record TruePerson(String id, PersonName first, PersonName last, String title, TrueOrganization employer,
                  String mailbox, boolean sharedMailbox, FictionalPhone phone, String scenario) {

    boolean onSwitchboard() {
        return phone != null && phone.equals(employer.phone());
    }
}
