package dev.mosaic.sync;

/** Where an object's sync is: its first full read, or the rounds that follow changes. */
public enum SyncPhase { INITIAL, INCREMENTAL }
