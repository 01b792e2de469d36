package org.viche.receipt;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Merkle tree hashing exactly as RFC 6962 (Certificate Transparency), section 2.1, so that
 * any CT tooling or a few lines in any language can check our roots and proofs:
 * leaf = SHA-256(0x00 ‖ data), node = SHA-256(0x01 ‖ left ‖ right), and a tree of n leaves
 * splits at the largest power of two below n. Pure functions, unit-tested against the RFC's
 * definitions.
 */
public final class MerkleTree {

    public enum Side { LEFT, RIGHT }

    /** One step of an inclusion proof: the sibling's hash and on which side it stands. */
    public record Step(Side side, byte[] hash) {
    }

    private MerkleTree() {
    }

    public static byte[] leafHash(byte[] data) {
        MessageDigest sha = sha256();
        sha.update((byte) 0x00);
        return sha.digest(data);
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest sha = sha256();
        sha.update((byte) 0x01);
        sha.update(left);
        return sha.digest(right);
    }

    /** MTH(D[n]) over leaf hashes (at least one). */
    public static byte[] root(List<byte[]> leaves) {
        if (leaves.isEmpty()) {
            throw new IllegalArgumentException("A seal holds at least one leaf");
        }
        return root(leaves, 0, leaves.size());
    }

    private static byte[] root(List<byte[]> leaves, int from, int to) {
        if (to - from == 1) {
            return leaves.get(from);
        }
        int k = split(to - from);
        return nodeHash(root(leaves, from, from + k), root(leaves, from + k, to));
    }

    /** PATH(m, D[n]): the siblings from the leaf up to the root. */
    public static List<Step> proof(List<byte[]> leaves, int index) {
        if (index < 0 || index >= leaves.size()) {
            throw new IllegalArgumentException("No leaf " + index + " in a tree of " + leaves.size());
        }
        List<Step> steps = new ArrayList<>();
        path(leaves, index, 0, leaves.size(), steps);
        return steps;
    }

    private static void path(List<byte[]> leaves, int index, int from, int to, List<Step> steps) {
        if (to - from == 1) {
            return;
        }
        int k = split(to - from);
        if (index < from + k) {
            path(leaves, index, from, from + k, steps);
            steps.add(new Step(Side.RIGHT, root(leaves, from + k, to)));
        } else {
            path(leaves, index, from + k, to, steps);
            steps.add(new Step(Side.LEFT, root(leaves, from, from + k)));
        }
    }

    /** The root a leaf and its proof lead to. */
    public static byte[] rootFromProof(byte[] leaf, List<Step> proof) {
        byte[] hash = leaf;
        for (Step step : proof) {
            hash = step.side() == Side.LEFT ? nodeHash(step.hash(), hash) : nodeHash(hash, step.hash());
        }
        return hash;
    }

    public static boolean verifies(byte[] leaf, List<Step> proof, byte[] root) {
        return Arrays.equals(rootFromProof(leaf, proof), root);
    }

    /** The largest power of two smaller than n (n > 1). */
    static int split(int n) {
        return Integer.highestOneBit(n - 1);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
