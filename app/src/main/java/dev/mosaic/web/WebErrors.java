package dev.mosaic.web;

import dev.mosaic.platform.errors.ConflictException;
import dev.mosaic.platform.errors.ForbiddenException;
import dev.mosaic.platform.errors.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** What a page shows when a request cannot be done: the reason in words, with the matching status. */
@ControllerAdvice(basePackages = "dev.mosaic.web")
class WebErrors {

    @ExceptionHandler(NotFoundException.class)
    String notFound(NotFoundException e, Model model, HttpServletResponse response) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage(), model, response);
    }

    @ExceptionHandler(ForbiddenException.class)
    String forbidden(ForbiddenException e, Model model, HttpServletResponse response) {
        return problem(HttpStatus.FORBIDDEN, "Not allowed", e.getMessage(), model, response);
    }

    @ExceptionHandler(ConflictException.class)
    String conflict(ConflictException e, Model model, HttpServletResponse response) {
        return problem(HttpStatus.CONFLICT, "Cannot do that now", e.getMessage(), model, response);
    }

    private static String problem(HttpStatus status, String title, String message, Model model, HttpServletResponse response) {
        response.setStatus(status.value());
        model.addAttribute("title", title);
        model.addAttribute("message", message);
        return "problem";
    }
}
