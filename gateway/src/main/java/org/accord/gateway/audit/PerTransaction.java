package org.accord.gateway.audit;

import java.util.function.Consumer;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * State one transaction gathers for once it has committed (the log entries it appends, to report), kept under a
 * key naming that transaction's own session or connection: a transaction begun inside another has its own.
 */
final class PerTransaction {

    private PerTransaction() {
    }

    /** The state bound to the current transaction under {@code key}, or null. */
    @SuppressWarnings("unchecked")
    static <T> T find(Object key) {
        return TransactionSynchronizationManager.isSynchronizationActive() ? (T) TransactionSynchronizationManager.getResource(key) : null;
    }

    /**
     * Binds {@code state} to the current transaction under {@code key}: {@code afterCommit} gets it once the
     * transaction has committed, and it is dropped when the transaction ends either way.
     */
    static <T> T bind(Object key, T state, Consumer<T> afterCommit) {
        TransactionSynchronizationManager.bindResource(key, state);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                afterCommit.accept(state);
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(key);
            }
        });
        return state;
    }
}
