package org.accord.gateway.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;

/**
 * Demo key material for a gateway that has no real PKI: a demo CA, the gateway's signing
 * credential and one credential per partner organisation, all issued by the CA and kept as PEM
 * files under one directory. Made on first start and reused afterwards; a partner missing from
 * the directory gets a new pair; existing files are never overwritten, whatever
 * {@link KeyAlgorithm} is asked for. Not for production: the CA key sits next to the certificates.
 *
 * <p>Layout: {@code ca.crt}, {@code ca.key}, {@code gateway.crt}, {@code gateway.key},
 * {@code tls-server.crt}, {@code tls-server.key} (the inbound HTTPS listener's server certificate, for
 * {@code localhost} and the loopback addresses), {@code partners/<id>.crt}, {@code partners/<id>.key},
 * {@code README.txt}. Keys are unencrypted
 * PKCS#8 PEM, readable by {@code openssl}, with POSIX mode 0600 where supported. Certificates are
 * valid for two years. Not safe for two processes creating the same directory at once.
 */
public final class DemoPki {

    private static final List<String> TLS_SERVER_NAMES = List.of("localhost", "127.0.0.1", "::1");
    private static final Pattern ORGANISATION_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final String README = """
            DEMO KEYS - NEVER USE IN PRODUCTION.

            Accord generated these keys and certificates on first start so that a demo
            gateway can seal and open messages without a real PKI. The CA private key is
            stored unprotected next to the certificates it issued; anyone who can read this
            directory can impersonate every party in it.

            ca.crt / ca.key            demo certificate authority
            gateway.crt / gateway.key  this gateway's signing and decryption credential
            tls-server.crt / .key      this gateway's TLS server certificate for partners
                                       (localhost, 127.0.0.1, ::1)
            partners/<id>.crt / .key   one credential per partner organisation
            """;

    private final Path directory;
    private final DemoCredential ca;
    private final DemoCredential gateway;
    private final DemoCredential tlsServer;
    private final Map<String, DemoCredential> partners;

    private DemoPki(Path directory, DemoCredential ca, DemoCredential gateway, DemoCredential tlsServer,
            Map<String, DemoCredential> partners) {
        this.directory = directory;
        this.ca = ca;
        this.gateway = gateway;
        this.tlsServer = tlsServer;
        this.partners = Map.copyOf(partners);
    }

    /** As {@link #ensure(Path, List, KeyAlgorithm, Clock)} with EC P-256 and the system clock. */
    public static DemoPki ensure(Path directory, List<String> organisationIds) {
        return ensure(directory, organisationIds, KeyAlgorithm.EC_P256, Clock.systemUTC());
    }

    /**
     * Loads the demo key material under {@code directory}, creating whatever is missing.
     *
     * @param organisationIds partner ids; letters, digits, {@code . _ -}, at most 64, not starting
     *                        with a dot
     * @param algorithm       key type for newly generated pairs
     * @param clock           start of validity for newly issued certificates
     * @throws IllegalArgumentException if an organisation id is unusable
     * @throws IllegalStateException    if a key and its certificate are not a pair, or only one exists
     * @throws UncheckedIOException     if the files cannot be read or written
     */
    public static DemoPki ensure(Path directory, List<String> organisationIds, KeyAlgorithm algorithm, Clock clock) {
        organisationIds.forEach(DemoPki::requireUsableId);
        Path partnerDirectory = directory.resolve("partners");
        createDirectories(directory);
        createDirectories(partnerDirectory);
        writeIfAbsent(directory.resolve("README.txt"), README, false);

        DemoCredential ca = loadOrCreate(directory, "ca", () ->
                CertificateIssuer.certificateAuthority(CertificateIssuer.generate(algorithm), clock.instant()));
        DemoCredential gateway = loadOrCreate(directory, "gateway", () ->
                CertificateIssuer.endEntity("accord-gateway", CertificateIssuer.generate(algorithm), ca, clock.instant()));
        DemoCredential tlsServer = loadOrCreate(directory, "tls-server", () ->
                CertificateIssuer.endEntity("localhost", CertificateIssuer.generate(algorithm), ca, clock.instant(),
                        TLS_SERVER_NAMES));
        Map<String, DemoCredential> partners = new LinkedHashMap<>();
        for (String id : organisationIds) {
            partners.put(id, loadOrCreate(partnerDirectory, id, () ->
                    CertificateIssuer.endEntity(id, CertificateIssuer.generate(algorithm), ca, clock.instant())));
        }
        return new DemoPki(directory, ca, gateway, tlsServer, partners);
    }

