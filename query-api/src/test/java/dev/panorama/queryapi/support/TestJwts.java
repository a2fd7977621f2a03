package dev.panorama.queryapi.support;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/** An RSA key pair made for this test JVM: the API verifies with the public key file, tests sign with the private key. */
public final class TestJwts {

    private static final KeyPair KEYS = generate();
    private static final Path PUBLIC_KEY = write();

    private TestJwts() {
    }

    public static String publicKeyLocation() {
        return PUBLIC_KEY.toUri().toString();
    }

    /** A token for {@code subject} with {@code roles} in the {@code roles} claim, valid for {@code validity}. */
    public static String token(String subject, List<String> roles, Duration validity) {
        return token(KEYS, subject, roles, validity);
    }

    /** A token signed by a key the API does not know. */
    public static String foreignToken(String subject, List<String> roles) {
        return token(generate(), subject, roles, Duration.ofMinutes(5));
    }

    private static String token(KeyPair keys, String subject, List<String> roles, Duration validity) {
        RSAKey key = new RSAKey.Builder((RSAPublicKey) keys.getPublic()).privateKey((RSAPrivateKey) keys.getPrivate()).build();
        NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder().subject(subject).issuedAt(now.minus(Duration.ofHours(1))).expiresAt(now.plus(validity)).claim("roles", roles).build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims)).getTokenValue();
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path write() {
        try {
            Path file = Files.createTempFile("query-api-test-jwt", ".pub");
            file.toFile().deleteOnExit();
            String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(KEYS.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
            Files.writeString(file, pem);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
