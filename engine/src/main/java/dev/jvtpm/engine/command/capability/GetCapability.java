package dev.jvtpm.engine.command.capability;

import dev.jvtpm.engine.Tpm;
import dev.jvtpm.engine.auth.PermanentEntity;
import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.core.HierarchyPolicy;
import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.pcr.PcrAttributes;
import dev.jvtpm.engine.pcr.PcrBanks;
import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.TpmCap;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.types.TpmPt;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;
import java.util.function.IntPredicate;

/**
 * TPM2_GetCapability (Part 3 §30.2). Each category honours {@code property} as the first value
 * and {@code propertyCount} as the most to return, sets moreData when values remain, and caps
 * counts at what fits MAX_CAP_BUFFER (1024). TPM_RC_VALUE (parameter 1) for an unknown
 * capability, (parameter 2) for TPM_CAP_PCRS with a non-zero property or TPM_CAP_AUTH_POLICIES
 * outside the permanent range; TPM_RC_HANDLE (parameter 2) for TPM_CAP_HANDLES of a handle type
 * without a list.
 */
public final class GetCapability extends Command<GetCapability.In, byte[]> {
    /** MAX_CAP_DATA = MAX_CAP_BUFFER - sizeof(TPM_CAP) - sizeof(UINT32), and the per-type caps derived from it. */
    private static final int MAX_CAP_DATA = TpmProperties.MAX_CAP_BUFFER - 8;
    static final int MAX_CAP_ALGS = MAX_CAP_DATA / 8;
    static final int MAX_CAP_HANDLES = MAX_CAP_DATA / 4;
    static final int MAX_CAP_CC = MAX_CAP_DATA / 4;
    static final int MAX_TPM_PROPERTIES = MAX_CAP_DATA / 8;
    static final int MAX_PCR_PROPERTIES = MAX_CAP_DATA / 8;
    static final int MAX_TAGGED_POLICIES = MAX_CAP_DATA / 72;
    static final int MAX_ECC_CURVES = MAX_CAP_DATA / 2;
    private static final int PT_GROUP = 0x100;
    private static final int RH_ACT_0 = 0x40000110;
    private static final int RH_ACT_F = 0x4000011F;

    public record In(int capability, int property, int propertyCount) {}

    public GetCapability() {
        super(CommandDescriptor.builder(TpmCc.GET_CAPABILITY).build());
    }

    @Override
    public In decode(int[] handles, TpmReader r) throws TpmException {
        int cap = r.param(1).u32();
        if (Integer.compareUnsigned(cap, TpmCap.LAST) > 0 && cap != TpmCap.VENDOR_PROPERTY) {
            throw r.fail(TpmRc.VALUE);
        }
        int property = r.param(2).u32();
        int count = r.param(3).u32();
        return new In(cap, property, count);
    }

    @Override
    public byte[] execute(CommandContext ctx, In in) throws TpmException {
        TpmCore core = ctx.core();
        TpmWriter w = new TpmWriter(TpmProperties.MAX_CAP_BUFFER + 16);
        w.u8(0); // moreData, patched below
        w.u32(in.capability());
        long count = Integer.toUnsignedLong(in.propertyCount());
        boolean more;
        switch (in.capability()) {
            case TpmCap.ALGS:
                more = algorithms(w, in.property() & 0xFFFF, cap(count, MAX_CAP_ALGS));
                break;
            case TpmCap.HANDLES:
                more = handles(core, w, in.property(), cap(count, MAX_CAP_HANDLES));
                break;
            case TpmCap.COMMANDS:
                more = commands(w, in.property(), cap(count, MAX_CAP_CC), d -> true, true);
                break;
            case TpmCap.PP_COMMANDS:
                more = commands(w, in.property(), cap(count, MAX_CAP_CC),
                        d -> d.physicalPresence() && core.gp.ppCommands.contains(d.code()), false);
                break;
            case TpmCap.AUDIT_COMMANDS:
                more = commands(w, in.property(), cap(count, MAX_CAP_CC),
                        d -> core.gp.auditCommands.contains(d.code()), false);
                break;
            case TpmCap.PCRS:
                if (in.property() != 0) {
                    throw TpmException.parameter(2, TpmRc.VALUE);
                }
                more = pcrs(core, w, count);
                break;
            case TpmCap.TPM_PROPERTIES:
                more = properties(core, w, in.property(), cap(count, MAX_TPM_PROPERTIES));
                break;
            case TpmCap.PCR_PROPERTIES:
                more = pcrProperties(w, in.property(), cap(count, MAX_PCR_PROPERTIES));
                break;
            case TpmCap.AUTH_POLICIES:
                if (TpmHandles.type(in.property()) != TpmHandles.HT_PERMANENT) {
                    throw TpmException.parameter(2, TpmRc.VALUE);
                }
                more = authPolicies(core, w, in.property(), cap(count, MAX_TAGGED_POLICIES));
                break;
            case TpmCap.ACT:
                if (Integer.compareUnsigned(in.property(), RH_ACT_0) < 0
                        || Integer.compareUnsigned(in.property(), RH_ACT_F) > 0) {
                    throw TpmException.parameter(2, TpmRc.VALUE);
                }
                w.u32(0); // no authenticated countdown timers are implemented
                more = false;
                break;
            case TpmCap.ECC_CURVES:
                more = eccCurves(w, in.property() & 0xFFFF, cap(count, MAX_ECC_CURVES));
                break;
            default:
                // TPM_CAP_VENDOR_PROPERTY
                throw TpmException.parameter(1, TpmRc.VALUE);
        }
        byte[] out = w.toByteArray();
        out[0] = (byte) (more ? 1 : 0);
        return out;
    }

