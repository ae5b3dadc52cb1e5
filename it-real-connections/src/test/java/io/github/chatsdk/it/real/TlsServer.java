package io.github.chatsdk.it.real;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/**
 * The Node HTTP/2 server over TLS with a certificate made for this test run (for 127.0.0.1 and
 * localhost), and the client-side trust that accepts it and nothing else.
 */
final class TlsServer {
    private TlsServer() {
    }

    /** The certificate and the trust of one test class. */
    static final class Certificates {
        final HeldCertificate held;
        final HandshakeCertificates clientTrust;
        final Path certFile;
        final Path keyFile;

        private Certificates(HeldCertificate held, Path certFile, Path keyFile) {
            this.held = held;
            this.certFile = certFile;
            this.keyFile = keyFile;
            this.clientTrust = new HandshakeCertificates.Builder().addTrustedCertificate(held.certificate()).build();
        }

        /** Client settings that trust only this certificate. */
        Clients.Settings trust() {
            return Clients.with(b -> b.sslSocketFactory(clientTrust.sslSocketFactory(), clientTrust.trustManager()));
        }
    }

    /** A fresh certificate, written as PEM files under {@code target/}. */
    static Certificates certificates(String name) {
        HeldCertificate held = new HeldCertificate.Builder().commonName("localhost")
                .addSubjectAlternativeName("127.0.0.1").addSubjectAlternativeName("localhost").build();
        Path dir = Paths.get(System.getProperty("chatsdk.server.logs", "target/server-logs")).resolve(name + "-tls");
        try {
            Files.createDirectories(dir);
            Path cert = dir.resolve("cert.pem");
            Path key = dir.resolve("key.pem");
            Files.writeString(cert, held.certificatePem(), StandardCharsets.US_ASCII);
            Files.writeString(key, held.privateKeyPkcs8Pem(), StandardCharsets.US_ASCII);
            return new Certificates(held, cert, key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts {@code h2.js} with the certificate. */
    static NodeServer start(String name, Certificates certs) {
        return NodeServer.start(name, "https", "h2.js", "--cert", certs.certFile.toString(), "--key",
                certs.keyFile.toString());
    }
}
