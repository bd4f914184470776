package dev.jvtpm.daemon.ctrl;

import dev.jvtpm.daemon.testing.DaemonProcess;
import dev.jvtpm.daemon.testing.Wire;
import java.io.IOException;

/** The control protocol over a Unix socket ({@code --ctrl type=unixio,path=}), as QEMU and libvirt use it. */
class UnixCtrlProtocolTest extends CtrlProtocolContract {
    @Override
    String ctrlOption() {
        return "type=unixio,path=" + dir.resolve("ctrl");
    }

    @Override
    Wire ctrl() throws IOException {
        return Wire.unix(dir.resolve("ctrl"));
    }

    @Override
    void awaitCtrl(DaemonProcess d) throws Exception {
        d.awaitPath(dir.resolve("ctrl"));
    }
}
