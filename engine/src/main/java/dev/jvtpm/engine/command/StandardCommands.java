package dev.jvtpm.engine.command;

import dev.jvtpm.engine.command.attestation.Certify;
import dev.jvtpm.engine.command.attestation.CertifyCreation;
import dev.jvtpm.engine.command.attestation.GetCommandAuditDigest;
import dev.jvtpm.engine.command.attestation.GetSessionAuditDigest;
import dev.jvtpm.engine.command.attestation.GetTime;
import dev.jvtpm.engine.command.attestation.NvCertify;
import dev.jvtpm.engine.command.attestation.Quote;
import dev.jvtpm.engine.command.audit.SetCommandCodeAuditStatus;
import dev.jvtpm.engine.command.capability.GetCapability;
import dev.jvtpm.engine.command.capability.TestParms;
import dev.jvtpm.engine.command.clock.ClockRateAdjust;
import dev.jvtpm.engine.command.clock.ClockSet;
import dev.jvtpm.engine.command.clock.ReadClock;
import dev.jvtpm.engine.command.asymmetric.EccParameters;
import dev.jvtpm.engine.command.asymmetric.EcdhKeyGen;
import dev.jvtpm.engine.command.asymmetric.EcdhZGen;
import dev.jvtpm.engine.command.asymmetric.RsaDecrypt;
import dev.jvtpm.engine.command.asymmetric.RsaEncrypt;
import dev.jvtpm.engine.command.context.ContextLoad;
import dev.jvtpm.engine.command.context.ContextSave;
import dev.jvtpm.engine.command.context.EvictControl;
import dev.jvtpm.engine.command.context.FlushContext;
import dev.jvtpm.engine.command.ea.PolicyAuthValue;
import dev.jvtpm.engine.command.ea.PolicyAuthorize;
import dev.jvtpm.engine.command.ea.PolicyAuthorizeNv;
import dev.jvtpm.engine.command.ea.PolicyCommandCode;
import dev.jvtpm.engine.command.ea.PolicyCounterTimer;
import dev.jvtpm.engine.command.ea.PolicyCpHash;
import dev.jvtpm.engine.command.ea.PolicyDuplicationSelect;
import dev.jvtpm.engine.command.ea.PolicyGetDigest;
import dev.jvtpm.engine.command.ea.PolicyLocality;
import dev.jvtpm.engine.command.ea.PolicyNameHash;
import dev.jvtpm.engine.command.ea.PolicyNv;
import dev.jvtpm.engine.command.ea.PolicyNvWritten;
import dev.jvtpm.engine.command.ea.PolicyOr;
import dev.jvtpm.engine.command.ea.PolicyPassword;
import dev.jvtpm.engine.command.ea.PolicyPcr;
import dev.jvtpm.engine.command.ea.PolicyPhysicalPresence;
import dev.jvtpm.engine.command.ea.PolicySecret;
import dev.jvtpm.engine.command.ea.PolicySigned;
import dev.jvtpm.engine.command.ea.PolicyTemplate;
import dev.jvtpm.engine.command.ea.PolicyTicket;
import dev.jvtpm.engine.command.duplication.Duplicate;
import dev.jvtpm.engine.command.duplication.Import;
import dev.jvtpm.engine.command.duplication.Rewrap;
import dev.jvtpm.engine.command.hash.HmacStart;
import dev.jvtpm.engine.command.object.ActivateCredential;
import dev.jvtpm.engine.command.object.Create;
import dev.jvtpm.engine.command.object.CreateLoaded;
import dev.jvtpm.engine.command.object.MakeCredential;
import dev.jvtpm.engine.command.object.CreatePrimary;
import dev.jvtpm.engine.command.object.Load;
import dev.jvtpm.engine.command.object.LoadExternal;
import dev.jvtpm.engine.command.object.ObjectChangeAuth;
import dev.jvtpm.engine.command.object.ReadPublic;
import dev.jvtpm.engine.command.object.Unseal;
import dev.jvtpm.engine.command.hash.EventSequenceComplete;
import dev.jvtpm.engine.command.hash.Hash;
import dev.jvtpm.engine.command.hash.HashSequenceStart;
import dev.jvtpm.engine.command.hash.SequenceComplete;
import dev.jvtpm.engine.command.hash.SequenceUpdate;
import dev.jvtpm.engine.command.da.DictionaryAttackLockReset;
import dev.jvtpm.engine.command.da.DictionaryAttackParameters;
import dev.jvtpm.engine.command.hierarchy.ChangeEps;
import dev.jvtpm.engine.command.hierarchy.ChangePps;
import dev.jvtpm.engine.command.hierarchy.Clear;
import dev.jvtpm.engine.command.hierarchy.ClearControl;
import dev.jvtpm.engine.command.hierarchy.HierarchyChangeAuth;
import dev.jvtpm.engine.command.hierarchy.HierarchyControl;
import dev.jvtpm.engine.command.hierarchy.SetPrimaryPolicy;
import dev.jvtpm.engine.command.nv.NvChangeAuth;
import dev.jvtpm.engine.command.nv.NvDefineSpace;
import dev.jvtpm.engine.command.nv.NvExtend;
import dev.jvtpm.engine.command.nv.NvGlobalWriteLock;
import dev.jvtpm.engine.command.nv.NvIncrement;
import dev.jvtpm.engine.command.nv.NvRead;
import dev.jvtpm.engine.command.nv.NvReadLock;
import dev.jvtpm.engine.command.nv.NvReadPublic;
import dev.jvtpm.engine.command.nv.NvSetBits;
import dev.jvtpm.engine.command.nv.NvUndefineSpace;
import dev.jvtpm.engine.command.nv.NvUndefineSpaceSpecial;
import dev.jvtpm.engine.command.nv.NvWrite;
import dev.jvtpm.engine.command.nv.NvWriteLock;
import dev.jvtpm.engine.command.pcr.PcrAllocate;
import dev.jvtpm.engine.command.management.PpCommands;
import dev.jvtpm.engine.command.management.SetAlgorithmSet;
import dev.jvtpm.engine.command.pcr.PcrEvent;
import dev.jvtpm.engine.command.pcr.PcrExtend;
import dev.jvtpm.engine.command.pcr.PcrRead;
import dev.jvtpm.engine.command.pcr.PcrReset;
import dev.jvtpm.engine.command.pcr.PcrSetAuthPolicy;
import dev.jvtpm.engine.command.pcr.PcrSetAuthValue;
import dev.jvtpm.engine.command.random.GetRandom;
import dev.jvtpm.engine.command.signature.Sign;
import dev.jvtpm.engine.command.signature.VerifySignature;
import dev.jvtpm.engine.command.symmetric.EncryptDecrypt;
import dev.jvtpm.engine.command.symmetric.EncryptDecrypt2;
import dev.jvtpm.engine.command.symmetric.Hmac;
import dev.jvtpm.engine.command.random.StirRandom;
import dev.jvtpm.engine.command.session.PolicyRestart;
import dev.jvtpm.engine.command.session.StartAuthSession;
import dev.jvtpm.engine.command.startup.Shutdown;
import dev.jvtpm.engine.command.startup.Startup;
import dev.jvtpm.engine.command.testing.GetTestResult;
import dev.jvtpm.engine.command.testing.IncrementalSelfTest;
import dev.jvtpm.engine.command.testing.SelfTest;
import java.util.ArrayList;
import java.util.List;

