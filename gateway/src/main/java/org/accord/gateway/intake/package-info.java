/**
 * The submit API for university systems: HTTP concerns only (content type, size limit, JSON parsing,
 * the submission envelope, scope per record type, idempotency) before handing the submission to the
 * outbound flow.
 */
package org.accord.gateway.intake;
