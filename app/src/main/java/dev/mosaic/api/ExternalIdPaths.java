package dev.mosaic.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mosaic.platform.http.ApiError;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.regex.Pattern;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Lets an external id travel percent-encoded in the last segment of
 * {@code GET /api/v1/external/{system}/{object}/{id}}, whatever it holds: {@code team%2F42}, {@code 50%25},
 * {@code %2E%2E}, {@code a%3Bb}, {@code back%5Cslash}. By default Tomcat refuses an encoded slash, decodes
 * an encoded backslash into a path separator, and Spring Security's firewall refuses encoded slashes,
 * percents, periods, semicolons and backslashes, because a server that decodes them before routing can be
 * led to another path. Spring MVC routes on the raw path and decodes each segment alone, so here they are
 * safe, and they are allowed for this one shape only:
 * <ul>
 *   <li>Tomcat passes {@code %2F} and {@code %5C} through undecoded ({@code passthrough}) instead of
 *       refusing or decoding them: no path anywhere gains a separator it was not sent with, and every other
 *       path stays behind the default firewall, which refuses them as before;</li>
 *   <li>the firewall relaxes those encoded characters only for a GET whose raw path is exactly
 *       {@code /api/v1/external/<name>/<name>/<one segment>}, with plain names and no literal
 *       {@code ;} or {@code /} in the segment; everything else it checks (non-normalized paths such as a
 *       literal {@code ..}, NUL, line breaks, headers) it still checks there.</li>
 * </ul>
 * Any id also resolves as {@code GET /api/v1/external/{system}/{object}?id=…}, which needs none of this.
 */
@Configuration(proxyBeanMethods = false)
class ExternalIdPaths {

    static final String PATH_FORM = "/api/v1/external/{system}/{object}/{id}";
    static final String QUERY_FORM = "/api/v1/external/{system}/{object}";

    /** The raw path of a lookup with its id in the path: RFC 3986 path characters but ';' and '/' in the id. */
    private static final Pattern LOOKUP_PATH =
            Pattern.compile("/api/v1/external/[A-Za-z0-9_-]+/[A-Za-z0-9_-]+/[A-Za-z0-9._~!$&'()*+,=:@%-]+");

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> encodedSeparatorsStayEncoded() {
        return factory -> factory.addConnectorCustomizers(connector -> {
            connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
            connector.setEncodedReverseSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
        });
    }

    @Bean
    HttpFirewall httpFirewall() {
        StrictHttpFirewall everywhere = new StrictHttpFirewall();
        StrictHttpFirewall lookups = new StrictHttpFirewall();
        lookups.setAllowUrlEncodedSlash(true);
        lookups.setAllowUrlEncodedDoubleSlash(true);
        lookups.setAllowUrlEncodedPercent(true);
        lookups.setAllowUrlEncodedPeriod(true);
        lookups.setAllowBackSlash(true);
        lookups.setAllowSemicolon(true);
        return new HttpFirewall() {
            @Override
            public FirewalledRequest getFirewalledRequest(HttpServletRequest request) throws RequestRejectedException {
                return (isLookup(request) ? lookups : everywhere).getFirewalledRequest(request);
            }

            @Override
            public HttpServletResponse getFirewalledResponse(HttpServletResponse response) {
                return everywhere.getFirewalledResponse(response);
            }
        };
    }

    /** A refused API request gets the API's JSON error, with the way around it for external ids. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ObjectMapper json) {
        return (request, response, rejected) -> {
            if (!request.getRequestURI().startsWith("/api/")) {
                response.sendError(HttpStatus.BAD_REQUEST.value());
                return;
            }
            ApiError.of("bad_request", "The request path holds characters Mosaic refuses in paths (such as an encoded"
                    + " '/', '%', '.' or ';', or '..'). To look up an external id holding them, send it as a query"
                    + " parameter: GET /api/v1/external/{system}/{object}?id=…").write(response, HttpStatus.BAD_REQUEST, json);
        };
    }

    private static boolean isLookup(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return "GET".equals(request.getMethod()) && LOOKUP_PATH.matcher(path).matches();
    }
}
