package dev.mosaic.sync.mapping;

import java.util.Map;
import java.util.Optional;

/**
 * Which object a record id belongs to, from its first three characters: how Salesforce's polymorphic references
 * ({@code WhoId}, {@code WhatId}, a note's {@code ParentId}) say what they point at. Only the objects Mosaic
 * syncs are known; a reference to anything else (a Case, a Campaign) is no link.
 */
final class KeyPrefixes {

    private static final Map<String, String> OBJECTS = Map.of(
            "001", "Account", "003", "Contact", "00Q", "Lead", "006", "Opportunity", "005", "User",
            "00T", "Task", "00U", "Event", "02s", "EmailMessage", "002", "Note");

    private KeyPrefixes() {
    }

    static Optional<String> objectOf(String id) {
        return id == null || id.length() < 3 ? Optional.empty() : Optional.ofNullable(OBJECTS.get(id.substring(0, 3)));
    }
}
