/**
 * Jobs that run on one gateway at a time when several gateways share one database: the lock behind
 * {@code @SchedulerLock} (ShedLock, one row per job in the {@code shedlock} table, timed by the database's clock).
 * The jobs stay in their own modules and name their lock there; a job without the annotation runs on every gateway.
 */
package org.accord.gateway.cluster;
