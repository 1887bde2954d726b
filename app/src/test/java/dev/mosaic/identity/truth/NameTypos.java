package dev.mosaic.identity.truth;

import java.text.Normalizer;
import java.util.Map;
import java.util.Random;

/**
 * The misspellings a second CRM makes of the same person's name: accents lost, letters swapped, dropped
 * or doubled, a Chinese character replaced by a homophone. Always returns a different string.
 */
final class NameTypos {

    private static final Map<String, String> HOMOPHONES = Map.ofEntries(Map.entry("王", "汪"), Map.entry("李", "理"),
            Map.entry("张", "章"), Map.entry("刘", "柳"), Map.entry("陈", "程"), Map.entry("杨", "阳"),
            Map.entry("伟", "玮"), Map.entry("娜", "纳"), Map.entry("敏", "民"), Map.entry("静", "晶"),
            Map.entry("磊", "蕾"), Map.entry("芳", "方"), Map.entry("强", "墙"), Map.entry("洋", "阳"));

    private NameTypos() {
    }

    static String misspell(String name, Random random) {
        if (HOMOPHONES.containsKey(name)) {
            return HOMOPHONES.get(name);
        }
        String unaccented = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replace("Ø", "O").replace("ø", "o").replace("Ł", "L").replace("ł", "l");
        if (!unaccented.equals(name)) {
            return unaccented;
        }
        int at = 1 + random.nextInt(Math.max(1, name.length() - 2));
        String typo = switch (random.nextInt(3)) {
            case 0 -> name.substring(0, at) + name.charAt(at) + name.substring(at); // doubled letter
            case 1 -> name.substring(0, at) + name.substring(at + 1);               // dropped letter
            default -> at + 1 < name.length()                                         // swapped neighbours
                    ? name.substring(0, at) + name.charAt(at + 1) + name.charAt(at) + name.substring(at + 2)
                    : name.substring(0, at);
        };
        return typo.equals(name) ? name + name.charAt(name.length() - 1) : typo;
    }
}
