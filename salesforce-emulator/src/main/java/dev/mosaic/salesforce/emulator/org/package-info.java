/**
 * The data half of the Salesforce emulator: an org held in memory behind the {@link
 * dev.mosaic.salesforce.emulator.org.Org} seam, with no HTTP in it.
 *
 * <ul>
 *   <li>{@code schema} — the standard objects (Account, Contact, Lead, Opportunity,
 *       OpportunityContactRole, AccountContactRelation, Task, Event, EmailMessage, Note, User), their
 *       fields in describe order, and describe rendering with field-level security.</li>
 *   <li>{@code store} — columnar per-object tables, ids computed from row numbers, the
 *       (SystemModstamp, Id) index, and REST/CSV value formatting.</li>
 *   <li>{@code soql} — lexer, parser, planner and lazy results: parent paths, polymorphic Who/What
 *       (Name entity, {@code Type}, TYPEOF), child subqueries, semi-joins, FIELDS(), aggregates with
 *       or without GROUP BY, Salesforce's error wording.</li>
 *   <li>{@code write} — create/update/delete/merge with validation, stamping and cascades, and the
 *       {@code updated}/{@code deleted} replication feeds.</li>
 *   <li>{@code generate} — the seeded generator (about 36 records per account: 28,000 accounts make
 *       a million records) and {@code mutate}'s day-to-day churn.</li>
 * </ul>
 *
 * <p>Start from {@link dev.mosaic.salesforce.emulator.org.InMemoryOrg#generate}.
 */
package dev.mosaic.salesforce.emulator.org;
