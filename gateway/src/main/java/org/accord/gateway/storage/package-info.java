/**
 * Storage shared by the stages: rows a transaction inserts gathered and written together just before it commits, in
 * one round trip to the database where the database allows it.
 */
package org.accord.gateway.storage;