    private static int cap(long requested, int max) {
        return (int) Math.min(requested, max);
    }

    private static boolean algorithms(TpmWriter w, int first, int count) {
        int mark = w.size();
        w.u32(0);
        int n = 0;
        for (var e : Algorithms.implemented().entrySet()) {
            if (e.getKey() < first) {
                continue;
            }
            if (n == count) {
                w.patchU32(mark, n);
                return true;
            }
            w.u16(e.getKey()).u32(e.getValue());
            n++;
        }
        w.patchU32(mark, n);
        return false;
    }

    /** CryptCapGetECCCurve: the curves from {@code first} (the property's low 16 bits) on. */
    private static boolean eccCurves(TpmWriter w, int first, int count) {
        int mark = w.size();
        w.u32(0);
        int n = 0;
        for (int curve : Algorithms.eccCurves()) {
            if (curve < first) {
                continue;
            }
            if (n == count) {
                w.patchU32(mark, n);
                return true;
            }
            w.u16(curve);
            n++;
        }
        w.patchU32(mark, n);
        return false;
    }

    private static boolean handles(TpmCore core, TpmWriter w, int property, int count) throws TpmException {
        int[] list;
        switch (TpmHandles.type(property)) {
            case TpmHandles.HT_PCR:
                list = range(property & 0xFFFFFF, PcrAttributes.PCR_COUNT - 1);
                break;
            case TpmHandles.HT_PERMANENT:
                list = filter(PERMANENT_HANDLES, h -> Integer.compareUnsigned(h, property) >= 0);
                break;
            case TpmHandles.HT_TRANSIENT:
                list = core.objects.loadedHandles(property);
                break;
            case TpmHandles.HT_PERSISTENT:
                list = core.persistent.handles(property);
                break;
            case TpmHandles.HT_NV_INDEX:
                list = core.nv.handles(property);
                break;
            case TpmHandles.HT_LOADED_SESSION:
                list = core.sessions().loadedHandles(property);
                break;
            case TpmHandles.HT_SAVED_SESSION:
                list = core.sessions().savedHandles(property);
                break;
            default:
                throw TpmException.parameter(2, TpmRc.HANDLE);
        }
        int n = Math.min(count, list.length);
        w.u32(n);
        for (int i = 0; i < n; i++) {
            w.u32(list[i]);
        }
        return list.length > n;
    }

    /** Implemented permanent handles, ascending (NextPermanentHandle). */
    private static final int[] PERMANENT_HANDLES = {
        TpmHandles.RH_OWNER, TpmHandles.RH_NULL, TpmHandles.RS_PW, TpmHandles.RH_LOCKOUT,
        TpmHandles.RH_ENDORSEMENT, TpmHandles.RH_PLATFORM, TpmHandles.RH_PLATFORM_NV,
    };

    private static int[] range(int from, int last) {
        if (from > last) {
            return new int[0];
        }
        int[] r = new int[last - from + 1];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }

    private static int[] filter(int[] values, IntPredicate keep) {
        return java.util.Arrays.stream(values).filter(keep).toArray();
    }

    private static boolean commands(TpmWriter w, int first, int count,
                                    java.util.function.Predicate<CommandDescriptor> include, boolean attributes) {
        int mark = w.size();
        w.u32(0);
        int n = 0;
        for (CommandDescriptor d : Tpm.commandTable().descriptors()) {
            if (Integer.compareUnsigned(d.code(), first) < 0 || !include.test(d)) {
                continue;
            }
            if (n == count) {
                w.patchU32(mark, n);
                return true;
            }
            w.u32(attributes ? d.tpmaCc() : d.code());
            n++;
        }
        w.patchU32(mark, n);
        return false;
    }

