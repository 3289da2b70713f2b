/**
 * Who is calling: OAuth2 resource-server protection of the API, the embedded authorization server with
 * its demo clients, and the mapping from an OAuth2 client to the organisation it acts for (default deny).
 */
package org.accord.gateway.security;
