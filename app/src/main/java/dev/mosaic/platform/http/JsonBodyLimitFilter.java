package dev.mosaic.platform.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps JSON request bodies, which Spring would otherwise read whole into memory. A declared length over the
 * cap is refused at once; a chunked body is cut off when it passes it.
 */
@Component
public class JsonBodyLimitFilter extends OncePerRequestFilter {

    public static final long MAX_BYTES = 16L * 1024 * 1024;

    private final ObjectMapper json;

    public JsonBodyLimitFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return type == null || !type.toLowerCase().startsWith("application/json");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > MAX_BYTES) {
            ApiError.of("payload_too_large", "A JSON body may be at most " + MAX_BYTES / (1024 * 1024)
                    + " MB; send the data in several requests.").write(response, HttpStatus.PAYLOAD_TOO_LARGE, json);
            return;
        }
        chain.doFilter(new LimitedRequest(request), response);
    }

    /** Thrown when a body without a declared length grows past the cap. */
    public static final class BodyTooLargeException extends IOException {
        BodyTooLargeException() {
            super("The JSON body is larger than " + MAX_BYTES + " bytes");
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private ServletInputStream limited;

        LimitedRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                limited = new LimitedStream(super.getInputStream());
            }
            return limited;
        }
    }

    private static final class LimitedStream extends ServletInputStream {
        private final ServletInputStream in;
        private final LimitedInputStream limited;

        LimitedStream(ServletInputStream in) {
            this.in = in;
            this.limited = new LimitedInputStream(in, MAX_BYTES, BodyTooLargeException::new);
        }

        @Override
        public int read() throws IOException {
            return limited.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            return limited.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
