package dev.mosaic.api;

import dev.mosaic.platform.http.ApiError;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload over the multipart limit fails before any controller is chosen, so the API's own handler
 * never sees it; this one gives it the API's error shape all the same.
 */
@RestControllerAdvice
class UploadTooLargeHandler {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException e) {
        return ApiError.of("payload_too_large", "The upload is larger than the limit of "
                + DataSize.ofMegabytes(50).toMegabytes() + " MB.").response(HttpStatus.PAYLOAD_TOO_LARGE);
    }
}
