package org.accord.gateway.console;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.accord.gateway.audit.SubjectReferences;
import org.accord.gateway.audit.TransferLogEntry;
import org.accord.gateway.audit.TransferLogSearch;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Subject access searches: the DPO enters a person's identifiers, the console turns them into subject
 * references and lists every transfer and refusal about that person. The identifiers travel in a POST body,
 * are never stored or logged, and only the count of identifiers and of results enters the transfer log.
 */
@Controller
class SubjectSearchController {

    private final SubjectReferences subjects;
    private final TransferLogSearch search;
    private final ConsoleReads reads;
    private final SubjectAccessReport report;

    SubjectSearchController(SubjectReferences subjects, TransferLogSearch search, ConsoleReads reads, SubjectAccessReport report) {
        this.subjects = subjects;
        this.search = search;
        this.reads = reads;
        this.report = report;
    }

    @GetMapping("/console/subjects")
    String form(Model model) {
        model.addAttribute("form", new SubjectForm(null, null, null, null, null));
        model.addAttribute("errors", Map.of());
        return "console/subjects";
    }

    @PostMapping("/console/subjects")
    String search(SubjectForm form, Authentication reader, Model model) {
        Map<String, String> errors = form.errors();
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        if (!errors.isEmpty()) {
            return "console/subjects";
        }
        List<String> refs = subjects.referencesOf(form.studentId(), form.familyName(), form.dateOfBirth());
        List<String> ids = subjects.transfersWith(refs);
        List<TransferLogEntry> openings = search.openingsOf(ids);
        reads.logged(reader, null, "subject search with " + refs.size() + " identifier(s): " + openings.size() + " found");
        model.addAttribute("rows", TransferRow.of(openings, search.latestSteps(ids)));
        model.addAttribute("searched", true);
        return "console/subjects";
    }

    /**
     * The subject access report as CSV: the identifiers come again in the POST body (hidden fields of the results
     * page), never in the address, and only counts enter the log.
     */
    @PostMapping(value = "/console/subjects/report.csv", produces = "text/csv")
    ResponseEntity<String> reportCsv(SubjectForm form, Authentication reader) {
        List<SubjectAccessReport.Row> rows = reportRows(form, reader, "csv");
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv; charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"subject-access-report.csv\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(SubjectAccessReport.csv(rows));
    }

    /** The subject access report as a page to print. */
    @PostMapping("/console/subjects/report")
    String reportPage(SubjectForm form, Authentication reader, Model model) {
        model.addAttribute("rows", reportRows(form, reader, "page"));
        model.addAttribute("columns", SubjectAccessReport.COLUMNS);
        model.addAttribute("generatedAt", TransferRow.WHEN.format(java.time.Instant.now()));
        return "console/subject-report";
    }

    private List<SubjectAccessReport.Row> reportRows(SubjectForm form, Authentication reader, String kind) {
        if (!form.errors().isEmpty()) {
            throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.BAD_REQUEST);
        }
        List<String> refs = subjects.referencesOf(form.studentId(), form.familyName(), form.dateOfBirth());
        List<SubjectAccessReport.Row> rows = report.rows(subjects.transfersWith(refs));
        reads.logged(reader, null, "subject access report (" + kind + ") with " + refs.size() + " identifier(s): " + rows.size()
                + " found");
        return rows;
    }

    /** A subject access request's identifiers: a student id, and/or a family name with the date of birth. */
    record SubjectForm(String studentId, String familyName, String dobDay, String dobMonth, String dobYear) {

        Map<String, String> errors() {
            Map<String, String> errors = new LinkedHashMap<>();
            boolean anyDate = notBlank(dobDay) || notBlank(dobMonth) || notBlank(dobYear);
            if (anyDate && dateOfBirth() == null) {
                errors.put("dob", "Date of birth must be a real date, for example 14 3 2006");
            }
            if (notBlank(familyName) != (dateOfBirth() != null) && !errors.containsKey("dob")) {
                errors.put(notBlank(familyName) ? "dob" : "familyName", "Enter both the family name and the date of birth, or neither");
            }
            if (!notBlank(studentId) && !notBlank(familyName) && !anyDate) {
                errors.put("studentId", "Enter a student ID, or a family name and date of birth");
            }
            return errors;
        }

        String dateOfBirth() {
            try {
                return LocalDate.of(Integer.parseInt(dobYear.strip()), Integer.parseInt(dobMonth.strip()), Integer.parseInt(dobDay.strip()))
                        .toString();
            }
            catch (NumberFormatException | NullPointerException | DateTimeException e) {
                return null;
            }
        }

        @Override
        public String toString() {
            return "SubjectForm[identifiers withheld]";
        }

        private static boolean notBlank(String value) {
            return value != null && !value.isBlank();
        }
    }
}
