/**
 * Record types and their versioned JSON Schemas: validating a record, and describing each field's
 * path, type and data category (special category or criminal-offence data) for agreements to refer to.
 */
package org.accord.gateway.record;
