package dev.jvtpm.engine.testing;

import dev.jvtpm.engine.types.object.PublicArea;
import dev.jvtpm.engine.types.object.Ticket;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmReader;
import java.util.Arrays;

/**
 * Object commands on a {@link TpmHarness} that must succeed, with their responses parsed: what
 * engine tests need to set up keys before checking the behaviour they are about.
 */
public final class ObjectDriver {
    static final byte[] NONE = new byte[0];

    private final TpmHarness tpm;

    public ObjectDriver(TpmHarness tpm) {
        this.tpm = tpm;
    }

    public TpmHarness tpm() {
        return tpm;
    }

    /** A loaded primary: handle, public area, creation data/hash/ticket and Name. */
    public record Primary(int handle, PublicArea publicArea, byte[] creationData, byte[] creationHash, Ticket ticket, byte[] name) {}

    /** A created object: its private blob and public area, and the creation outputs. */
    public record Created(byte[] outPrivate, PublicArea publicArea, byte[] creationData, byte[] creationHash, Ticket ticket) {}

    public Primary createPrimary(int hierarchy, PublicArea template) {
        return createPrimary(hierarchy, template, NONE, NONE);
    }

    public Primary createPrimary(int hierarchy, PublicArea template, byte[] userAuth, byte[] data) {
        TpmHarness.Response r = tpm.ok(tpm.callRetrying(ObjectCommands.createPrimary(hierarchy, NONE, template, userAuth, data,
                NONE, ObjectCommands.noPcrs())));
        try {
            int handle = r.body().u32();
            TpmReader p = r.parameters(1);
            return new Primary(handle, PublicArea.readSized(p, false), p.tpm2b(2000), p.tpm2b(64), Ticket.readCreation(p),
                    p.tpm2b(68));
        } catch (TpmException e) {
            throw new AssertionError(e);
        }
    }

    public Created create(int parent, byte[] parentAuth, PublicArea template, byte[] userAuth, byte[] data) {
        TpmHarness.Response r = tpm.ok(tpm.callRetrying(ObjectCommands.create(parent, parentAuth, template, userAuth, data)));
        try {
            TpmReader p = r.parameters(0);
            return new Created(p.tpm2b(2000), PublicArea.readSized(p, false), p.tpm2b(2000), p.tpm2b(64), Ticket.readCreation(p));
        } catch (TpmException e) {
            throw new AssertionError(e);
        }
    }

    public int load(int parent, byte[] parentAuth, Created c) {
        return load(parent, parentAuth, c.outPrivate(), c.publicArea());
    }

    public int load(int parent, byte[] parentAuth, byte[] outPrivate, PublicArea pub) {
        TpmHarness.Response r = tpm.ok(tpm.callRetrying(ObjectCommands.load(parent, parentAuth, outPrivate,
                ObjectCommands.publicSized(pub))));
        try {
            return r.body().u32();
        } catch (TpmException e) {
            throw new AssertionError(e);
        }
    }

    /** ReadPublic: public area, Name, qualified name. */
    public record Public(PublicArea publicArea, byte[] name, byte[] qualifiedName) {}

    public Public readPublic(int handle) {
        TpmHarness.Response r = tpm.ok(tpm.call(ObjectCommands.readPublic(handle)));
        try {
            TpmReader p = r.body();
            return new Public(PublicArea.readSized(p, false), p.tpm2b(68), p.tpm2b(68));
        } catch (TpmException e) {
            throw new AssertionError(e);
        }
    }

    /** ContextSave: the TPMS_CONTEXT bytes. */
    public byte[] contextSave(int handle) {
        TpmHarness.Response r = tpm.ok(tpm.call(ObjectCommands.contextSave(handle)));
        return Arrays.copyOfRange(r.raw(), 10, r.raw().length);
    }

    public void flush(int handle) {
        tpm.ok(tpm.call(Commands.flushContext(handle)));
    }

    /** The first TPM2B of a successful response's parameters. */
    public static byte[] firstTpm2b(TpmHarness.Response r, int handles) {
        try {
            return r.parameters(handles).tpm2b(4096);
        } catch (TpmException e) {
            throw new AssertionError(e);
        }
    }
}
