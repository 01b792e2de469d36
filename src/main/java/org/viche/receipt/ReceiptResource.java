package org.viche.receipt;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.viche.error.ApiException;

@Path("/api/v1/receipts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Receipts", description = "Tamper evidence: receipts, Merkle inclusion proofs and the chain of seals")
public class ReceiptResource {

    @Inject
    ReceiptService receipts;

    @GET
    @Path("/{receipt}")
    @Operation(summary = "A receipt's seal and inclusion proof",
            description = "sealed=false until the response's batch is sealed (within a minute by default). Once sealed: "
                    + "leaf = SHA-256(0x00 ‖ canonical response bytes), recomputed from the response as stored now; "
                    + "fold the proof from the leaf up — a 'left' sibling h gives SHA-256(0x01 ‖ h ‖ acc), a 'right' one "
                    + "SHA-256(0x01 ‖ acc ‖ h) — and the result must equal seal.root (RFC 6962).")
    @APIResponse(responseCode = "200", description = "The receipt, and its proof once sealed")
    @APIResponse(responseCode = "404", description = "No such receipt (also for anything that cannot be a receipt)")
    public ReceiptService.ReceiptView receipt(@PathParam("receipt") String receipt) {
        return receipts.check(receipt).map(ReceiptService.ReceiptCheck::receipt)
                .orElseThrow(() -> ApiException.notFound("No response has this receipt."));
    }
}
