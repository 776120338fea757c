package dev.mynasim.registry.seed;

import dev.mynasim.registry.api.SeededIds.Kind;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a seeded id is made: HMAC-SHA256 keyed with the seed over {@code client_id:kind:count}, so two services with
 * one seed still get different ids. A code is the 32 bytes in base64url; a processId the first 16 as a version-8
 * UUID (RFC 9562 §5.8).
 */
final class IdDerivation {

    private IdDerivation() {
    }

    static String derive(String seed, String clientId, Kind kind, long count) {
        byte[] mac = mac(seed, clientId + ":" + kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + count);
        if (kind == Kind.CODE) {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
        }
        mac[6] = (byte) ((mac[6] & 0x0f) | 0x80);
        mac[8] = (byte) ((mac[8] & 0x3f) | 0x80);
        ByteBuffer bits = ByteBuffer.wrap(mac, 0, 16);
        return new UUID(bits.getLong(), bits.getLong()).toString();
    }

    private static byte[] mac(String seed, String message) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(seed.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return hmac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
