package org.viche.transaction;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * For what an instance remembers from the database (tokens, surveys): a change must drop the
 * memory when it commits, not only when it is made — a read in between still sees the old row
 * and would remember it again.
 */
public final class AfterTransaction {

    private AfterTransaction() {
    }

    /** Runs {@code forget} now and, if a transaction is active, again when it ends (committed or not). */
    public static void nowAndAtTheEnd(TransactionSynchronizationRegistry transactions, Runnable forget) {
        forget.run();
        if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    forget.run();
                }
            });
        }
    }
}
