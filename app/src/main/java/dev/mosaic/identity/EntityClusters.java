package dev.mosaic.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The live entities a chunk touches, joined in memory as strong keys say (union-find), before any row moves.
 * A join is refused when a person said that some entity of one side differs from some entity of the other
 * (an unmerge or a rejected suggestion names entities that may since have been merged into others).
 */
final class EntityClusters {

    private final Map<UUID, UUID> parent = new HashMap<>();
    /** Per root: every entity id its cluster stands for, live ones and those merged into them before. */
    private final Map<UUID, Set<UUID>> members = new HashMap<>();
    private final Map<UUID, UUID> liveOf = new HashMap<>();
    private final Map<UUID, Set<UUID>> differsFrom = new HashMap<>();

    /**
     * @param clusters each live entity with the entities merged into it
     * @param blocks   pairs of entity ids a person said differ
     */
    EntityClusters(Map<UUID, List<UUID>> clusters, Collection<UUID[]> blocks) {
        clusters.forEach((live, ids) -> {
            parent.put(live, live);
            members.put(live, new HashSet<>(ids));
            ids.forEach(id -> liveOf.put(id, live));
        });
        for (UUID[] block : blocks) {
            differsFrom.computeIfAbsent(block[0], id -> new HashSet<>()).add(block[1]);
            differsFrom.computeIfAbsent(block[1], id -> new HashSet<>()).add(block[0]);
        }
    }

    UUID find(UUID live) {
        UUID root = live;
        while (!parent.get(root).equals(root)) {
            root = parent.get(root);
        }
        for (UUID step = live; !step.equals(root); ) {
            UUID next = parent.get(step);
            parent.put(step, root);
            step = next;
        }
        return root;
    }

    boolean together(UUID a, UUID b) {
        return find(a).equals(find(b));
    }

    /** True when a person said some entity on one side differs from some entity on the other. */
    boolean blocked(UUID a, UUID b) {
        UUID rootA = find(a);
        UUID rootB = find(b);
        for (UUID member : members.get(rootA)) {
            for (UUID other : differsFrom.getOrDefault(member, Set.of())) {
                UUID otherLive = liveOf.get(other);
                if (otherLive != null && find(otherLive).equals(rootB)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Joins the two clusters unless they are one already or a person said they differ; true when joined. */
    boolean join(UUID a, UUID b) {
        if (together(a, b) || blocked(a, b)) {
            return false;
        }
        UUID rootA = find(a);
        UUID rootB = find(b);
        UUID big = members.get(rootA).size() >= members.get(rootB).size() ? rootA : rootB;
        UUID small = big.equals(rootA) ? rootB : rootA;
        parent.put(small, big);
        members.get(big).addAll(members.remove(small));
        return true;
    }

    /** The clusters of more than one live entity: root → its live entities. */
    Map<UUID, List<UUID>> joined() {
        Map<UUID, List<UUID>> joined = new LinkedHashMap<>();
        for (UUID live : parent.keySet()) {
            joined.computeIfAbsent(find(live), root -> new ArrayList<>()).add(live);
        }
        joined.values().removeIf(lives -> lives.size() < 2);
        return joined;
    }

    /** Every entity id the cluster of this live entity stands for. */
    Set<UUID> members(UUID live) {
        return members.get(find(live));
    }
}
