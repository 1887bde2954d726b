package dev.mosaic.platform.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mosaic.platform.database.DatabaseOutage;
import dev.mosaic.platform.database.DiskFullHealth;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * Answers 503 with a {@code Retry-After} when a request failed because the database is away or full, wherever it
 * failed: in the sign-in and token checks that run before any controller, or in a page. The API's own handler answers
 * the same for its calls; this catches the rest, which would otherwise be a bare 500.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DatabaseOutageFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

    private final ObjectMapper json;
    private final DiskFullHealth diskHealth;

    public DatabaseOutageFilter(ObjectMapper json, DiskFullHealth diskHealth) {
        this.json = json;
        this.diskHealth = diskHealth;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            Optional<DatabaseOutage> outage = diskHealth.outageOf(e);
            if (outage.isEmpty() || response.isCommitted()) {
                throw e;
            }
            log.warn("{} {} failed: {} ({})", request.getMethod(), request.getRequestURI(), outage.get(),
                    NestedExceptionUtils.getMostSpecificCause(e).toString());
            response.resetBuffer();
            response.setHeader("Retry-After", Integer.toString(DatabaseOutage.RETRY_AFTER_SECONDS));
            if (request.getRequestURI().startsWith("/api/")) {
                ApiError.of(outage.get().apiCode(), outage.get().message()).write(response, HttpStatus.SERVICE_UNAVAILABLE, json);
            } else {
                writePage(response, outage.get());
            }
        }
    }

    private static void writePage(HttpServletResponse response, DatabaseOutage outage) throws IOException {
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setContentType("text/html;charset=UTF-8");
        String page = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
                + HtmlUtils.htmlEscape(outage.title()) + "</title><meta http-equiv=\"refresh\" content=\"" + DatabaseOutage.RETRY_AFTER_SECONDS + "\"></head>"
                + "<body style=\"font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;line-height:1.5\">"
                + "<h1>" + HtmlUtils.htmlEscape(outage.title()) + "</h1><p>" + HtmlUtils.htmlEscape(outage.message()) + "</p>"
                + "<p>This page tries again by itself every " + DatabaseOutage.RETRY_AFTER_SECONDS + " seconds.</p></body></html>";
        response.getOutputStream().write(page.getBytes(StandardCharsets.UTF_8));
    }
}
