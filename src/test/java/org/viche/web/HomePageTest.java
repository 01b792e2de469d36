package org.viche.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HomePageTest {

    @Test
    void listsTheDemoSurveyInUkrainianByDefault() {
        given().get("/").then().statusCode(200)
                .contentType(startsWith("text/html"))
                .body(containsString("<html lang=\"uk\">"))
                .body(containsString("Відкриті опитування"))
                .body(containsString("[Демо] Майбутнє спірних територій"))
                .body(containsString("<strong>Демо.</strong>"))
                .body(containsString("href=\"/s/demo-disputed-regions?lang=uk\""))
                .body(containsString("href=\"/s/demo-disputed-regions/results?lang=uk\""));
    }

    @Test
    void listsTheDemoSurveyInRussian() {
        given().queryParam("lang", "ru").get("/").then().statusCode(200)
                .body(containsString("<html lang=\"ru\">"))
                .body(containsString("Открытые опросы"))
                .body(containsString("[Демо] Будущее спорных территорий"))
                .body(containsString("<strong>Демо.</strong>"));
    }

    @Test
    void listsTheDemoSurveyInEnglish() {
        given().queryParam("lang", "en").get("/").then().statusCode(200)
                .body(containsString("<html lang=\"en\">"))
                .body(containsString("Open surveys"))
                .body(containsString("[Demo] The future of the disputed regions"))
                .body(containsString("<strong>Demo.</strong>"))
                .body(not(containsString("Відкриті опитування")));
    }

    @Test
    void russianBrowsersGetRussian() {
        given().header("Accept-Language", "ru-RU,ru;q=0.9,en;q=0.5").get("/").then().statusCode(200)
                .body(containsString("<html lang=\"ru\">"))
                .body(containsString("Открытые опросы"));
    }

    @Test
    void explicitLanguageWinsOverTheBrowserLanguage() {
        given().header("Accept-Language", "ru").queryParam("lang", "en").get("/").then().statusCode(200)
                .body(containsString("<html lang=\"en\">"))
                .body(containsString("Open surveys"));
    }

    @Test
    void everyLanguageCanBeChosenFromThePage() {
        given().queryParam("lang", "en").get("/").then().statusCode(200)
                .body(containsString("<a href=\"/?lang=uk\" hreflang=\"uk\" lang=\"uk\">Українська</a>"))
                .body(containsString("<a href=\"/?lang=ru\" hreflang=\"ru\" lang=\"ru\">Русский</a>"))
                .body(containsString("<a href=\"/?lang=en\" hreflang=\"en\" lang=\"en\" aria-current=\"page\">English</a>"));
    }
}
