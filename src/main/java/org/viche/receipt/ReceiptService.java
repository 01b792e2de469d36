package org.viche.receipt;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.viche.response.ReceiptCodes;
import org.viche.survey.SurveyService;
import org.viche.survey.SurveySnapshot;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * What a receipt proves. The JSON API and the /verify page both ask here: the response's
 * leaf is recomputed from the response as stored now, and its inclusion proof is built from
 * the leaf hashes stored when its seal was made — so a response altered after sealing no
 * longer leads to its seal's root, for the server's check and for anyone re-checking the proof.
 */
@ApplicationScoped
public class ReceiptService {

    private static final HexFormat HEX = HexFormat.of();

    @Inject
    DataSource dataSource;

    @Inject
    SealStore store;

    @Inject
    SurveyService surveys;

    /** A seal as a receipt refers to it; {@code sealedAt} in UTC, whole seconds, ISO 8601. */
    public record SealRef(long id, String root, String previous, int size, String sealedAt) {
    }

    public record ProofStep(String side, String hash) {
    }

    /** The public answer for a receipt (api.md, "Receipts"): no seal, leaf or proof until sealed. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReceiptView(String receipt, String survey, boolean sealed, SealRef seal, String leaf,
            List<ProofStep> proof) {
    }

    /** {@code verified}: sealed, and the recomputed leaf with its proof leads to the stored root. */
    public record ReceiptCheck(ReceiptView receipt, boolean verified) {
    }

    /** The receipt's proof and whether it verifies; empty for a receipt that is unknown or cannot be one. */
    public Optional<ReceiptCheck> check(String typedReceipt) {
        Optional<String> receipt = ReceiptCodes.normalise(typedReceipt);
        if (receipt.isEmpty()) {
            return Optional.empty();
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                return check(connection, receipt.get());
            }
        });
    }

    private Optional<ReceiptCheck> check(Connection connection, String receipt) throws SQLException {
        Optional<SealStore.Located> found = store.byReceipt(connection, receipt);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        SealStore.Located response = found.get();
        SurveySnapshot survey = surveys.findById(response.surveyId()).orElseThrow();
        if (response.sealId() == null) {
            return Optional.of(new ReceiptCheck(new ReceiptView(receipt, survey.slug(), false, null, null, null), false));
        }
        Seal seal = store.seal(connection, response.sealId()).orElseThrow().seal();
        List<byte[]> leaves = store.leaves(connection, seal.id());
        byte[] leaf = new CanonicalForm(survey).leaf(response.content());
        List<MerkleTree.Step> proof = MerkleTree.proof(leaves, response.leafIndex());
        boolean verified = leaves.size() == seal.size() && MerkleTree.verifies(leaf, proof, seal.root());
        ReceiptView view = new ReceiptView(receipt, survey.slug(), true,
                new SealRef(seal.id(), HEX.formatHex(seal.root()), HEX.formatHex(seal.previous()), seal.size(),
                        seal.sealedAtText()),
                HEX.formatHex(leaf),
                proof.stream().map(s -> new ProofStep(s.side().name().toLowerCase(Locale.ROOT), HEX.formatHex(s.hash()))).toList());
        return Optional.of(new ReceiptCheck(view, verified));
    }

    /** One seal of the chain, with everything its hash covers and the hash stored when it was made. */
    public record SealView(long id, String root, String previous, int size, String sealedAt, String hash) {
    }

    public record SealChain(String survey, List<SealView> seals) {
    }

    /** The survey's seals, oldest first: enough, with the ledger, to recompute every root and link. */
    public SealChain chain(SurveySnapshot survey) {
        List<SealStore.Stored> stored = QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                return store.chain(connection, survey.id());
            }
        });
        return new SealChain(survey.slug(), stored.stream().map(s -> new SealView(s.seal().id(),
                HEX.formatHex(s.seal().root()), HEX.formatHex(s.seal().previous()), s.seal().size(),
                s.seal().sealedAtText(), HEX.formatHex(s.hash()))).toList());
    }
}
