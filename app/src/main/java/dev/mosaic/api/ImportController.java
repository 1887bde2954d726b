package dev.mosaic.api;

import dev.mosaic.ingest.csv.CsvImportJob;
import dev.mosaic.ingest.csv.CsvImportJobList;
import dev.mosaic.ingest.csv.CsvImportJobs;
import dev.mosaic.ingest.csv.CsvImportOutcome;
import dev.mosaic.ingest.csv.CsvImportRequest;
import dev.mosaic.ingest.csv.CsvImportResult;
import dev.mosaic.ingest.csv.CsvImportService;
import dev.mosaic.ingest.csv.CsvUploadLimit;
import dev.mosaic.ingest.csv.InvalidImportException;
import dev.mosaic.platform.http.ApiError;
import dev.mosaic.tenant.TenantPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/v1/imports}: a CSV file of organizations or contacts into the customer graph, as a
 * multipart upload (part {@code file}, fields {@code type}, {@code source}, {@code mapping},
 * {@code dryRun}) or as a {@code text/csv} body with those values as query parameters. A file of up to
 * 10,000 rows (and every dry run) is answered 200 with what was imported; a larger one 202 with the
 * background import it became, whose progress {@code GET /api/v1/imports/{id}} shows.
 */
@RestController
@RequestMapping("/api/v1/imports")
class ImportController {

    private static final Set<Charset> READABLE_CHARSETS = Set.of(StandardCharsets.UTF_8, StandardCharsets.US_ASCII);

    private final CsvImportService imports;
    private final CsvImportJobs jobs;

    ImportController(CsvImportService imports, CsvImportJobs jobs) {
        this.imports = imports;
        this.jobs = jobs;
    }

    /**
     * Imports a CSV file uploaded as {@code multipart/form-data} (field {@code file}, with {@code type} and an optional
     * {@code source}). A small file is imported at once (200); a large one by a background job (202) whose progress is at
     * {@code /api/v1/imports/{id}}.
     */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Object> importUpload(@AuthenticationPrincipal TenantPrincipal principal,
                                 @RequestParam(name = "file", required = false) MultipartFile file,
                                 @RequestParam(name = "type", required = false) String type,
                                 @RequestParam(name = "source", required = false) String source,
                                 @RequestParam(name = "mapping", required = false) String mapping,
                                 @RequestParam(name = "dryRun", required = false) String dryRun) throws IOException {
        CsvImportRequest request = CsvImportRequest.fromParameters(type, source, mapping, dryRun);
        if (file == null) {
            throw new InvalidImportException("file", "Attach the CSV file as the form part 'file'.");
        }
        if (file.isEmpty()) {
            throw new InvalidImportException("file", "The uploaded file is empty: it needs a header line and rows.");
        }
        return answer(imports.importCsv(principal.tenantId(), request, file::getInputStream));
    }

    /**
     * Imports a CSV sent as the body ({@code text/csv}, UTF-8), with {@code ?type=} and an optional {@code ?source=}.
     * A small file is imported at once (200); a large one by a background job (202).
     */
    @PostMapping(consumes = {"text/csv", "application/csv"})
    ResponseEntity<Object> importBody(@AuthenticationPrincipal TenantPrincipal principal,
                               @RequestParam(name = "type", required = false) String type,
                               @RequestParam(name = "source", required = false) String source,
                               @RequestParam(name = "mapping", required = false) String mapping,
                               @RequestParam(name = "dryRun", required = false) String dryRun,
                               HttpServletRequest http) throws IOException {
        CsvImportRequest request = CsvImportRequest.fromParameters(type, source, mapping, dryRun);
        requireUtf8(http.getContentType());
        // A raw body has no multipart limit in front of it: refuse a declared size up front, count the rest.
        if (http.getContentLengthLong() > CsvUploadLimit.MAX_BYTES) {
            throw new CsvUploadLimit.TooLargeException();
        }
        try (CsvUploadLimit.SpooledUpload csv = CsvUploadLimit.spool(http.getInputStream())) {
            return answer(imports.importCsv(principal.tenantId(), request, csv));
        }
    }

    /**
     * An import's progress: rows done and refused, its state, and the refused rows with their reasons.
     */
    @GetMapping("/{id}")
    CsvImportJob progress(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable UUID id) {
        return jobs.get(principal.tenantId(), id);
    }

    /**
     * The workspace's imports, newest first.
     */
    @GetMapping
    CsvImportJobList list(@AuthenticationPrincipal TenantPrincipal principal,
                          @RequestParam(defaultValue = "50") int limit, @RequestParam(defaultValue = "0") int offset) {
        return jobs.list(principal.tenantId(), Paging.limit(limit), Paging.offset(offset));
    }

    private static ResponseEntity<Object> answer(CsvImportOutcome outcome) {
        if (outcome instanceof CsvImportOutcome.Queued queued) {
            return ResponseEntity.accepted().location(URI.create("/api/v1/imports/" + queued.job().id()))
                    .body(queued.job());
        }
        CsvImportResult result = ((CsvImportOutcome.Finished) outcome).result();
        if (!result.dryRun() && result.rows() > 0 && result.summary().rejected() == result.rows()) {
            // Nothing was saved: the answer a JSON ingest gives when it saves nothing either.
            return ResponseEntity.badRequest().body(ApiError.of("invalid_items", "All " + result.rows()
                    + " rows were refused; nothing was saved. Fix them and import the file again.",
                    Map.of("summary", result.summary(), "rejected", result.errors())));
        }
        return ResponseEntity.ok(result);
    }

    /** Any other body: say how to send a file rather than answer with a bare 415. */
    @PostMapping
    ResponseEntity<ApiError> unsupportedBody(HttpServletRequest http) {
        return ApiError.of("unsupported_media_type", "Send the CSV as multipart/form-data with the file in part"
                        + " 'file', or as a text/csv body; this request was " + http.getContentType() + ".",
                Map.of("field", "file")).response(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    }

    private static void requireUtf8(String contentType) {
        Charset charset;
        try {
            charset = MediaType.parseMediaType(contentType).getCharset();
        } catch (IllegalArgumentException e) {
            // An unparseable type or an unknown charset: let the UTF-8 reading show what it makes of it.
            return;
        }
        if (charset != null && !READABLE_CHARSETS.contains(charset)) {
            throw new InvalidImportException("file", "The CSV is declared as " + charset.name()
                    + "; Mosaic reads UTF-8 CSV only. Save it as \"CSV UTF-8\" and send it again.");
        }
    }

    @ExceptionHandler(InvalidImportException.class)
    ResponseEntity<ApiError> invalidImport(InvalidImportException e) {
        return ApiError.of("bad_request", e.getMessage(), e.details()).response(HttpStatus.BAD_REQUEST);
    }

    @ExceptionHandler(CsvUploadLimit.TooLargeException.class)
    ResponseEntity<ApiError> tooLarge(CsvUploadLimit.TooLargeException e) {
        return ApiError.of("payload_too_large", e.getMessage(), Map.of("field", "file",
                "maxBytes", CsvUploadLimit.MAX_BYTES)).response(HttpStatus.PAYLOAD_TOO_LARGE);
    }
}
