package org.accord.gateway.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.accord.gateway.crypto.CmsSealer;
import org.accord.gateway.crypto.DemoPki;
import org.accord.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Opening messages addressed to this gateway: a partner's message is opened once and a replay of the same
 * transfer id is refused as {@code DUPLICATE}, even when re-sealed; the seen ids are in the database.
 */
class InboundOpenerIntegrationTests extends GatewayIntegrationTest {

    private static final String EASTMOOR = "uni-eastmoor";

    @Autowired
    private InboundOpener opener;


    @Test
    void whenAPartnersMessageIsOpenedTwiceThenTheSecondIsRefusedAsDuplicate() {
        String transferId = UUID.randomUUID().toString();
        byte[] first = sealFromEastmoor(transferId);
        byte[] resealed = sealFromEastmoor(transferId);

        InboundOpening opened = opener.open(first);
        InboundOpening replayed = opener.open(first);
        InboundOpening replayedResealed = opener.open(resealed);

        assertThat(opened).isInstanceOfSatisfying(InboundOpening.Opened.class, o -> {
            assertThat(o.sender()).isEqualTo(EASTMOOR);
            assertThat(o.message().transferId()).isEqualTo(transferId);
            assertThat(new String(o.message().content())).isEqualTo("{\"outcome\":\"demo\"}");
        });
        assertThat(replayed).isEqualTo(new InboundOpening.Refused("DUPLICATE"));
        assertThat(replayedResealed).isEqualTo(new InboundOpening.Refused("DUPLICATE"));
    }

    @Test
    void whenTheSignerIsNotIssuedByATrustAnchorThenTheMessageIsRefusedAndItsIdIsNotConsumed(@TempDir Path elsewhere) {
        String transferId = UUID.randomUUID().toString();
        DemoPki stranger = DemoPki.ensure(elsewhere, List.of(EASTMOOR));
        byte[] forged = new CmsSealer(stranger.partnerKey(EASTMOOR), List.of(stranger.partnerCertificate(EASTMOOR)))
                .seal("{}".getBytes(), transferId, gatewayPki().gatewayCertificate()).der();

        assertThat(opener.open(forged)).isEqualTo(new InboundOpening.Refused("SIGNER_UNTRUSTED"));
        assertThat(opener.open(sealFromEastmoor(transferId))).isInstanceOf(InboundOpening.Opened.class);
    }

    private static byte[] sealFromEastmoor(String transferId) {
        DemoPki pki = gatewayPki();
        return new CmsSealer(pki.partnerKey(EASTMOOR), List.of(pki.partnerCertificate(EASTMOOR)))
                .seal("{\"outcome\":\"demo\"}".getBytes(), transferId, pki.gatewayCertificate()).der();
    }

    private static DemoPki gatewayPki() {
        return DemoPki.ensure(DATA_DIR.resolve("pki"), List.of(EASTMOOR));
    }
}
