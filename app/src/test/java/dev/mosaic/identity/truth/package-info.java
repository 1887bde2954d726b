/**
 * The identity-resolution truth set: a seeded world of organizations and people written into two sources
 * with known corruptions ({@link dev.mosaic.identity.truth.TruthSetGenerator}), a scorer for Mosaic's
 * clusters against that truth ({@link dev.mosaic.identity.truth.ResolutionScorer}), and the end-to-end test
 * over the HTTP API ({@link dev.mosaic.identity.truth.IdentityTruthSetTest}).
 *
 * <p>Why the recall floor is what it is: every record carries the deterministic keys it was built with,
 * in canonical form. Records of one real entity linked by a chain of shared keys are pairs Mosaic's rules
 * oblige it to merge; the floor is their share of all true pairs, and the test demands each of them, not
 * just the ratio. The keys follow Mosaic's documented rules (README, identity resolution): the mailbox in
 * any case (not a role mailbox such as info@), the registrable domain without free-mail or platform sites,
 * and the E.164 phone together with the same folded last name or organization name. The other true pairs
 * (a second mailbox, a record with only a name left, a company known only by gmail.com) carry weak
 * evidence or none, and the rules say those go to review instead of merging. Nothing in the world
 * contradicts the rules (mailboxes are unique per person, a shared switchboard only joins different last
 * names), so a wrong merge is always Mosaic's, never the generator's; {@code TruthSetTeethTest} shows the
 * set catches resolvers that break a rule.
 */
package dev.mosaic.identity.truth;
