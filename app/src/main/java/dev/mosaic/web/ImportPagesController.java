package dev.mosaic.web;

import dev.mosaic.ingest.csv.CsvImportJobs;
import dev.mosaic.ingest.csv.CsvImportOutcome;
import dev.mosaic.ingest.csv.CsvImportRequest;
import dev.mosaic.ingest.csv.CsvImportResult;
import dev.mosaic.ingest.csv.CsvImportService;
import dev.mosaic.ingest.csv.ImportType;
import dev.mosaic.platform.json.Json;
import dev.mosaic.tenant.TenantPrincipal;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * CSV import in the browser: choose a file and what it holds, see how its columns map and its first rows as they will
 * be imported (and change the mapping), then import it. A large file is imported in the background, with a progress
 * bar. The file waits for the confirmation on the server, in the person's session, not in the browser.
 */
@Controller
class ImportPagesController {

    private final CsvImportService imports;
    private final CsvImportJobs jobs;

    ImportPagesController(CsvImportService imports, CsvImportJobs jobs) {
        this.imports = imports;
        this.jobs = jobs;
    }

    @GetMapping("/imports")
    String page(@AuthenticationPrincipal TenantPrincipal principal, Model model) {
        model.addAttribute("principal", principal);
        model.addAttribute("recent", jobs.list(principal.tenantId(), 10, 0).items());
        return "imports/upload";
    }

    /** Reads the file once without saving anything, and shows what importing it would do. */
    @PostMapping("/imports/preview")
    String preview(@AuthenticationPrincipal TenantPrincipal principal, @RequestParam(required = false) MultipartFile file,
                   @RequestParam(required = false) String type, @RequestParam(required = false) String source,
                   HttpSession session, Model model) throws IOException {
        model.addAttribute("principal", principal);
        model.addAttribute("recent", jobs.list(principal.tenantId(), 10, 0).items());
        if (file == null || file.isEmpty()) {
            model.addAttribute("error", "Choose a CSV file with a header line and rows.");
            return "imports/upload";
        }
        UploadedCsvFiles.Upload upload;
        try (InputStream content = file.getInputStream()) {
            upload = UploadedCsvFiles.of(session).keep(content, file.getOriginalFilename());
        }
        return previewOf(principal, upload, type, source, null, model);
    }

    /** The preview again, with the mapping a person changed. */
    @PostMapping("/imports/{upload}/remap")
    String remap(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable UUID upload,
                 @RequestParam String type, @RequestParam String source, @RequestParam Map<String, String> form,
                 HttpSession session, Model model) throws IOException {
        model.addAttribute("principal", principal);
        return previewOf(principal, UploadedCsvFiles.of(session).get(upload), type, source, mappingFrom(form), model);
    }

    @PostMapping("/imports/{upload}/confirm")
    String confirm(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable UUID upload,
                   @RequestParam String type, @RequestParam String source, @RequestParam Map<String, String> form,
                   HttpSession session, RedirectAttributes redirect) throws IOException {
        UploadedCsvFiles files = UploadedCsvFiles.of(session);
        UploadedCsvFiles.Upload file = files.get(upload);
        CsvImportRequest request = request(type, source, mappingFrom(form), false);
        CsvImportOutcome outcome = imports.importCsv(principal.tenantId(), request, () -> Files.newInputStream(file.path()));
        files.forget(upload);
        if (outcome instanceof CsvImportOutcome.Queued queued) {
            return "redirect:/imports/" + queued.job().id();
        }
        CsvImportResult result = ((CsvImportOutcome.Finished) outcome).result();
        redirect.addFlashAttribute("notice", String.format("Imported %s: %d created, %d updated, %d unchanged, %d merged, "
                        + "%d refused.", file.name(), result.summary().created(), result.summary().updated(),
                result.summary().unchanged(), result.summary().merged(), result.summary().rejected()));
        redirect.addFlashAttribute("errors", result.errors());
        return "redirect:/imports";
    }

    /** A background import's progress; the bar fetches this page's card again until the import is done. */
    @GetMapping("/imports/{id}")
    String job(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable UUID id, Model model) {
        model.addAttribute("principal", principal);
        model.addAttribute("job", jobs.get(principal.tenantId(), id));
        return "imports/job";
    }

    @GetMapping("/imports/{id}/card")
    String jobCard(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable UUID id, Model model) {
        model.addAttribute("job", jobs.get(principal.tenantId(), id));
        return "imports/job :: card";
    }

    private String previewOf(TenantPrincipal principal, UploadedCsvFiles.Upload upload, String type, String source,
                             Map<String, String> mapping, Model model) throws IOException {
        model.addAttribute("upload", upload);
        model.addAttribute("types", List.of(ImportType.values()));
        try {
            CsvImportRequest request = request(type, source, mapping, true);
            CsvImportOutcome outcome = imports.importCsv(principal.tenantId(), request,
                    () -> Files.newInputStream(upload.path()));
            CsvImportResult result = ((CsvImportOutcome.Finished) outcome).result();
            model.addAttribute("request", request);
            model.addAttribute("result", result);
            model.addAttribute("refused", result.errors().size() + (result.moreErrors() == null ? 0 : result.moreErrors()));
            model.addAttribute("fields", request.type().fields());
            model.addAttribute("previewJson", result.preview().stream().map(Json::write).toList());
            return "imports/preview";
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("recent", jobs.list(principal.tenantId(), 10, 0).items());
            return "imports/upload";
        }
    }

    private static CsvImportRequest request(String type, String source, Map<String, String> mapping, boolean dryRun) {
        return CsvImportRequest.fromParameters(type, source, mapping == null ? null : Json.write(mapping),
                Boolean.toString(dryRun));
    }

    /** The mapping selects of the preview: {@code map:<CSV header>} → a Mosaic field, or blank to ignore the column. */
    private static Map<String, String> mappingFrom(Map<String, String> form) {
        Map<String, String> mapping = new LinkedHashMap<>();
        form.forEach((name, field) -> {
            if (name.startsWith("map:") && field != null && !field.isBlank()) {
                mapping.put(name.substring("map:".length()), field);
            }
        });
        return mapping.isEmpty() ? null : mapping;
    }
}
