/**
 * A small OpenID Connect provider for Accord's local production topology: it issues client-credentials tokens
 * with Accord's scopes to the clients its configuration lists, signs the console's users in with their roles in
 * the ID token, and serves discovery and JWKS. It stands in for the institution's own identity provider.
 */
package org.accord.identity;
