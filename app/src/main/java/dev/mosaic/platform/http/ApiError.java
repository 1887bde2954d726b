package dev.mosaic.platform.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The one error shape of Mosaic's REST API: {@code {"error":{"code","message","details"}}}. Codes are
 * stable lower-case words that scripts can branch on; messages say what was wrong and what to do.
 */
public record ApiError(Body error) {

    public record Body(String code, String message, Map<String, Object> details) {
    }

    public static ApiError of(String code, String message) {
        return new ApiError(new Body(code, message, Map.of()));
    }

    public static ApiError of(String code, String message, Map<String, Object> details) {
        return new ApiError(new Body(code, message, details));
    }

    public ResponseEntity<ApiError> response(HttpStatus status) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(this);
    }

    /** For code outside Spring MVC (security filters), which writes the response itself. */
    public void write(HttpServletResponse response, HttpStatus status, ObjectMapper json) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), this);
    }
}
