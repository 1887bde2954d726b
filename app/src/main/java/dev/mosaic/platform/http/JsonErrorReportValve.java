package dev.mosaic.platform.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * What Tomcat answers itself, for requests it refuses before Mosaic sees them (a NUL in the path, a malformed
 * header): Mosaic's JSON error shape instead of Tomcat's HTML page, with no server details.
 */
public class JsonErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String code = status == 400 ? "bad_request" : status == 404 ? "not_found" : status >= 500 ? "internal_error" : "error";
        String message = status == 400 ? "The request is malformed (for example a NUL or another control character in "
                + "its path or headers) and was refused before it reached Mosaic."
                : "The request could not be answered (HTTP " + status + ").";
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getOutputStream().write(("{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message
                    + "\",\"details\":{}}}").getBytes(StandardCharsets.UTF_8));
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // The client went away, or the response was committed meanwhile: nothing left to tell it.
        }
    }
}
