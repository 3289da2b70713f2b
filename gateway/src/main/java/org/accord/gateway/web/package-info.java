/**
 * HTTP error handling shared by every API: RFC 9457 problem details with a stable {@code code}
 * that callers can branch on, and nothing about the request's content in the response.
 */
package org.accord.gateway.web;
