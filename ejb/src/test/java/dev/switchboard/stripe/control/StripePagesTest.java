package dev.switchboard.stripe.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class StripePagesTest {

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    @Test
    void aListWithMoreContinuesAfterItsLastObject() {
        assertThat(StripePages.nextStartingAfter(json("""
                {"object": "list", "url": "/v1/payment_methods", "has_more": true,
                 "data": [{"id": "pm_1OvA", "object": "payment_method"}, {"id": "pm_1OvB", "object": "payment_method"}]}
                """))).contains("pm_1OvB");
    }

    @Test
    void aListWithoutMoreEnds() {
        assertThat(StripePages.nextStartingAfter(json("""
                {"object": "list", "has_more": false, "data": [{"id": "pm_1OvA"}]}
                """))).isEmpty();
        assertThat(StripePages.nextStartingAfter(json("{\"object\": \"list\", \"has_more\": true, \"data\": []}"))).isEmpty();
        assertThat(StripePages.nextStartingAfter(json("{\"object\": \"list\", \"data\": [{\"id\": \"pm_1\"}]}"))).isEmpty();
    }

    @Test
    void aSearchResultNamesItsNextPage() {
        assertThat(StripePages.nextSearchPage(json("""
                {"object": "search_result", "url": "/v1/customers/search", "has_more": true,
                 "data": [{"id": "cus_PgYx", "metadata": {"user_id": "github:octocat"}}],
                 "next_page": "WzE3MTA5MzcyMDBd"}
                """))).contains("WzE3MTA5MzcyMDBd");
        assertThat(StripePages.nextSearchPage(json("""
                {"object": "search_result", "has_more": false, "data": [], "next_page": null}
                """))).isEmpty();
    }

    @Test
    void quotesTheUserIdInTheSearchQuery() {
        assertThat(StripeApi.userIdQuery("github:octocat")).isEqualTo("metadata['user_id']:'github:octocat'");
        assertThat(StripeApi.userIdQuery("slack:o'brien")).isEqualTo("metadata['user_id']:'slack:o\\'brien'");
    }
}
