package dev.mosaic.identity.truth;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Where a real entity shows up: source A only, B only, or both, and now and then twice in one source, as
 * real CRMs hold duplicates. The first source listed holds the tidy record; the rest hold corrupted copies.
 */
final class Appearances {

    static final String SOURCE_A = "crm-a";
    static final String SOURCE_B = "crm-b";

    private static final double ONLY_A = 0.30;
    private static final double ONLY_B = 0.25;
    private static final double DUPLICATE_IN_ONE_SOURCE = 0.07;

    private Appearances() {
    }

    static List<String> plan(Random random) {
        double roll = random.nextDouble();
        List<String> sources = new ArrayList<>();
        if (roll < ONLY_A) {
            sources.add(SOURCE_A);
        } else if (roll < ONLY_A + ONLY_B) {
            sources.add(SOURCE_B);
        } else {
            sources.add(SOURCE_A);
            sources.add(SOURCE_B);
        }
        if (random.nextDouble() < DUPLICATE_IN_ONE_SOURCE) {
            sources.add(sources.get(random.nextInt(sources.size())));
        }
        return sources;
    }
}
