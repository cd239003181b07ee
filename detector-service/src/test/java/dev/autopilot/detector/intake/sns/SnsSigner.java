package dev.autopilot.detector.intake.sns;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;

/**
 * Signs SNS messages as SNS does (SignatureVersion 2, SHA256withRSA over the canonical string), with a self-signed
 * {@code CN=sns.amazonaws.com} certificate made by the JDK's keytool. The certificate is served at
 * {@link #CERTIFICATE_PATH} by the local stand-in for AWS, where the detector's certificate client is pointed.
 */
public final class SnsSigner {

    public static final String CERTIFICATE_PATH = "/SimpleNotificationService-test.pem";
    public static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:t-developer-alerts-production";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "changeit";
    private static final PrivateKey KEY;
    private static final String PEM;

    static {
        try {
            Path dir = Files.createTempDirectory("sns-signer");
            Path store = dir.resolve("sns.p12");
            Process keytool = new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
                    "-alias", "sns", "-keyalg", "RSA", "-keysize", "2048", "-sigalg", "SHA256withRSA",
                    "-dname", "CN=sns.amazonaws.com", "-validity", "30", "-keystore", store.toString(),
                    "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD))
                    .redirectErrorStream(true).start();
            String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (keytool.waitFor() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (var in = Files.newInputStream(store)) {
                keys.load(in, PASSWORD.toCharArray());
            }
            KEY = (PrivateKey) keys.getKey("sns", PASSWORD.toCharArray());
            Certificate certificate = keys.getCertificate("sns");
            PEM = "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (Exception e) {
            throw new IllegalStateException("could not make the test SNS certificate", e);
        }
    }

    private SnsSigner() {
    }

    /** The certificate, PEM-encoded, as SNS serves it. */
    public static String certificate() {
        return PEM;
    }

    /** The message, from the given region's SNS host and topic of that region, signed. */
    public static String sign(String envelope) {
        return sign(envelope, "us-east-1");
    }

    public static String sign(String envelope, String region) {
        try {
            ObjectNode message = (ObjectNode) JSON.readTree(envelope);
            message.put("TopicArn", TOPIC.replace("us-east-1", region));
            message.put("SigningCertURL", "https://sns." + region + ".amazonaws.com" + CERTIFICATE_PATH);
            return signAsIs(message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Signs the message as it stands (its topic and certificate URL unchanged). */
    public static String signAsIs(ObjectNode message) {
        try {
            message.put("SignatureVersion", "2");
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(KEY);
            signer.update(canonical(message).getBytes(StandardCharsets.UTF_8));
            message.put("Signature", Base64.getEncoder().encodeToString(signer.sign()));
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The string SNS signs: the fields of the message type, in order, each as "Name\nvalue\n". */
    static String canonical(ObjectNode message) {
        String type = message.path("Type").asText();
        List<String> fields = "Notification".equals(type)
                ? List.of("Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type")
                : List.of("Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type");
        StringBuilder canonical = new StringBuilder();
        for (String field : fields) {
            if (message.hasNonNull(field)) {
                canonical.append(field).append('\n').append(message.get(field).asText()).append('\n');
            }
        }
        return canonical.toString();
    }
}
