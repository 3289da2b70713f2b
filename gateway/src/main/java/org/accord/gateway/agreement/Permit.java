package org.accord.gateway.agreement;

import org.accord.gateway.redaction.RedactionPlan;

/**
 * The record may move under this agreement's flow, minimised by {@code plan} and delivered over {@code channel}.
 */
public record Permit(AgreementRef agreement, String flowId, RedactionPlan plan, Channel channel) implements Decision {
}
