package org.accord.gateway.inbound;

import static org.accord.gateway.inbound.InboundMessages.POLICE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import jakarta.jms.BytesMessage;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import org.accord.gateway.crypto.DemoPki;
import org.accord.gateway.crypto.Fingerprints;
import org.accord.gateway.crypto.ReceiptVerifier;
import org.accord.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Partners put sealed messages on the inbound queue of the gateway's broker, asking for an answer on a reply queue:
 * a valid outcome is accepted and answered with the signed receipt; a repeat is dropped and answered with the same
 * receipt; a tampered message, one from a signer the directory does not know and one no agreement covers are
 * refused with their codes; and a message that cannot be processed ends in the dead-letter queue after its attempts. Each outcome is in the
 * transfer log with its code.
 */
class InboundQueueIntegrationTests extends GatewayIntegrationTest {

    private static final String QUEUE = "accord.inbound";
    private static final String DEAD_LETTER = "accord.inbound.dead-letter";

    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    private ConnectionFactory connectionFactory;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void whenThePoliceQueueAValidOutcomeThenItIsAcceptedLoggedAndTheReceiptComesBackOnTheReplyQueue() throws Exception {
        DemoPki pki = InboundMessages.pki(DATA_DIR);
        ObjectNode outcome = InboundMessages.outcome(POLICE);
        byte[] sealed = InboundMessages.seal(outcome, PartnerCredentials.demo(pki, POLICE), pki);

        Message reply = sendAndReceive(sealed);

        assertThat(reply.getStringProperty("AccordInboundStatus")).isEqualTo("ACCEPTED");
        String partnerTransferId = outcome.get("transferId").asString();
        assertThat(reply.getStringProperty("AccordTransferId")).isEqualTo(partnerTransferId);
        byte[] receipt = body(reply);
        new ReceiptVerifier(Clock.systemUTC()).verify(receipt, partnerTransferId, Fingerprints.sha256Hex(sealed),
                List.of(pki.caCertificate()), List.of(pki.gatewayCertificate()));
        String transferId = reply.getStringProperty("AccordGatewayTransferId");
        assertThat(events(transferId)).containsEntry("RECEIVED", "jms:" + QUEUE).containsKey("SEALED").containsKey("RECEIPT_ISSUED");
    }