/**
 * The command set of a jvtpm TPM, by Part 3 family. Adding a command means adding it here;
 * GetCapability then advertises it and the dispatcher runs it.
 */
public final class StandardCommands {
    private StandardCommands() {}

    public static CommandTable table() {
        List<Command<?, ?>> all = new ArrayList<>();
        // Part 3 §9 Start-up
        all.add(new Startup());
        all.add(new Shutdown());
        // Part 3 §10 Testing
        all.add(new SelfTest());
        all.add(new IncrementalSelfTest());
        all.add(new GetTestResult());
        // Part 3 §11 Session Commands
        all.add(new StartAuthSession());
        all.add(new PolicyRestart());
        // Part 3 §12 Object Commands
        all.add(new Create());
        all.add(new Load());
        all.add(new LoadExternal());
        all.add(new ReadPublic());
        all.add(new Unseal());
        all.add(new ObjectChangeAuth());
        all.add(new CreateLoaded());
        all.add(new MakeCredential());
        all.add(new ActivateCredential());
        // Part 3 §13 Duplication Commands
        all.add(new Duplicate());
        all.add(new Rewrap());
        all.add(new Import());
        // Part 3 §14 Asymmetric Primitives
        all.add(new RsaEncrypt());
        all.add(new RsaDecrypt());
        all.add(new EcdhKeyGen());
        all.add(new EcdhZGen());
        all.add(new EccParameters());
        // Part 3 §15 Symmetric Primitives
        all.add(new EncryptDecrypt());
        all.add(new EncryptDecrypt2());
        all.add(new Hash());
        all.add(new Hmac());
        // Part 3 §16 Random Number Generator
        all.add(new GetRandom());
        all.add(new StirRandom());
        // Part 3 §17 Hash/HMAC/Event Sequences
        all.add(new HmacStart());
        all.add(new HashSequenceStart());
        all.add(new SequenceUpdate());
        all.add(new SequenceComplete());
        all.add(new EventSequenceComplete());
        // Part 3 §18 Attestation Commands
        all.add(new Certify());
        all.add(new CertifyCreation());
        all.add(new Quote());
        all.add(new GetSessionAuditDigest());
        all.add(new GetCommandAuditDigest());
        all.add(new GetTime());
        // Part 3 §20 Signing and Signature Verification
        all.add(new VerifySignature());
        all.add(new Sign());
        // Part 3 §21 Command Audit
        all.add(new SetCommandCodeAuditStatus());
        // Part 3 §22 Integrity Collection (PCR)
        all.add(new PcrExtend());
        all.add(new PcrEvent());
        all.add(new PcrRead());
        all.add(new PcrAllocate());
        all.add(new PcrReset());
        all.add(new PcrSetAuthPolicy());
        all.add(new PcrSetAuthValue());
        // Part 3 §23 Enhanced Authorization (EA) Commands
        all.add(new PolicySigned());
        all.add(new PolicySecret());
        all.add(new PolicyTicket());
        all.add(new PolicyOr());
        all.add(new PolicyPcr());
        all.add(new PolicyLocality());
        all.add(new PolicyCounterTimer());
        all.add(new PolicyNv());
        all.add(new PolicyCommandCode());
        all.add(new PolicyPhysicalPresence());
        all.add(new PolicyCpHash());
        all.add(new PolicyNameHash());
        all.add(new PolicyDuplicationSelect());
        all.add(new PolicyAuthorize());
        all.add(new PolicyAuthorizeNv());
        all.add(new PolicyAuthValue());
        all.add(new PolicyPassword());
        all.add(new PolicyGetDigest());
        all.add(new PolicyNvWritten());
        all.add(new PolicyTemplate());
        // Part 3 §24 Hierarchy Commands
        all.add(new CreatePrimary());
        all.add(new HierarchyControl());
        all.add(new SetPrimaryPolicy());
        all.add(new ChangePps());
        all.add(new ChangeEps());
        all.add(new Clear());
        all.add(new ClearControl());
        all.add(new HierarchyChangeAuth());
        // Part 3 §25 Dictionary Attack Functions
        all.add(new DictionaryAttackLockReset());
        all.add(new DictionaryAttackParameters());
        // Part 3 §26 Miscellaneous Management Functions
        all.add(new PpCommands());
        all.add(new SetAlgorithmSet());
        // Part 3 §28 Context Management
        all.add(new ContextSave());
        all.add(new ContextLoad());
        all.add(new FlushContext());
        all.add(new EvictControl());
        // Part 3 §29 Clocks and Timers
        all.add(new ReadClock());
        all.add(new ClockSet());
        all.add(new ClockRateAdjust());
        // Part 3 §30 Capability Commands
        all.add(new GetCapability());
        all.add(new TestParms());
        // Part 3 §31 Non-volatile Storage
        all.add(new NvDefineSpace());
        all.add(new NvUndefineSpace());
        all.add(new NvUndefineSpaceSpecial());
        all.add(new NvReadPublic());
        all.add(new NvWrite());
        all.add(new NvIncrement());
        all.add(new NvExtend());
        all.add(new NvSetBits());
        all.add(new NvWriteLock());
        all.add(new NvGlobalWriteLock());
        all.add(new NvRead());
        all.add(new NvReadLock());
        all.add(new NvChangeAuth());
        all.add(new NvCertify());
        return new CommandTable(all);
    }

    /** RSA key sizes for swtpm's GET_INFO TPMFeatures, comma-separated. */
    public static String rsaKeySizesJson() {
        StringBuilder sb = new StringBuilder();
        for (int s : dev.jvtpm.engine.command.capability.Algorithms.rsaKeySizes()) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(s);
        }
        return sb.toString();
    }
}
