package org.viche;

import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** Where the OpenAPI document's global parts are declared: its description and the bearer scheme. */
@OpenAPIDefinition(info = @Info(title = "Viche API", version = "1",
        description = "Opinion polls and public-consent surveys about disputed regions. Errors are "
                + "application/problem+json (RFC 9457). Authoring, token management and microdata need "
                + "`Authorization: Bearer <token>`; reading open surveys and results, and submitting to OPEN "
                + "surveys, are public.",
        license = @License(name = "AGPL-3.0-or-later")))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "A token issued through /api/v1/tokens (role admin, researcher or partner)")
public class VicheApplication extends Application {
}
