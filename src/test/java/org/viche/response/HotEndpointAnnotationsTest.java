package org.viche.response;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.viche.web.SurveyFormResource;

/**
 * The JDK parses a method's parameter annotations afresh every time they are asked for, and the
 * REST layer asks on every request whose body it reads (a reader interceptor is registered). On
 * the submission endpoints the OpenAPI documentation (with its example bodies) was parsed per
 * response, a tenth of a submission's cost: it belongs on the method, where it is read once.
 */
class HotEndpointAnnotationsTest {

    @Test
    void theSubmissionEndpointsKeepTheirDocumentationOffTheirParameters() {
        List<Method> endpoints = Arrays.stream(new Class<?>[] { ResponseResource.class, SurveyFormResource.class })
                .flatMap(c -> Arrays.stream(c.getDeclaredMethods()))
                .filter(m -> m.isAnnotationPresent(jakarta.ws.rs.POST.class))
                .toList();
        assertEquals(3, endpoints.size(), "single, batch and form submissions");
        for (Method endpoint : endpoints) {
            for (Annotation[] parameter : endpoint.getParameterAnnotations()) {
                for (Annotation annotation : parameter) {
                    String type = annotation.annotationType().getName();
                    assertEquals(false, type.startsWith("org.eclipse.microprofile.openapi"),
                            endpoint.getName() + " documents a parameter with " + type);
                }
            }
        }
    }
}
