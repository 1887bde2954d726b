package dev.mosaic.web;

import dev.mosaic.platform.http.ApiError;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * {@code /error}, where the servlet container forwards what failed outside Mosaic's controllers: a page for a
 * browser, the API's JSON shape for everything else; asked for directly, a 404. Never a stack trace or Spring's
 * default body.
 */
@Controller
class ErrorPage implements ErrorController {

    @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
    String page(HttpServletRequest request, Model model, HttpServletResponse response) {
        HttpStatus status = status(request);
        response.setStatus(status.value());
        model.addAttribute("title", status.is4xxClientError() ? "Not found or not allowed" : "Something went wrong");
        model.addAttribute("message", status == HttpStatus.NOT_FOUND ? "There is no such page."
                : status.is5xxServerError() ? "Something went wrong on our side; it has been logged."
                : "The request could not be answered (" + status.value() + " " + status.getReasonPhrase() + ").");
        return "problem";
    }

    @RequestMapping("/error")
    ResponseEntity<ApiError> json(HttpServletRequest request) {
        HttpStatus status = status(request);
        String code = status == HttpStatus.NOT_FOUND ? "not_found" : status.is5xxServerError() ? "internal_error"
                : status.name().toLowerCase();
        String message = status == HttpStatus.NOT_FOUND ? "There is nothing at this address."
                : status.is5xxServerError() ? "Something went wrong on our side; it has been logged."
                : "The request could not be answered (" + status.value() + " " + status.getReasonPhrase() + ").";
        return ApiError.of(code, message).response(status);
    }

    /** The failed request's status; 404 when there was none (someone opened /error itself). */
    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null || !status.isError() ? HttpStatus.NOT_FOUND : status;
    }
}
