package org.viche.ratelimit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import javax.sql.DataSource;

/**
 * Turns a client address into a keyed hash, so limits can be applied per client without
 * ever storing an address. The key is random, changes every day (UTC), is shared by all
 * instances through the database and deleted after two days: yesterday's hashes cannot be
 * recomputed, so they cannot be linked to an address later. IPv6 clients are counted per
 * /64, the block one subscriber usually holds.
 */
@ApplicationScoped
public class ClientHasher {

    private static final String ENSURE_KEY = """
            insert into client_hash_key (day, key) values (?, ?) on conflict (day) do nothing
            """;
    private static final String READ_KEY = "select key from client_hash_key where day = ?";
    private static final String FORGET_OLD_KEYS = "delete from client_hash_key where day < ?";

    private record DayKey(LocalDate day, byte[] key) {
    }

    private final SecureRandom random = new SecureRandom();
    private volatile DayKey current;

    @Inject
    DataSource dataSource;

    /**
     * Whether today's key is in memory, so that {@link #hash} will not read the database (an
     * I/O thread must not wait for it: the day's first hash is taken on a worker thread).
     */
    public boolean isReady() {
        DayKey cached = current;
        return cached != null && cached.day().equals(LocalDate.now(ZoneOffset.UTC));
    }

    public String hash(String address) {
        byte[] key = keyFor(LocalDate.now(ZoneOffset.UTC));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal(normalise(address));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }

    /** IPv4 as is; IPv6 reduced to its /64 prefix. Unparseable input is hashed as given. */
    static byte[] normalise(String address) {
        if (address == null) {
            return new byte[0];
        }
        try {
            if (address.indexOf(':') >= 0) {
                byte[] bytes = InetAddress.getByName(address).getAddress();
                return bytes.length == 16 ? Arrays.copyOf(bytes, 8) : bytes;
            }
        } catch (UnknownHostException e) {
            // fall through: hash the text
        }
        return address.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private byte[] keyFor(LocalDate day) {
        DayKey cached = current;
        if (cached != null && cached.day().equals(day)) {
            return cached.key();
        }
        synchronized (this) {
            if (current == null || !current.day().equals(day)) {
                current = new DayKey(day, loadOrCreate(day));
            }
            return current.key();
        }
    }

    private byte[] loadOrCreate(LocalDate day) {
        byte[] fresh = new byte[32];
        random.nextBytes(fresh);
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement ensure = connection.prepareStatement(ENSURE_KEY)) {
                ensure.setObject(1, day);
                ensure.setBytes(2, fresh);
                ensure.executeUpdate();
            }
            try (PreparedStatement forget = connection.prepareStatement(FORGET_OLD_KEYS)) {
                forget.setObject(1, day.minusDays(1));
                forget.executeUpdate();
            }
            try (PreparedStatement read = connection.prepareStatement(READ_KEY)) {
                read.setObject(1, day);
                try (ResultSet rs = read.executeQuery()) {
                    rs.next();
                    return rs.getBytes(1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the client hash key", e);
        }
    }
}
