package dev.mosaic.salesforce.emulator.org.write;

import dev.mosaic.salesforce.emulator.org.schema.FieldDef;
import dev.mosaic.salesforce.emulator.org.schema.ObjectDef;
import dev.mosaic.salesforce.emulator.org.schema.StandardSchema;
import dev.mosaic.salesforce.emulator.org.store.ObjectTable;
import dev.mosaic.salesforce.emulator.org.store.RecordStore;

import java.util.Arrays;

/** Fields Salesforce keeps in step with others on every write, so clients never set them directly. */
final class DerivedFields {
    private final RecordStore store;

    DerivedFields(RecordStore store) {
        this.store = store;
    }

    /** Fields Salesforce computes from others: closed/won from the stage, activity account from What/Who. */
    void apply(ObjectTable table, int row) {
        ObjectDef def = table.def();
        switch (def.name()) {
            case "Opportunity" -> {
                String stage = (String) table.get(row, def.field("StageName"));
                if (stage != null) {
                    boolean closed = stage.startsWith("Closed");
                    boolean won = stage.equals("Closed Won");
                    table.set(row, def.field("IsClosed"), closed);
                    table.set(row, def.field("IsWon"), won);
                    if (table.get(row, def.field("Probability")) == null || closed) {
                        int index = Arrays.asList(StandardSchema.OPPORTUNITY_STAGES).indexOf(stage);
                        table.set(row, def.field("Probability"), won ? 100.0 : closed ? 0.0 : 10.0 + 10 * index);
                    }
                    if (table.get(row, def.field("ForecastCategoryName")) == null || closed) {
                        table.set(row, def.field("ForecastCategoryName"), won ? "Closed" : closed ? "Omitted"
                                : "Pipeline");
                    }
                }
            }
            case "Task", "Event" -> {
                if (def.name().equals("Task")) {
                    boolean closed = "Completed".equals(table.get(row, def.field("Status")));
                    table.set(row, def.field("IsClosed"), closed);
                } else {
                    deriveEventTimes(table, row);
                }
                table.set(row, def.field("AccountId"), accountOf(table.get(row, def.field("WhatId")),
                        table.get(row, def.field("WhoId"))));
            }
            default -> { }
        }
    }

    /** An event's end, duration and day follow from whichever of them the client gave. */
    private static void deriveEventTimes(ObjectTable table, int row) {
        ObjectDef def = table.def();
        Long start = (Long) table.get(row, def.field("StartDateTime"));
        if (start == null) {
            return;
        }
        Long end = (Long) table.get(row, def.field("EndDateTime"));
        Long minutes = (Long) table.get(row, def.field("DurationInMinutes"));
        if (end == null && minutes != null) {
            table.set(row, def.field("EndDateTime"), start + minutes * 60_000L);
        } else if (end != null) {
            table.set(row, def.field("DurationInMinutes"), Math.max(0, (end - start) / 60_000L));
        }
        table.set(row, def.field("ActivityDate"), Math.floorDiv(start, 86_400_000L));
    }

    private Long accountOf(Object what, Object who) {
        for (Object ref : new Object[] {what, who}) {
            if (ref == null) {
                continue;
            }
            long key = (Long) ref;
            ObjectTable t = store.tableOf(key);
            String name = t.def().name();
            if (name.equals("Account")) {
                return key;
            }
            FieldDef account = t.def().field("AccountId");
            if (account != null && (name.equals("Opportunity") || name.equals("Contact"))) {
                Object a = t.get(RecordStore.rowOf(key), account);
                if (a != null) {
                    return (Long) a;
                }
            }
        }
        return null;
    }
}
