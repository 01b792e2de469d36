package org.viche.invitation;

import java.nio.ByteBuffer;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.viche.audit.AuditAction;
import org.viche.audit.AuditLog;
import org.viche.error.ApiException;
import org.viche.error.ServiceProblem;
import org.viche.survey.SurveyDefinition.AccessMode;
import org.viche.survey.SurveyService;
import org.viche.survey.SurveySnapshot;
import org.viche.survey.SurveyStatus;

/**
 * Issues invitation codes for a TOKEN survey. The codes exist in clear only in the answer
 * to the admin who asked for them; the database keeps their hashes, the audit log only
 * how many were made.
 */
@ApplicationScoped
public class InvitationService {

    public static final int MAX_PER_REQUEST = 10_000;

    @Inject
    SurveyService surveys;

    @Inject
    InvitationStore store;

    @Inject
    AuditLog audit;

    @Transactional
    public List<String> generate(String slug, Integer count) {
        if (count == null || count < 1 || count > MAX_PER_REQUEST) {
            throw ApiException.validation("The number of codes is not usable.",
                    List.of(ServiceProblem.CODES_COUNT_OUT_OF_RANGE.at("count", MAX_PER_REQUEST)));
        }
        SurveySnapshot survey = surveys.find(slug)
                .orElseThrow(() -> ApiException.notFound("No survey named '" + slug + "'."));
        if (survey.definition().accessMode() != AccessMode.TOKEN) {
            throw ServiceProblem.CODES_OPEN_ACCESS.conflict(slug);
        }
        if (survey.status() == SurveyStatus.CLOSED) {
            throw ServiceProblem.CODES_SURVEY_CLOSED.conflict(slug);
        }
        List<String> codes = new ArrayList<>(count);
        while (codes.size() < count) {
            codes.addAll(newCodes(survey.id(), count - codes.size()));
        }
        audit.record(AuditAction.INVITATIONS_GENERATED, slug, Map.of("count", count));
        return codes;
    }

    /** Up to {@code wanted} codes, stored now; a (vanishingly rare) repeat of a stored code is dropped. */
    private List<String> newCodes(long surveyId, int wanted) {
        List<String> codes = new ArrayList<>(wanted);
        List<byte[]> hashes = new ArrayList<>(wanted);
        for (int i = 0; i < wanted; i++) {
            String code = InvitationCodes.next();
            codes.add(code);
            hashes.add(InvitationCodes.hash(InvitationCodes.canonical(code).orElseThrow()));
        }
        Set<ByteBuffer> stored;
        try {
            stored = store.insert(surveyId, hashes);
        } catch (SQLException e) {
            throw new IllegalStateException("Invitation codes could not be stored", e);
        }
        List<String> issued = new ArrayList<>(stored.size());
        for (int i = 0; i < wanted; i++) {
            if (stored.remove(ByteBuffer.wrap(hashes.get(i)))) {
                issued.add(codes.get(i));
            }
        }
        return issued;
    }
}
