package dev.mosaic.api;

import dev.mosaic.platform.http.ApiError;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An authenticated call to a path the API does not have gets the API's JSON 404, not an HTML page. */
@RestController
class UnknownApiPathController {

    @RequestMapping("/api/**")
    ResponseEntity<ApiError> notFound(HttpServletRequest request) {
        return ApiError.of("not_found", "There is no " + request.getMethod() + " " + request.getRequestURI()
                + " in the Mosaic API.").response(HttpStatus.NOT_FOUND);
    }
}
