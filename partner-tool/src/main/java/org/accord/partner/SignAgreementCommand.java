package org.accord.partner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.concurrent.Callable;

import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

import org.accord.gateway.crypto.DetachedSignatures;
import org.accord.gateway.crypto.Fingerprints;
import org.accord.gateway.crypto.Pem;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Signs exactly one agreement file for one signatory: a CMS detached signature (DER) over the file's bytes, whose
 * signed attributes hold its SHA-256, written beside it as {@code <id>.v<version>.<organisation>.p7s}. The same
 * as {@code openssl cms -sign -binary -in FILE -signer CERT -inkey KEY -outform DER}.
 */
@Command(name = "sign-agreement", mixinStandardHelpOptions = true,
        description = "Sign an agreement file with your key and certificate (CMS detached signature, DER), beside the file.")
final class SignAgreementCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "the agreement YAML file, exactly as it will be loaded")
    Path file;

    @Option(names = "--key", required = true, paramLabel = "FILE", description = "your private key (PEM)")
    Path key;

    @Option(names = "--cert", required = true, paramLabel = "FILE", description = "your certificate (PEM): subject CN your name as the agreement lists it, O your organisation")
    Path cert;

    @Option(names = "--organisation", paramLabel = "ID", description = "the organisation you sign for (default: the signatory whose name is your certificate's CN)")
    String organisation;

    @Option(names = "--out", paramLabel = "FILE", description = "where to write the signature (default: <id>.v<version>.<organisation>.p7s beside the file)")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        byte[] content = Files.readAllBytes(file);
        JsonNode agreement = YAMLMapper.builder().build().readTree(content);
        if (agreement == null || !agreement.hasNonNull("id") || !agreement.hasNonNull("version")) {
            spec.commandLine().getErr().println("REJECTED not an agreement: it has no id and version");
            return PartnerTool.REJECTED;
        }
        X509Certificate certificate = Pem.readCertificate(cert);
        String signsFor = organisation != null ? organisation : signatoryOrganisation(agreement, certificate);
        if (signsFor == null) {
            spec.commandLine().getErr().println("REJECTED SIGNER_NOT_SIGNATORY the certificate's CN is not a signatory this agreement lists;"
                    + " give --organisation");
            return PartnerTool.REJECTED;
        }
        String id = agreement.get("id").asString();
        int version = agreement.get("version").asInt();
        Path target = out != null ? out : file.toAbsolutePath().resolveSibling(id + ".v" + version + "." + signsFor.replace('/', '.') + ".p7s");
        Files.write(target, DetachedSignatures.sign(content, Pem.readPrivateKey(key), certificate));
        spec.commandLine().getOut().println("signed " + id + " version " + version + " (SHA-256 " + Fingerprints.sha256Hex(content)
                + ") for " + signsFor + ": " + target);
        return 0;
    }

    private static String signatoryOrganisation(JsonNode agreement, X509Certificate certificate) throws Exception {
        String cn = null;
        for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
            if (rdn.getType().equalsIgnoreCase("CN")) {
                cn = String.valueOf(rdn.getValue());
            }
        }
        for (JsonNode signatory : agreement.path("signatories")) {
            if (signatory.path("name").asString("").equals(cn)) {
                return signatory.path("organisation").asString();
            }
        }
        return null;
    }
}
