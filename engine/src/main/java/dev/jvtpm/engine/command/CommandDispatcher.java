package dev.jvtpm.engine.command;

import dev.jvtpm.engine.auth.DictionaryAttack;
import dev.jvtpm.engine.auth.Entity;
import dev.jvtpm.engine.auth.EntityResolver;
import dev.jvtpm.engine.auth.SessionProcessor;
import dev.jvtpm.engine.core.FailureCode;
import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.crypto.SelfTestFailure;
import dev.jvtpm.engine.state.BlobKind;
import dev.jvtpm.engine.state.StateBlobCodec;
import dev.jvtpm.engine.state.StateException;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.TpmSt;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * ExecuteCommand (Part 3 §5): header, command lookup, startup state, handle area, entity status,
 * authorization area, parameters, execution, response. Every failure becomes the 10-byte error
 * response a reference TPM gives; nothing escapes as an exception.
 *
 * <p>Before it answers, the dispatcher writes the permanent blob if the command changed
 * persistent data, so no acknowledged change is lost to a crash.
 */
public final class CommandDispatcher {
    private static final Logger LOG = Logger.getLogger(CommandDispatcher.class.getName());
    private static final int HEADER_SIZE = 10;

    private final CommandTable table;

    public CommandDispatcher(CommandTable table) {
        this.table = table;
    }

    public CommandTable table() {
        return table;
    }

    public byte[] execute(TpmCore core, byte[] command) {
        if (core.failureMode) {
            return FailureMode.respond(core, command);
        }
        byte[] response;
        try {
            response = run(core, command);
        } catch (TpmException e) {
            response = errorResponse(e.rc());
        } catch (SelfTestFailure e) {
            LOG.log(Level.SEVERE, "algorithm self-test failed; entering failure mode", e);
            core.enterFailureMode(FailureCode.SELF_TEST, "SelfTest", e.getMessage());
            response = errorResponse(TpmRc.FAILURE);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "internal error executing command; entering failure mode", e);
            core.enterFailureMode("internal error: " + e);
            response = errorResponse(TpmRc.FAILURE);
        } finally {
            core.objects.returnBorrowed();
        }
        if (core.takePersistentDirty()) {
            try {
                core.config.stateStore().write(BlobKind.PERMANENT,
                        StateBlobCodec.encode(BlobKind.PERMANENT, core.permanentSections()));
            } catch (StateException | RuntimeException e) {
                LOG.log(Level.SEVERE, "could not write permanent state; entering failure mode", e);
                core.enterFailureMode("NV write failed: " + e.getMessage());
                response = errorResponse(TpmRc.FAILURE);
            }
        }
        return response;
    }

    /** The 10-byte response for an error: tag TPM_ST_NO_SESSIONS, size 10, the code. */
    public static byte[] errorResponse(int rc) {
        return new TpmWriter(HEADER_SIZE).u16(TpmSt.NO_SESSIONS).u32(HEADER_SIZE).u32(rc).toByteArray();
    }

    private byte[] run(TpmCore core, byte[] bytes) throws TpmException {
        core.clock.update(core.go);
        if (core.started) {
            // TimeUpdate's DASelfHeal runs with every Time update of a started TPM.
            DictionaryAttack.selfHeal(core);
        }
        // Any command ends an open _TPM_Hash_Start sequence (ObjectTerminateEvent).
        core.objects.endDrtm();

        TpmReader r = new TpmReader(bytes);
        int tag = r.u16();
        if (tag != TpmSt.NO_SESSIONS && tag != TpmSt.SESSIONS) {
            // TPMI_ST_COMMAND_TAG unmarshals a TPM_ST first: a value that is no structure tag at
            // all (such as TPM 1.2's 0x00C1) is TPM_RC_VALUE, as swtpm/libtpms answer it; only a
            // real TPM_ST that is not a command tag is TPM_RC_BAD_TAG.
            throw new TpmException(TpmSt.isStructureTag(tag) ? TpmRc.BAD_TAG : TpmRc.VALUE);
        }
        int size = r.u32();
        if (size != bytes.length || size > core.bufferSize) {
            throw new TpmException(TpmRc.COMMAND_SIZE);
        }
        int code = r.u32();
        Command<?, ?> command = table.get(code);
        if (command == null) {
            throw new TpmException(TpmRc.COMMAND_CODE);
        }
        if (core.started == (code == TpmCc.STARTUP)) {
            throw new TpmException(TpmRc.INITIALIZE);
        }
        return dispatch(core, command, tag, r);
    }

    private <I, O> byte[] dispatch(TpmCore core, Command<I, O> command, int tag, TpmReader r) throws TpmException {
        CommandDescriptor d = command.descriptor();
        int n = d.handles().size();
        int[] handles = new int[n];
        for (int i = 0; i < n; i++) {
            HandleSpec spec = d.handles().get(i);
            int h;
            try {
                h = r.u32();
            } catch (TpmException e) {
                throw e.atHandle(i + 1);
            }
            if (!spec.type().accepts(h)) {
                throw TpmException.handle(i + 1, TpmRc.VALUE);
            }
            handles[i] = h;
        }
        Entity[] entities = new Entity[n];
        for (int i = 0; i < n; i++) {
            entities[i] = EntityResolver.resolve(core, d.code(), handles, i);
        }
        SessionProcessor sessions;
        if (tag == TpmSt.SESSIONS) {
            int authSize = r.u32();
            if (authSize < 9 || authSize > r.remaining()) {
                throw new TpmException(TpmRc.SIZE);
            }
            TpmReader area = r.slice(authSize);
            sessions = SessionProcessor.parse(core, d, area);
        } else {
            sessions = SessionProcessor.none(core, d);
        }
        // Authorization, command audit preparation and decryption of the first parameter; cpHash
        // covers the parameters as sent.
        byte[] parameters = sessions.authorize(entities, r.rest());

        TpmReader params = new TpmReader(parameters);
        I in = command.decode(handles, params);
        if (params.hasRemaining()) {
            throw new TpmException(TpmRc.SIZE);
        }
        CommandContext ctx = new CommandContext(core, d, entities, sessions);
        O out = command.execute(ctx, in);

        TpmWriter w = new TpmWriter(256);
        w.u16(tag).u32(0).u32(TpmRc.SUCCESS);
        if (d.responseHandle()) {
            w.u32(command.responseHandle(out));
        }
        if (tag == TpmSt.SESSIONS) {
            int mark = w.beginSized32();
            command.encode(out, w);
            w.endSized32(mark);
            sessions.respond(w, mark + 4, true);
        } else {
            int start = w.size();
            command.encode(out, w);
            sessions.respond(w, start, false);
        }
        w.patchU32(2, w.size());
        return w.toByteArray();
    }
}
