package org.viche.support;

import io.quarkus.test.common.QuarkusTestResource;

/**
 * Registers {@link FreshDatabase} for every {@code @QuarkusTest} of the run (not only
 * annotated classes), so all test classes share one application start and one database.
 */
@QuarkusTestResource(value = FreshDatabase.class, restrictToAnnotatedClass = false)
public final class DatabaseTestResource {

    private DatabaseTestResource() {
    }
}
