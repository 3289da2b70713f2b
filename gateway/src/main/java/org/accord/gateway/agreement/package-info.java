/**
 * Information-sharing agreements: the YAML format's model, loading and checking a catalogue of agreements
 * and organisations, and the default-deny decision whether one record may move from a sender to a recipient.
 */
package org.accord.gateway.agreement;
