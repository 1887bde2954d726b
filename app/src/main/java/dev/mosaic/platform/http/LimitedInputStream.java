package dev.mosaic.platform.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

/** A stream that fails with the given exception once more than {@code maxBytes} have been read from it. */
public final class LimitedInputStream extends FilterInputStream {

    private final long maxBytes;
    private final Supplier<? extends IOException> tooLarge;
    private long read;

    public LimitedInputStream(InputStream in, long maxBytes, Supplier<? extends IOException> tooLarge) {
        super(in);
        this.maxBytes = maxBytes;
        this.tooLarge = tooLarge;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        count(b < 0 ? 0 : 1);
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        count(Math.max(n, 0));
        return n;
    }

    private void count(int n) throws IOException {
        read += n;
        if (read > maxBytes) {
            throw tooLarge.get();
        }
    }
}
