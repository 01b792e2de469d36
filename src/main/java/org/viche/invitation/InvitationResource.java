package org.viche.invitation;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.viche.security.Roles;

@Path("/api/v1/surveys/{slug}/invitations")
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Invitations", description = "Single-use codes for TOKEN surveys: one person, one voice")
public class InvitationResource {

    static final String CSV = "text/csv";

    public record InvitationRequest(Integer count) {
    }

    public record Invitations(List<String> codes) {
    }

    @Inject
    InvitationService invitations;

    @POST
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = "bearer", scopes = Roles.ADMIN)
    @Operation(summary = "Generate 1-10000 single-use invitation codes for a TOKEN survey",
            description = "The codes are in this answer only: the service keeps their SHA-256, never the codes, and "
                    + "stores no link between a code and the response it admits (a spent code is only a keyed mark; "
                    + "docs/privacy.md). Ask with Accept: text/csv for one code per line under a 'code' header.")
    @APIResponse(responseCode = "201", description = "The codes, shown this once")
    @APIResponse(responseCode = "409", description = "The survey does not use invitations, or is closed")
    @APIResponse(responseCode = "422", description = "count outside 1-10000")
    public Response generate(@PathParam("slug") String slug, @NotNull InvitationRequest request,
            @Context HttpHeaders headers) {
        List<String> codes = invitations.generate(slug, request.count());
        if (prefersCsv(headers)) {
            return Response.status(201).type(CSV + ";charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"" + slug + "-invitations.csv\"")
                    .entity(csv(codes)).build();
        }
        return Response.status(201).type(MediaType.APPLICATION_JSON).entity(new Invitations(codes)).build();
    }

    /** The client's most preferred type that we offer; JSON when it accepts anything. */
    private static boolean prefersCsv(HttpHeaders headers) {
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (accepted.isCompatible(MediaType.valueOf(CSV))) {
                return true;
            }
        }
        return false;
    }

    /** One code per line under a {@code code} header; the console offers the same file. */
    public static String csv(List<String> codes) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("code").setRecordSeparator("\n").get())) {
            for (String code : codes) {
                csv.printRecord(code);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
