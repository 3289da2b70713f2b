package org.accord.gateway.emergency;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** The reviews of emergency disclosures. */
interface EmergencyReviewRepository extends Repository<EmergencyReview, String> {

    EmergencyReview save(EmergencyReview review);

    Optional<EmergencyReview> findById(String transferId);

    @Query("select r from EmergencyReview r order by r.createdAt desc")
    List<EmergencyReview> findAllNewestFirst();

    @Query("select count(r) from EmergencyReview r where r.status = org.accord.gateway.emergency.ReviewStatus.PENDING and r.dueAt < :now")
    long countOverdue(Instant now);
}
