package org.accord.gateway.agreement;

import java.time.Period;

import org.accord.gateway.redaction.RedactionPlan;

/**
 * The record may move under this agreement's flow, minimised by {@code plan} and delivered over {@code channel};
 * {@code collectWithin} is the flow's collection period for a mailbox or inbox message, null for the default;
 * {@code allowUrgent} whether the flow lets the envelope mark a record {@code urgent: true}.
 */
public record Permit(AgreementRef agreement, String flowId, RedactionPlan plan, Channel channel, Period collectWithin,
        boolean allowUrgent) implements Decision {

    public Permit(AgreementRef agreement, String flowId, RedactionPlan plan, Channel channel) {
        this(agreement, flowId, plan, channel, null, false);
    }

    public Permit(AgreementRef agreement, String flowId, RedactionPlan plan, Channel channel, Period collectWithin) {
        this(agreement, flowId, plan, channel, collectWithin, false);
    }
}
