package dev.mosaic.api;

import dev.mosaic.platform.errors.InvalidInputException;
import dev.mosaic.platform.errors.BusyException;
import dev.mosaic.platform.errors.ConflictException;
import dev.mosaic.platform.errors.ForbiddenException;
import dev.mosaic.platform.errors.NotFoundException;
import dev.mosaic.platform.http.ApiError;
import dev.mosaic.platform.http.JsonBodyLimitFilter;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import dev.mosaic.platform.database.DatabaseOutage;
import dev.mosaic.platform.database.DiskFullHealth;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Every REST failure in the one shape of {@link ApiError}; never a stack trace. */
@RestControllerAdvice(basePackages = "dev.mosaic.api")
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final ObjectMapper json;
    private final DiskFullHealth diskHealth;

    ApiExceptionHandler(ObjectMapper json, DiskFullHealth diskHealth) {
        this.json = json;
        this.diskHealth = diskHealth;
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ApiError> badInput(InvalidInputException e) {
        return ApiError.of("bad_request", e.getMessage()).response(HttpStatus.BAD_REQUEST);
    }

    @ExceptionHandler(InvalidValueException.class)
    ResponseEntity<ApiError> invalidValue(InvalidValueException e) {
        return ApiError.of("bad_request", e.getMessage(), e.details()).response(HttpStatus.BAD_REQUEST);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ApiError> notFound(NotFoundException e) {
        return ApiError.of("not_found", e.getMessage()).response(HttpStatus.NOT_FOUND);
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<ApiError> forbidden(ForbiddenException e) {
        return ApiError.of("forbidden", e.getMessage()).response(HttpStatus.FORBIDDEN);
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ApiError> conflict(ConflictException e) {
        return ApiError.of("conflict", e.getMessage()).response(HttpStatus.CONFLICT);
    }

    @ExceptionHandler(BusyException.class)
    ResponseEntity<ApiError> busy(BusyException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", String.valueOf(Math.max(1, e.retryAfter().toSeconds())))
                .body(ApiError.of("busy", e.getMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        if (NestedExceptionUtils.getMostSpecificCause(e) instanceof JsonBodyLimitFilter.BodyTooLargeException) {
            return ApiError.of("payload_too_large", "A JSON body may be at most "
                    + JsonBodyLimitFilter.MAX_BYTES / (1024 * 1024) + " MB; send the data in several requests.")
                    .response(HttpStatus.PAYLOAD_TOO_LARGE);
        }
        return ApiError.of("bad_request", "The request body is not valid JSON of the expected shape.")
                .response(HttpStatus.BAD_REQUEST);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException e) {
        return ApiError.of("bad_request", "Parameter '" + e.getParameterName() + "' is required.",
                Map.of("parameter", e.getParameterName())).response(HttpStatus.BAD_REQUEST);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> typeMismatch(MethodArgumentTypeMismatchException e) {
        return ApiError.of("bad_request", "Parameter '" + e.getName() + "' has an invalid value.",
                Map.of("parameter", e.getName())).response(HttpStatus.BAD_REQUEST);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> wrongMethod(HttpRequestMethodNotSupportedException e) {
        return ApiError.of("method_not_allowed", e.getMethod() + " is not supported here.")
                .response(HttpStatus.METHOD_NOT_ALLOWED);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> unsupportedBody(HttpMediaTypeNotSupportedException e) {
        return ApiError.of("unsupported_media_type", "Send the body as JSON, with Content-Type: application/json; this "
                + "request's was " + e.getContentType() + ".").response(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    }

    /** Written past content negotiation: the client asked for a type Mosaic does not answer in, so JSON it is. */
    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    void notAcceptable(HttpServletResponse response) throws IOException {
        ApiError.of("not_acceptable", "The API answers in JSON only: send Accept: application/json (or */*).")
                .write(response, HttpStatus.NOT_ACCEPTABLE, json);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e) {
        Optional<DatabaseOutage> outage = diskHealth.outageOf(e);
        if (outage.isPresent()) {
            log.warn("A REST call failed: {} ({})", outage.get(), e.getMessage());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header("Retry-After", String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS))
                    .body(ApiError.of(outage.get().apiCode(), outage.get().message()));
        }
        log.error("Unexpected failure in the REST API", e);
        return ApiError.of("internal_error", "Something went wrong on our side; it has been logged.")
                .response(HttpStatus.INTERNAL_SERVER_ERROR);
    }
}
