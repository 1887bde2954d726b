package dev.mosaic.salesforce.emulator;

/** Placeholder entry point; the emulator issue replaces it. */
public final class EmulatorMain {
    public static void main(String[] args) {
        System.out.println("salesforce-emulator: not built yet");
    }
}
