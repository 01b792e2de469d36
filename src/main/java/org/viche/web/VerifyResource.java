package org.viche.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.viche.receipt.ReceiptService;
import org.viche.receipt.ReceiptService.ReceiptCheck;
import org.viche.response.ReceiptCodes;
import org.viche.survey.SurveyDefinition;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The citizen's check of a receipt: a GET form (works without script, and the thank-you page
 * links to it with the receipt filled in) answering in plain words whether the response was
 * counted, whether and in which seal it is sealed, and whether the inclusion proof leads to the
 * seal's root — with the leaf and the proof laid out so anyone can redo the check by hand.
 * The page's own form posts the receipt, so that it appears in no address and no history
 * (a GET with {@code ?receipt=} still works, for links from elsewhere); its only cookie is the
 * form's CSRF token, and the page is never cached.
 */
@Path("/verify")
@Produces(MediaType.TEXT_HTML)
public class VerifyResource {

    @Inject
    ReceiptService receipts;

    @Inject
    LanguageResolver languages;


    /**
     * What the page shows. {@code state}: {@code empty} (nothing asked yet), {@code malformed}
     * (cannot be a receipt), {@code unknown} (no such receipt), {@code pending} (counted, not yet
     * sealed) or {@code sealed}; {@code check} is set for the last two.
     */
    public record Verification(String state, String typed, ReceiptCheck check, String apiHref, String sealsHref,
            String sealedAt) {

        public boolean sealed() {
            return "sealed".equals(state);
        }

        public boolean verified() {
            return check != null && check.verified();
        }

        public List<ReceiptService.ProofStep> proof() {
            return check == null || check.receipt().proof() == null ? List.of() : check.receipt().proof();
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance verify(Page page, Verification v);
    }

    @GET
    @Operation(hidden = true)
    public Response verify(@QueryParam("receipt") String typed, @QueryParam("lang") String lang,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return page(typed, lang, acceptLanguage, true);
    }

    /** The same check, posted from the page's form or the receipt page: the receipt stays out of the address. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response verifyPosted(@FormParam("receipt") String typed, @QueryParam("lang") String lang,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return page(typed, lang, acceptLanguage, false);
    }

    /** {@code receiptInLinks}: only a receipt that is already in the address is kept by the language links. */
    private Response page(String typed, String lang, String acceptLanguage, boolean receiptInLinks) {
        PageMessages msg = PageTexts.of(languages.forSite(lang, acceptLanguage));
        String receipt = typed == null ? "" : typed.strip();
        if (receipt.length() > 64) {
            receipt = receipt.substring(0, 64);
        }
        Verification v = verification(receipt, msg);
        Page page = Page.of(msg.language(), msg.verify_title(), "/verify",
                receipt.isEmpty() || !receiptInLinks ? Map.of() : Map.of("receipt", receipt), SurveyDefinition.SUPPORTED_LANGUAGES);
        // 200 for every outcome: the page itself (with its form) is what the person needs,
        // and the message says plainly what was wrong with the receipt.
        return HtmlResponses.privateFormPage(200, PageTexts.in(msg.language(), Templates.verify(page, v)));
    }

    private Verification verification(String typed, PageMessages msg) {
        if (typed.isEmpty()) {
            return new Verification("empty", "", null, null, null, null);
        }
        Optional<String> normalised = ReceiptCodes.normalise(typed);
        if (normalised.isEmpty()) {
            return new Verification("malformed", typed, null, null, null, null);
        }
        Optional<ReceiptCheck> check = receipts.check(normalised.get());
        if (check.isEmpty()) {
            return new Verification("unknown", normalised.get(), null, null, null, null);
        }
        String survey = check.get().receipt().survey();
        return new Verification(check.get().receipt().sealed() ? "sealed" : "pending", normalised.get(), check.get(),
                "/api/v1/receipts/" + normalised.get(), "/api/v1/surveys/" + survey + "/seals",
                check.get().receipt().sealed() ? Times.inWords(check.get().receipt().seal().sealedAt(), PageTexts.locale(msg)) : null);
    }
}
