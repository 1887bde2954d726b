package dev.mosaic.identity.truth;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Hands out each fictional number at most once: a phone is a strong key, so two real people (or two real
 * companies) sharing one would oblige Mosaic to merge them and make the truth contradict the rules.
 */
final class FictionalPhoneBook {

    private static final int[] AREA_CODES = {415, 212, 617, 312, 206, 512, 303, 404, 305, 503, 213, 646, 702, 808,
            919, 971, 614, 615, 602, 720};

    private final List<FictionalPhone> northAmerican = new ArrayList<>();
    private final List<FictionalPhone> london = new ArrayList<>();

    FictionalPhoneBook(Random random) {
        for (int area : AREA_CODES) {
            for (int line = 100; line <= 199; line++) {
                northAmerican.add(FictionalPhone.northAmerican(area, line));
            }
        }
        for (int line = 0; line <= 999; line++) {
            london.add(FictionalPhone.london(line));
        }
        Collections.shuffle(northAmerican, random);
        Collections.shuffle(london, random);
    }

    FictionalPhone next(boolean british) {
        List<FictionalPhone> pool = british ? london : northAmerican;
        if (pool.isEmpty()) {
            throw new IllegalStateException("out of fictional " + (british ? "London" : "North American") + " numbers");
        }
        return pool.remove(pool.size() - 1);
    }
}
