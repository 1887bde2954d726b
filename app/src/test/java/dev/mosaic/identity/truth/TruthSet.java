package dev.mosaic.identity.truth;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Every record of both sources, each knowing the real entity it stands for. Made by {@link TruthSetGenerator}. */
record TruthSet(long seed, List<TruthRecord> records) {

    TruthSet {
        records = List.copyOf(records);
    }

    List<TruthRecord> of(RecordType type) {
        return records.stream().filter(r -> r.type() == type).toList();
    }

    List<TruthRecord> of(String source, RecordType type) {
        return records.stream().filter(r -> r.source().equals(source) && r.type() == type).toList();
    }

    /** The same records last to first: for checking that the order of arrival changes no cluster. */
    TruthSet reversed() {
        List<TruthRecord> backwards = new ArrayList<>(records);
        Collections.reverse(backwards);
        return new TruthSet(seed, backwards);
    }

    long trueEntities(RecordType type) {
        return of(type).stream().map(TruthRecord::trueEntity).distinct().count();
    }

    /** How many records each corruption produced, sorted by name, for the printed summary. */
    Map<String, Long> scenarioCounts() {
        return records.stream().collect(Collectors.groupingBy(TruthRecord::scenario, TreeMap::new, Collectors.counting()));
    }
}
