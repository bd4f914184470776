package dev.jvtpm.daemon.ctrl;

import dev.jvtpm.daemon.testing.DaemonProcess;
import dev.jvtpm.daemon.testing.Ports;
import dev.jvtpm.daemon.testing.Wire;
import java.io.IOException;

/** The control protocol over TCP ({@code --ctrl type=tcp,port=}), as tcti-swtpm uses it. */
class TcpCtrlProtocolTest extends CtrlProtocolContract {
    private int port;

    @Override
    String ctrlOption() throws IOException {
        port = Ports.free();
        return "type=tcp,port=" + port;
    }

    @Override
    Wire ctrl() throws IOException {
        return Wire.tcp(port);
    }

    @Override
    void awaitCtrl(DaemonProcess d) throws Exception {
        d.awaitTcp(port);
    }
}