    /**
     * TPM_CAP_PCRS reports the allocation in force since the last _TPM_Init, every bank, as
     * libtpms does: a PCR_Allocate only shows after the next _TPM_Init.
     */
    private static boolean pcrs(TpmCore core, TpmWriter w, long count) {
        if (count == 0) {
            w.u32(0);
            return true;
        }
        w.u32(HashAlg.values().length);
        for (HashAlg alg : HashAlg.values()) {
            int bm = core.pcrs.active().bitmap(alg);
            w.u16(alg.id()).u8(PcrAttributes.SELECT_SIZE);
            for (int i = 0; i < PcrAttributes.SELECT_SIZE; i++) {
                w.u8(bm >>> (8 * i));
            }
        }
        return false;
    }

    /** Properties of one group (fixed or variable) starting at {@code property}, as TPMCapGetProperties. */
    private static boolean properties(TpmCore core, TpmWriter w, int property, int count) {
        int mark = w.size();
        w.u32(0);
        long start = Integer.toUnsignedLong(property);
        if (start < TpmPt.PT_FIXED) {
            start = TpmPt.PT_FIXED;
        }
        if (start >= TpmPt.PT_VAR + PT_GROUP) {
            return false;
        }
        long nextGroup = (start / PT_GROUP) * PT_GROUP + PT_GROUP;
        int n = 0;
        for (long i = start; i < nextGroup; i++) {
            Integer value = TpmProperties.value(core, (int) i);
            if (value == null) {
                continue;
            }
            if (n == count) {
                w.patchU32(mark, n);
                return true;
            }
            w.u32((int) i).u32(value);
            n++;
        }
        w.patchU32(mark, n);
        return false;
    }

    private static boolean pcrProperties(TpmWriter w, int property, int count) {
        int mark = w.size();
        w.u32(0);
        int n = 0;
        for (long tag = Integer.toUnsignedLong(property); tag <= TpmPt.PCR_LAST; tag++) {
            Integer bitmap = pcrProperty((int) tag);
            if (n == count) {
                w.patchU32(mark, n);
                return true;
            }
            if (bitmap == null) {
                continue;
            }
            w.u32((int) tag).u8(PcrAttributes.SELECT_SIZE);
            for (int i = 0; i < PcrAttributes.SELECT_SIZE; i++) {
                w.u8(bitmap >>> (8 * i));
            }
            n++;
        }
        w.patchU32(mark, n);
        return false;
    }

    /** PCRGetProperty: the PCRs having TPM_PT_PCR property {@code tag}, or null if undefined. */
    static Integer pcrProperty(int tag) {
        switch (tag) {
            case TpmPt.PCR_SAVE:
                return PcrAttributes.mask(PcrAttributes::stateSaved);
            case TpmPt.PCR_NO_INCREMENT:
                return PcrAttributes.mask(PcrBanks::noIncrement);
            case TpmPt.PCR_DRTM_RESET:
                return PcrAttributes.mask(p -> PcrAttributes.resettableAt(p, 4));
            case TpmPt.PCR_POLICY:
                return PcrAttributes.mask(PcrAttributes::inPolicyGroup);
            case TpmPt.PCR_AUTH:
                return PcrAttributes.mask(PcrAttributes::inAuthGroup);
            default:
                if (tag >= TpmPt.PCR_EXTEND_L0 && tag <= TpmPt.PCR_RESET_L4) {
                    int locality = (tag - 1) / 2;
                    boolean reset = (tag - 1) % 2 == 1;
                    return PcrAttributes.mask(p -> reset ? PcrAttributes.resettableAt(p, locality)
                            : PcrAttributes.extendableAt(p, locality));
                }
                return null;
        }
    }

    private static boolean authPolicies(TpmCore core, TpmWriter w, int property, int count) {
        int mark = w.size();
        w.u32(0);
        int n = 0;
        for (int h : PERMANENT_HANDLES) {
            if (Integer.compareUnsigned(h, property) < 0) {
                continue;
            }
            if (h == TpmHandles.RH_NULL || h == TpmHandles.RS_PW || h == TpmHandles.RH_PLATFORM_NV) {
                continue;
            }
            if (n == count) {
                w.patchU32(mark, n);
                return true;
            }
            HierarchyPolicy p = PermanentEntity.of(core, h).authPolicy();
            w.u32(h).u16(p.hashAlg());
            if (p.hashAlg() != TpmAlgId.NULL) {
                w.bytes(p.digest());
            }
            n++;
        }
        w.patchU32(mark, n);
        return false;
    }

    @Override
    public void encode(byte[] out, TpmWriter w) {
        w.bytes(out);
    }
}
