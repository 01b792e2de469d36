package org.viche.receipt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

class MerkleTreeTest {

    private static final HexFormat HEX = HexFormat.of();

    /** The inputs of Certificate Transparency's reference tests (merkle_tree_test.cc). */
    private static final String[] CT_INPUTS = {"", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f"};

    /** The roots of the first 1..8 of those inputs, from the same reference tests. */
    private static final String[] CT_ROOTS = {
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};

    @Test
    void rootsMatchCertificateTransparencysReferenceVectors() {
        List<byte[]> leaves = new ArrayList<>();
        for (int n = 1; n <= CT_INPUTS.length; n++) {
            leaves.add(MerkleTree.leafHash(HEX.parseHex(CT_INPUTS[n - 1])));
            assertEquals(CT_ROOTS[n - 1], HEX.formatHex(MerkleTree.root(leaves)), "root of " + n + " leaves");
        }
    }

    @Test
    void rootsMatchTheRfcDefinitionForEverySizeUpTo70() throws Exception {
        List<byte[]> leaves = new ArrayList<>();
        for (int n = 1; n <= 70; n++) {
            leaves.add(MerkleTree.leafHash(("leaf " + n).getBytes()));
            assertArrayEquals(rfcRoot(leaves), MerkleTree.root(leaves), "size " + n);
        }
    }

    @Test
    void everyLeafsProofLeadsToTheRootAndNoOtherLeafsDoes() {
        for (int n = 1; n <= 33; n++) {
            List<byte[]> leaves = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                leaves.add(MerkleTree.leafHash(new byte[] {(byte) i, (byte) n}));
            }
            byte[] root = MerkleTree.root(leaves);
            for (int i = 0; i < n; i++) {
                List<MerkleTree.Step> proof = MerkleTree.proof(leaves, i);
                assertTrue(MerkleTree.verifies(leaves.get(i), proof, root), n + "/" + i);
                assertTrue(proof.size() <= 32 - Integer.numberOfLeadingZeros(n - 1) + 1);
                byte[] forged = MerkleTree.leafHash(new byte[] {(byte) i, (byte) n, 1});
                assertFalse(MerkleTree.verifies(forged, proof, root), "an altered leaf fails " + n + "/" + i);
            }
        }
    }

    @Test
    void theProofSaysOnWhichSideEachSiblingStands() {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            leaves.add(MerkleTree.leafHash(new byte[] {(byte) i}));
        }
        // root = H(H(l0, l1), l2): leaf 2's only sibling is the left subtree
        List<MerkleTree.Step> proof = MerkleTree.proof(leaves, 2);
        assertEquals(1, proof.size());
        assertEquals(MerkleTree.Side.LEFT, proof.get(0).side());
        assertArrayEquals(MerkleTree.nodeHash(leaves.get(0), leaves.get(1)), proof.get(0).hash());
        // leaf 0: first leaf 1 on the right, then leaf 2 on the right
        List<MerkleTree.Step> first = MerkleTree.proof(leaves, 0);
        assertEquals(List.of(MerkleTree.Side.RIGHT, MerkleTree.Side.RIGHT), first.stream().map(MerkleTree.Step::side).toList());
    }

    /** RFC 6962 2.1 read literally: MTH(D[n]) = SHA-256(0x01 || MTH(D[0:k]) || MTH(D[k:n])). */
    private static byte[] rfcRoot(List<byte[]> leafHashes) throws Exception {
        if (leafHashes.size() == 1) {
            return leafHashes.get(0);
        }
        int k = 1;
        while (k * 2 < leafHashes.size()) {
            k *= 2;
        }
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update((byte) 1);
        sha.update(rfcRoot(leafHashes.subList(0, k)));
        sha.update(rfcRoot(leafHashes.subList(k, leafHashes.size())));
        return sha.digest();
    }
}
