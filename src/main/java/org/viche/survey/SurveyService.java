package org.viche.survey;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.viche.audit.AuditAction;
import org.viche.audit.AuditLog;
import org.viche.error.ApiException;
import org.viche.error.FieldError;
import org.viche.error.ServiceProblem;
import org.viche.region.RegionCatalog;
import org.viche.region.Region;
import org.viche.region.RegionScheme;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/** Authoring and lifecycle of surveys: validation first, structure frozen once open. */
@ApplicationScoped
public class SurveyService {

    @Inject
    SurveyRepository surveys;

    @Inject
    RecentSurveys recent;

    @Inject
    SurveyDefinitionValidator validator;

    @Inject
    RegionCatalog regions;

    @Inject
    ObjectMapper json;

    @Inject
    AuditLog audit;

    @Inject
    Event<SurveyClosed> closed;

    @Transactional
    public SurveySnapshot create(SurveyDefinition definition, boolean demo) {
        requireValid(definition);
        if (surveys.findBySlug(definition.slug()).isPresent()) {
            throw ServiceProblem.SLUG_TAKEN.conflict(definition.slug());
        }
        Survey survey = new Survey();
        survey.slug = definition.slug();
        survey.status = SurveyStatus.DRAFT;
        survey.definition = write(definition);
        survey.demo = demo;
        survey.createdAt = now();
        surveys.persist(survey);
        audit.record(AuditAction.SURVEY_CREATED, survey.slug, Map.of("demo", demo));
        return snapshot(survey);
    }

    @Transactional
    public SurveySnapshot replace(String slug, SurveyDefinition definition) {
        Survey survey = lockBySlug(slug);
        if (definition != null && definition.slug() != null && !definition.slug().equals(slug)) {
            throw ApiException.validation("The slug cannot change.",
                    List.of(ServiceProblem.SLUG_MISMATCH.at("slug", slug)));
        }
        if (survey.status != SurveyStatus.DRAFT) {
            throw ServiceProblem.CHANGE_NOT_DRAFT.conflict(slug, survey.status);
        }
        requireValid(definition);
        survey.definition = write(definition);
        audit.record(AuditAction.SURVEY_REPLACED, slug, Map.of());
        return snapshot(survey);
    }

    @Transactional
    public SurveySnapshot open(String slug) {
        Survey survey = lockBySlug(slug);
        if (survey.status != SurveyStatus.DRAFT) {
            throw ServiceProblem.OPEN_NOT_DRAFT.conflict(slug, survey.status);
        }
        survey.status = SurveyStatus.OPEN;
        survey.openedAt = now();
        audit.record(AuditAction.SURVEY_OPENED, slug, Map.of());
        return snapshot(survey);
    }

    @Transactional
    public SurveySnapshot close(String slug) {
        Survey survey = lockBySlug(slug);
        if (survey.status != SurveyStatus.OPEN) {
            throw ServiceProblem.CLOSE_NOT_OPEN.conflict(slug, survey.status);
        }
        survey.status = SurveyStatus.CLOSED;
        survey.closedAt = now();
        audit.record(AuditAction.SURVEY_CLOSED, slug, Map.of());
        closed.fire(new SurveyClosed(survey.id, slug));
        return snapshot(survey);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<SurveySnapshot> findById(long id) {
        return surveys.findByIdOptional(id).map(this::snapshot);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<SurveySnapshot> find(String slug) {
        return surveys.findBySlug(slug).map(this::snapshot);
    }

    /**
     * A survey the public may see: open or closed, never a draft. Read through {@link RecentSurveys}:
     * every submission and results read asks, and the answer may be a second old on another
     * instance — never for what is stored, because an insert checks the survey is still open in
     * its own transaction (the close barrier of {@code ResponseStore}).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public SurveySnapshot findPublic(String slug) {
        return recent.get(slug, () -> find(slug)).filter(s -> s.status() != SurveyStatus.DRAFT)
                .orElseThrow(() -> ApiException.notFound("No published survey named '" + slug + "'."));
    }

    /**
     * A published survey this instance remembers (see {@link RecentSurveys#peek}), without asking
     * the database: for code on an I/O thread, which must not wait. Empty: call {@link #findPublic}
     * on a worker thread.
     */
    public Optional<SurveySnapshot> findPublicIfRemembered(String slug) {
        return recent.peek(slug).filter(s -> s.status() != SurveyStatus.DRAFT);
    }

    /**
     * {@link #findPublic} for code on an I/O thread: from memory when the survey is there (no
     * thread hop), else read on a worker thread — the I/O thread never waits for the database.
     */
    public Uni<SurveySnapshot> findPublicWithoutBlocking(String slug) {
        Optional<SurveySnapshot> remembered = findPublicIfRemembered(slug);
        if (remembered.isPresent()) {
            return Uni.createFrom().item(remembered.get());
        }
        return Uni.createFrom().item(() -> findPublic(slug)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SurveySnapshot> listOpen() {
        return surveys.listByStatus(SurveyStatus.OPEN).stream().map(this::snapshot).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SurveySnapshot> listAll() {
        return surveys.listNewestFirst().stream().map(this::snapshot).toList();
    }

    private void requireValid(SurveyDefinition definition) {
        List<FieldError> errors = validator.validate(definition);
        if (!errors.isEmpty()) {
            throw ApiException.validation("The survey definition has " + errors.size() + " problem(s).", errors);
        }
    }

    private Survey lockBySlug(String slug) {
        Survey survey = surveys.findBySlug(slug)
                .orElseThrow(() -> ApiException.notFound("No survey named '" + slug + "'."));
        surveys.getEntityManager().lock(survey, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        recent.forget(slug);
        return survey;
    }

    /** A stored definition as parsed, with its regions resolved. */
    private record Parsed(String stored, SurveyDefinition definition, List<String> regionCodes) {
    }

    /**
     * Every submission looks its survey up; parsing the definition each time was a visible part
     * of the submission path's CPU. The survey row is still read each time (status changes take
     * effect at once); only the parse is reused while the stored text is unchanged.
     */
    private final Map<Long, Parsed> parsed = new ConcurrentHashMap<>();

    SurveySnapshot snapshot(Survey survey) {
        Parsed p = parsed.get(survey.id);
        if (p == null || !p.stored().equals(survey.definition)) {
            p = parse(survey.definition);
            parsed.put(survey.id, p);
        }
        return new SurveySnapshot(survey.id, survey.slug, survey.status, survey.demo, p.definition(), p.regionCodes(),
                survey.createdAt, survey.openedAt, survey.closedAt);
    }

    private Parsed parse(String stored) {
        SurveyDefinition definition = read(stored);
        List<Region> scheme = regions.scheme(definition.regionScheme()).map(RegionScheme::regions).orElse(List.of());
        List<String> regionCodes = new ArrayList<>(definition.regions() != null ? definition.regions()
                : scheme.stream().filter(Region::isPlace).map(Region::code).toList());
        // living abroad and preferring not to say are answers every survey accepts (api.md)
        scheme.stream().filter(r -> !r.isPlace() && !regionCodes.contains(r.code())).forEach(r -> regionCodes.add(r.code()));
        return new Parsed(stored, definition, List.copyOf(regionCodes));
    }

    private String write(SurveyDefinition definition) {
        try {
            return json.writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise a validated definition", e);
        }
    }

    private SurveyDefinition read(String stored) {
        try {
            return json.readValue(stored, SurveyDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored survey definition is unreadable", e);
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
