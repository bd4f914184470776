package dev.jvtpm.engine.types.object;

import static dev.jvtpm.engine.types.object.WireCodes.hex;
import static dev.jvtpm.engine.types.object.WireCodes.rcOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.types.TpmSt;
import dev.jvtpm.engine.wire.TpmRc;
import org.junit.jupiter.api.Test;

/** Part 2 §10.7 tickets: TPM_ST check (VALUE), own tag (TAG), TPMI_RH_HIERARCHY+ (VALUE). */
class TicketTest {
    @Test
    void eachTicketAcceptsItsOwnTags() throws Exception {
        assertThat(Ticket.readCreation(hex("8021 40000001 0000")).tag()).isEqualTo(TpmSt.CREATION);
        assertThat(Ticket.readVerified(hex("8022 4000000b 0002 abcd")).digest()).hasSize(2);
        assertThat(Ticket.readAuth(hex("8025 4000000c 0000")).tag()).isEqualTo(TpmSt.AUTH_SIGNED);
        assertThat(Ticket.readAuth(hex("8023 4000000c 0000")).tag()).isEqualTo(TpmSt.AUTH_SECRET);
        assertThat(Ticket.readHashcheck(hex("8024 40000007 0000")).hierarchy()).isEqualTo(TpmHandles.RH_NULL);
    }

    @Test
    void wrongTagsAndHierarchies() {
        int p4 = 4;
        assertThat(rcOf(Ticket::readCreation, p4, "8022 40000001 0000")).isEqualTo(TpmRc.atParameter(TpmRc.TAG, p4));
        assertThat(rcOf(Ticket::readHashcheck, p4, "801c 40000001 0000")).isEqualTo(TpmRc.atParameter(TpmRc.VALUE, p4));
        assertThat(rcOf(Ticket::readHashcheck, p4, "1234 40000001 0000")).isEqualTo(TpmRc.atParameter(TpmRc.VALUE, p4));
        assertThat(rcOf(Ticket::readVerified, p4, "8022 40000002 0000")).isEqualTo(TpmRc.atParameter(TpmRc.VALUE, p4));
        assertThat(rcOf(Ticket::readVerified, p4, "8022 40000001 0041" + "00".repeat(65))).isEqualTo(TpmRc.atParameter(TpmRc.SIZE, p4));
    }
}
