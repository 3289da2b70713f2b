package org.accord.gateway.notify;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** The notification outbox. */
interface UnitNotificationRepository extends Repository<UnitNotification, String> {

    UnitNotification save(UnitNotification notification);

    Optional<UnitNotification> findById(String id);

    @Query("select n.id from UnitNotification n where n.status = org.accord.gateway.notify.UnitNotification.Status.PENDING"
            + " and n.nextAttemptAt <= :now order by n.nextAttemptAt")
    List<String> findDue(Instant now, Pageable page);
}
