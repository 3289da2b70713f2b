package org.accord.gateway.console;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.accord.gateway.emergency.EmergencyReview;
import org.accord.gateway.emergency.EmergencyReviews;
import org.accord.gateway.emergency.ReviewStatus;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The DPO's reviews of emergency disclosures (docs/emergency.md): the list with each review's status and due time,
 * and one disclosure with its justification, what was shared and the review form. The decision is logged
 * ({@code EMERGENCY_REVIEWED}) with the signed-in DPO as actor.
 */
@Controller
class EmergencyReviewsController {

    private static final int MAX_NOTE = 2000;

    private final EmergencyReviews reviews;
    private final ConsoleReads reads;
    private final Clock clock;

    EmergencyReviewsController(EmergencyReviews reviews, ConsoleReads reads, Clock clock) {
        this.reviews = reviews;
        this.reads = reads;
        this.clock = clock;
    }

    @GetMapping("/console/emergency")
    String list(Authentication reader, Model model) {
        reads.logged(reader, null, "console emergency disclosures");
        List<EmergencyReview> all = reviews.all();
        model.addAttribute("rows", all);
        model.addAttribute("now", clock.instant());
        model.addAttribute("overdue", all.stream().filter(r -> r.overdueAt(clock.instant())).count());
        return "console/emergency";
    }

    @GetMapping("/console/emergency/{id}")
    String one(Authentication reader, @PathVariable String id, @RequestParam(required = false) String error, Model model) {
        Optional<EmergencyReview> review = reviews.find(id);
        if (review.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        reads.logged(reader, id, "console emergency disclosure");
        model.addAttribute("r", review.get());
        model.addAttribute("overdue", review.get().overdueAt(clock.instant()));
        model.addAttribute("error", error);
        return "console/emergency-review";
    }

    @PostMapping("/console/emergency/{id}/review")
    String review(Authentication reader, @PathVariable String id, @RequestParam(required = false) String decision,
            @RequestParam(required = false) String note, @RequestParam(required = false) String reportableBreach) {
        ReviewStatus status;
        try {
            status = decision == null ? null : ReviewStatus.valueOf(decision);
        }
        catch (IllegalArgumentException e) {
            status = null;
        }
        String trimmed = note == null ? "" : note.strip();
        if (status == null || status == ReviewStatus.PENDING) {
            return "redirect:/console/emergency/" + id + "?error=decision";
        }
        if (status == ReviewStatus.NOT_JUSTIFIED && (trimmed.isEmpty() || reportableBreach == null)) {
            return "redirect:/console/emergency/" + id + "?error=not-justified";
        }
        if (trimmed.length() > MAX_NOTE) {
            return "redirect:/console/emergency/" + id + "?error=note";
        }
        Boolean breach = reportableBreach == null ? null : Boolean.valueOf("yes".equals(reportableBreach));
        if (!reviews.review(id, status, trimmed.isEmpty() ? null : trimmed, breach, reader.getName())) {
            return "redirect:/console/emergency/" + id + "?error=done";
        }
        return "redirect:/console/emergency/" + id;
    }
}