    public Path directory() {
        return directory;
    }

    public X509Certificate caCertificate() {
        return ca.certificate();
    }

    public PrivateKey gatewayKey() {
        return gateway.key();
    }

    public X509Certificate gatewayCertificate() {
        return gateway.certificate();
    }

    public PrivateKey tlsServerKey() {
        return tlsServer.key();
    }

    /** The TLS server certificate for {@code localhost}, {@code 127.0.0.1} and {@code ::1}, issued by the demo CA. */
    public X509Certificate tlsServerCertificate() {
        return tlsServer.certificate();
    }

    /** @throws NoSuchElementException if {@code organisationId} was not passed to {@code ensure} */
    public PrivateKey partnerKey(String organisationId) {
        return partner(organisationId).key();
    }

    /** @throws NoSuchElementException if {@code organisationId} was not passed to {@code ensure} */
    public X509Certificate partnerCertificate(String organisationId) {
        return partner(organisationId).certificate();
    }

    @Override
    public String toString() {
        return "DemoPki[" + directory + ", partners=" + partners.keySet() + "]";
    }

    private DemoCredential partner(String organisationId) {
        DemoCredential credential = partners.get(organisationId);
        if (credential == null) {
            throw new NoSuchElementException("no demo credential for organisation " + organisationId);
        }
        return credential;
    }

    private interface Issuance {
        DemoCredential issue();
    }

    private static DemoCredential loadOrCreate(Path directory, String name, Issuance issuance) {
        Path certificateFile = directory.resolve(name + ".crt");
        Path keyFile = directory.resolve(name + ".key");
        boolean certificateExists = Files.exists(certificateFile);
        boolean keyExists = Files.exists(keyFile);
        if (certificateExists && keyExists) {
            PrivateKey key = Pem.readPrivateKey(keyFile);
            X509Certificate certificate = Pem.readCertificate(certificateFile);
            if (!KeyPairCheck.matches(key, certificate)) {
                throw new IllegalStateException(keyFile + " does not belong to " + certificateFile);
            }
            return new DemoCredential(key, certificate);
        }
        if (certificateExists || keyExists) {
            throw new IllegalStateException("found only one of " + certificateFile + " and " + keyFile);
        }
        DemoCredential created = issuance.issue();
        writeIfAbsent(keyFile, Pem.privateKey(created.key()), true);
        writeIfAbsent(certificateFile, Pem.certificate(created.certificate()), false);
        return created;
    }

    private static void requireUsableId(String organisationId) {
        if (organisationId == null || !ORGANISATION_ID.matcher(organisationId).matches()) {
            throw new IllegalArgumentException("unusable organisation id: " + organisationId);
        }
    }

    private static void createDirectories(Path directory) {
        try {
            if (Files.isDirectory(directory)) {
                return;
            }
            Path parent = directory.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            if (Files.getFileStore(parent).supportsFileAttributeView("posix")) {
                Files.createDirectory(directory,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectory(directory);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory, e);
        }
    }

    private static void writeIfAbsent(Path target, String text, boolean secret) {
        if (Files.exists(target)) {
            return;
        }
        Path temporary = null;
        try {
            temporary = Files.createTempFile(target.getParent(), ".tmp-", "", ownerOnly(target, secret));
            Files.writeString(temporary, text, StandardCharsets.US_ASCII);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target);
            }
        } catch (FileAlreadyExistsException e) {
            deleteQuietly(temporary);
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path target, boolean secret) throws IOException {
        boolean posix = Files.getFileStore(target.getParent()).supportsFileAttributeView("posix");
        if (!posix) {
            return new FileAttribute<?>[0];
        }
        String mode = secret ? "rw-------" : "rw-r--r--";
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode))};
    }

    private static void deleteQuietly(Path path) {
        if (path == null) {
            return;
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // the temporary file holds no more than the target would have
        }
    }
}
