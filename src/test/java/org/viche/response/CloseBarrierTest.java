package org.viche.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.viche.support.Api.asAdmin;
import static org.viche.support.Api.openSurvey;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.viche.support.Api;
import org.viche.survey.SurveyService;
import org.viche.survey.SurveySnapshot;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Close is a barrier: a submission that passed the service's "is it open?" check just before
 * the close is refused by its own transaction, which finds the survey CLOSED.
 */
@QuarkusTest
class CloseBarrierTest {

    @Inject
    ResponseCommitter committer;

    @Inject
    ResponseService responses;

    @Inject
    SurveyService surveys;

    @Inject
    ObjectMapper json;

    @Test
    void aSubmissionRacingTheCloseIsRefusedByItsTransactionAndNothingIsCounted() throws Exception {
        String slug = openSurvey("barrier", List.of("UA-14"));
        SurveySnapshot seenOpen = surveys.find(slug).orElseThrow();
        asAdmin().post("/api/v1/surveys/" + slug + "/close").then().statusCode(200);

        String answers = "{\"arrangement\":\"sez\"}";
        ResponseStore.StoreOutcome outcome = committer.store(List.of(new ResponseStore.NewResponse(seenOpen.id(), "UA-14", "en",
                Channel.API, null, answers, null, null, null, null, null, null))).get(0);
        assertInstanceOf(ResponseStore.StoreOutcome.SurveyClosed.class, outcome);

        // The form's snapshot still says OPEN; the transaction that would store the answer says closed.
        SubmitOutcome refused = responses.submit(seenOpen, new SubmissionRequest("UA-14", null, json.readTree(answers), null),
                new Submitter.Anonymous("late-client"), Channel.WEB, null);
        assertInstanceOf(SubmitOutcome.Closed.class, refused);
        assertEquals(0, Api.storedResponses(slug));
    }
}
