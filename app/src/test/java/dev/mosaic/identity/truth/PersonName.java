package dev.mosaic.identity.truth;

/** A name part as written ({@code Müller}, {@code 伟}) and the ASCII a mailbox would use ({@code muller}, {@code wei}). */
record PersonName(String display, String ascii) {

    static PersonName of(String display, String ascii) {
        return new PersonName(display, ascii);
    }

    static PersonName plain(String display) {
        return new PersonName(display, display.toLowerCase(java.util.Locale.ROOT));
    }
}
