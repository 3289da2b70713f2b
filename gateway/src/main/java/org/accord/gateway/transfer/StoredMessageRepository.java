package org.accord.gateway.transfer;

import java.util.Optional;

import org.springframework.data.repository.Repository;

/** Sealed message bytes by transfer id. */
public interface StoredMessageRepository extends Repository<StoredMessage, String> {

    StoredMessage save(StoredMessage message);

    Optional<StoredMessage> findById(String transferId);

    boolean existsById(String transferId);
}
