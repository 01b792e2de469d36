package org.viche.survey;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class SurveyRepository implements PanacheRepository<Survey> {

    public Optional<Survey> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    public List<Survey> listByStatus(SurveyStatus status) {
        return list("status", Sort.by("createdAt").descending(), status);
    }

    public List<Survey> listNewestFirst() {
        return listAll(Sort.by("createdAt").descending());
    }
}
