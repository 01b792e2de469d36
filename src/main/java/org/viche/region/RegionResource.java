package org.viche.region;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.viche.error.ApiException;

@Path("/api/v1/regions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Regions", description = "Region schemes: names in each language and population used for weighting")
public class RegionResource {

    @Inject
    RegionCatalog catalog;

    public record SchemeView(String code, List<Region> regions) {
    }

    @GET
    @Operation(summary = "List every region scheme with its regions")
    public List<SchemeView> list() {
        return catalog.schemes().stream().map(s -> new SchemeView(s.code(), s.regions())).toList();
    }

    @GET
    @Path("/{scheme}")
    @Operation(summary = "One region scheme with its regions")
    public SchemeView scheme(@PathParam("scheme") String code) {
        RegionScheme scheme = catalog.scheme(code)
                .orElseThrow(() -> ApiException.notFound("No region scheme named " + code + "."));
        return new SchemeView(scheme.code(), scheme.regions());
    }
}