    @Test
    void whenTheSameMessageIsQueuedTwiceThenTheRepeatIsDroppedLoggedAndAnsweredWithTheOriginalReceipt() throws Exception {
        DemoPki pki = InboundMessages.pki(DATA_DIR);
        byte[] sealed = InboundMessages.seal(InboundMessages.outcome(POLICE), PartnerCredentials.demo(pki, POLICE), pki);

        Message first = sendAndReceive(sealed);
        Message repeat = sendAndReceive(sealed);

        assertThat(repeat.getStringProperty("AccordInboundStatus")).isEqualTo("ALREADY_RECEIVED");
        assertThat(body(repeat)).isEqualTo(body(first));
        String transferId = first.getStringProperty("AccordGatewayTransferId");
        assertThat(repeat.getStringProperty("AccordGatewayTransferId")).isEqualTo(transferId);
        assertThat(jdbc.queryForObject("select count(*) from transfer_log where transfer_id = ? and event = 'REPEAT_DROPPED' "
                + "and code = 'ALREADY_RECEIVED'", Integer.class, transferId)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from transfer_log where transfer_id = ? and event = 'RECEIVED'",
                Integer.class, transferId)).isEqualTo(1);
    }

    @Test
    void whenTheQueuedMessageIsTamperedWithThenItIsRefusedWithItsCodeAndLogged() throws Exception {
        DemoPki pki = InboundMessages.pki(DATA_DIR);
        byte[] sealed = InboundMessages.seal(InboundMessages.outcome(POLICE), PartnerCredentials.demo(pki, POLICE), pki);
        sealed[sealed.length / 2] ^= 0x01;

        Message reply = sendAndReceive(sealed);

        assertRefusedAndLogged(reply);
    }

    @Test
    void whenTheSignerIsNotAPartnerTheDirectoryKnowsThenItIsRefusedAsSignerNotPartner() throws Exception {
        DemoPki pki = InboundMessages.pki(DATA_DIR);
        PartnerCredentials unknown = PartnerCredentials.issuedByDemoCa(DATA_DIR.resolve("pki"), "unknown-agency",
                java.time.Instant.now().minusSeconds(3600), java.time.Instant.now().plusSeconds(86_400));

        Message reply = sendAndReceive(InboundMessages.seal(InboundMessages.outcome(POLICE), unknown, pki));

        assertThat(reply.getStringProperty("AccordRefusalCode")).isEqualTo("SIGNER_NOT_PARTNER");
        assertRefusedAndLogged(reply);
    }

    @Test
    void whenTheSignerIsOutsideTheTrustAnchorsThenItIsRefusedAsSignerUntrusted(@TempDir Path elsewhere) throws Exception {
        DemoPki pki = InboundMessages.pki(DATA_DIR);
        DemoPki stranger = DemoPki.ensure(elsewhere, List.of(POLICE));

        Message reply = sendAndReceive(InboundMessages.seal(InboundMessages.outcome(POLICE), PartnerCredentials.demo(stranger, POLICE), pki));

        assertThat(reply.getStringProperty("AccordRefusalCode")).isEqualTo("SIGNER_UNTRUSTED");
        assertRefusedAndLogged(reply);
    }

    @Test
    void whenNoAgreementCoversTheQueuedRecordThenItIsRefusedByAgreementWithItsCodeAndLogged() throws Exception {
        DemoPki pki = InboundMessages.pki(DATA_DIR);
        ObjectNode referral = InboundMessages.message(POLICE, "prevent-referral", "prevent-referral-assessment");

        Message reply = sendAndReceive(InboundMessages.seal(referral, PartnerCredentials.demo(pki, POLICE), pki));

        assertThat(reply.getStringProperty("AccordInboundStatus")).isEqualTo("REFUSED");
        String code = reply.getStringProperty("AccordRefusalCode");
        assertThat(code).isNotBlank();
        assertThat(body(reply)).isEmpty();
        Map<String, Object> entry = jdbc.queryForMap("select event, code, actor from transfer_log where transfer_id = ?",
                reply.getStringProperty("AccordRefusalId"));
        assertThat(entry).containsEntry("event", "REFUSED").containsEntry("code", code).containsEntry("actor", "jms:" + QUEUE);
    }

    @Test
    void whenAQueuedMessageCannotBeProcessedThenItEndsInTheDeadLetterQueueAndIsLogged() throws Exception {
        JmsTemplate jms = template();
        jms.send(QUEUE, session -> {
            MapMessage message = session.createMapMessage();
            message.setString("marker", "not a sealed message");
            return message;
        });
        Message dead = jms.receive(DEAD_LETTER);

        assertThat(dead).isInstanceOf(MapMessage.class);
        assertThat(((MapMessage) dead).getString("marker")).isEqualTo("not a sealed message");
        assertThat(jdbc.queryForObject("select count(*) from transfer_log where event = 'REFUSED' and code = 'UNPROCESSABLE' "
                + "and actor = 'jms:accord.inbound' and detail like ?", Integer.class, "%" + dead.getJMSMessageID() + "%")).isEqualTo(1);
    }

    private void assertRefusedAndLogged(Message reply) throws JMSException {
        assertThat(reply.getStringProperty("AccordInboundStatus")).isEqualTo("REJECTED");
        String code = reply.getStringProperty("AccordRefusalCode");
        assertThat(code).isNotBlank();
        assertThat(body(reply)).isEmpty();
        Map<String, Object> entry = jdbc.queryForMap("select event, code, actor from transfer_log where transfer_id = ?",
                reply.getStringProperty("AccordRefusalId"));
        assertThat(entry).containsEntry("event", "REFUSED").containsEntry("code", code).containsEntry("actor", "jms:" + QUEUE);
    }

    private Message sendAndReceive(byte[] sealed) {
        Message reply = template().sendAndReceive(QUEUE, session -> {
            BytesMessage message = session.createBytesMessage();
            message.writeBytes(sealed);
            return message;
        });
        assertThat(reply).as("reply from the inbound queue").isNotNull();
        return reply;
    }

    private JmsTemplate template() {
        JmsTemplate jms = new JmsTemplate(connectionFactory);
        jms.setReceiveTimeout(30_000);
        return jms;
    }

    private static byte[] body(Message message) throws JMSException {
        BytesMessage bytes = (BytesMessage) message;
        byte[] body = new byte[(int) bytes.getBodyLength()];
        bytes.readBytes(body);
        return body;
    }

    private Map<String, String> events(String transferId) {
        Map<String, String> events = new java.util.HashMap<>();
        jdbc.queryForList("select event, actor from transfer_log where transfer_id = ?", transferId)
                .forEach(row -> events.put((String) row.get("event"), (String) row.get("actor")));
        return events;
    }
}
