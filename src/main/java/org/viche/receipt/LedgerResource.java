package org.viche.receipt;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.viche.security.Roles;
import org.viche.survey.SurveyService;
import org.viche.survey.SurveySnapshot;

@Path("/api/v1/surveys/{slug}/ledger.csv")
@Tag(name = "Receipts")
public class LedgerResource {

    @Inject
    SurveyService surveys;

    @Inject
    LedgerExport ledger;

    @GET
    @Produces("text/csv")
    @RolesAllowed({Roles.RESEARCHER, Roles.ADMIN})
    @SecurityRequirement(name = "bearer", scopes = {Roles.RESEARCHER, Roles.ADMIN})
    @Operation(summary = "Every sealed response in canonical form, for recomputing every seal",
            description = "CSV seal_id,leaf_index,response_id,canonical in seal and leaf order, streamed. With the chain "
                    + "from /seals, `java tools/VerifyLedger.java ledger.csv seals.json` recomputes every leaf, root and "
                    + "link. Free-text answers appear only as the salted SHA-256 commitment that was sealed.")
    public Response ledger(@PathParam("slug") String slug) {
        SurveySnapshot survey = surveys.findPublic(slug);
        StreamingOutput body = output -> ledger.write(survey, output);
        return Response.ok(body, "text/csv;charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + slug + "-ledger.csv\"").build();
    }
}
