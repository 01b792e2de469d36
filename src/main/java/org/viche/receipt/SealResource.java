package org.viche.receipt;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.viche.survey.SurveyService;

@Path("/api/v1/surveys/{slug}/seals")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Receipts")
public class SealResource {

    @Inject
    ReceiptService receipts;

    @Inject
    SurveyService surveys;

    @GET
    @Operation(summary = "The survey's chain of seals, oldest first",
            description = "Each seal: id, Merkle root, size, sealing time, the previous seal's hash (64 zeros for the "
                    + "first) and its own hash, SHA-256 of its canonical text (docs/receipts.md).")
    public ReceiptService.SealChain seals(@PathParam("slug") String slug) {
        return receipts.chain(surveys.findPublic(slug));
    }
}
